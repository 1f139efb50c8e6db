import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import type { Prisma } from '~/generated/prisma/client';
import { refreshThreadStats } from '~/domain/forum/stats.server';
import { reindexThread } from '~/domain/forum/search-index.server';
import {
  cleanDocument,
  documentFromText,
  plainText,
  renderDocument,
  safeHref,
  type RichDoc,
  type RichNode,
} from '~/domain/rich-text/sanitise.server';
import { imagePath, isPicture, storeImage } from '~/domain/uploads/images.server';
import type { ArchiveAttachment, ArchiveComment, ArchivePerson, ArchivePost } from './workplace-read.server';
import { ArchiveError } from './workplace-read.server';

// Brings the Workplace archive into the forum (issue 16 item 1, ADR 029): a group is a category,
// a post a thread, a comment a reply and a reply to a comment a reply quoting it. Each thread is
// one transaction; every item is recorded by its Workplace id, so a second run adds only what is
// new. Nobody is notified: no notification, follow or e-mail is made.

const SOURCE = 'workplace';
const TITLE_MAX = 200;
/** Workplace's reactions, as ours: a like is "helpful", a love or care is "thanks", the rest "me too". */
const REACTION: Record<string, 'helpful' | 'thanks' | 'me_too'> = {
  LIKE: 'helpful',
  LOVE: 'thanks',
  CARE: 'thanks',
  THANKFUL: 'thanks',
};
const FORMER_ORGANISATION = { slug: 'workplace-arkisto', name: 'Workplace-arkisto', kind: 'association' };

export type ImportReport = {
  threads: number;
  replies: number;
  reactions: number;
  images: number;
  /** Already imported by an earlier run. */
  alreadyThere: number;
  /** Authors with no member of the same e-mail address: a profile that cannot log in. */
  formerMembers: string[];
  skipped: { where: string; reason: string }[];
};

export type ImportOptions = {
  /** The category slug of a group (by its id or name), or of every group. */
  categoryOf: (group: string) => string | undefined;
  dryRun?: boolean;
  /** Where image files named by the archive are read. */
  file: (relative: string) => Uint8Array | null;
  onProgress?: (done: number, total: number) => void;
};

export async function importWorkplace(posts: ArchivePost[], options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = {
    threads: 0,
    replies: 0,
    reactions: 0,
    images: 0,
    alreadyThere: 0,
    formerMembers: [],
    skipped: [],
  };
  // Everything that can be refused is refused before anything is written.
  const categories = await categoriesFor(posts, options.categoryOf);
  const done = await alreadyImported(
    'thread',
    posts.map((p) => p.id),
  );
  const people = await peopleOf(posts, report, options.dryRun ?? false);
  for (const [i, post] of posts.entries()) {
    options.onProgress?.(i, posts.length);
    if (done.has(post.id)) {
      report.alreadyThere += 1;
      continue;
    }
    done.set(post.id, '');
    await importThread(post, categories.get(post.group)!, people, options, report);
  }
  options.onProgress?.(posts.length, posts.length);
  return report;
}

/** The items of this kind an earlier run made, by archive id (one array parameter, however many). */
async function alreadyImported(kind: 'thread' | 'member', externalIds: string[]) {
  const rows = await db.$queryRaw<{ externalId: string; localId: string }[]>`
    SELECT external_id AS "externalId", local_id::text AS "localId" FROM archive_item
    WHERE source = ${SOURCE} AND kind = ${kind} AND external_id = ANY(${externalIds}::text[])`;
  return new Map(rows.map((row) => [row.externalId, row.localId]));
}

async function categoriesFor(posts: ArchivePost[], categoryOf: ImportOptions['categoryOf']) {
  const slugs = new Map<string, string>();
  for (const group of new Set(posts.map((p) => p.group))) {
    const slug = categoryOf(group);
    if (!slug)
      throw new ArchiveError(
        `The group "${group}" has no category: name one with --category or in the --map file.`,
      );
    slugs.set(group, slug);
  }
  const found = await db.forumCategory.findMany({
    where: { slug: { in: [...slugs.values()] } },
    select: { id: true, slug: true },
  });
  const ids = new Map(found.map((c) => [c.slug, c.id]));
  const result = new Map<string, string>();
  for (const [group, slug] of slugs) {
    const id = ids.get(slug);
    if (!id) throw new ArchiveError(`There is no forum category "${slug}" (for the group "${group}").`);
    result.set(group, id);
  }
  return result;
}

/** Each person of the archive as a member: by e-mail, by an earlier import, or a former-member profile. */
async function peopleOf(posts: ArchivePost[], report: ImportReport, dryRun: boolean) {
  const everyone = new Map<string, ArchivePerson>();
  const see = (p?: ArchivePerson) => p && !everyone.has(p.id) && everyone.set(p.id, p);
  const walk = (c: ArchiveComment) => {
    see(c.author);
    c.reactions.forEach((r) => see(r.person));
    c.replies.forEach(walk);
  };
  for (const post of posts) {
    see(post.author);
    post.reactions.forEach((r) => see(r.person));
    post.comments.forEach(walk);
  }
  // Posts whose author left no trace (deleted accounts) are by one "former member".
  everyone.set('unknown', { id: 'unknown', name: '' });
  const people = new Map<string, string>();
  const emails = [...everyone.values()].flatMap((p) => (p.email ? [p.email.toLowerCase()] : []));
  const members = new Map(
    (await db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } })).map(
      (u) => [u.email, u.id],
    ),
  );
  const earlier = new Map(
    [
      ...(await alreadyImported(
        'member',
        [...everyone.keys()].map((id) => `member:${id}`),
      )),
    ].map(([externalId, localId]) => [externalId.slice('member:'.length), localId]),
  );
  const organisationId = dryRun ? '' : await formerOrganisation();
  for (const who of everyone.values()) {
    const id = (who.email && members.get(who.email.toLowerCase())) || earlier.get(who.id);
    if (id) {
      people.set(who.id, id);
      continue;
    }
    if (who.id !== 'unknown') report.formerMembers.push(who.name || who.id);
    if (dryRun) continue;
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          // Never deliverable, so nobody can log in, reset a password or be invited as it.
          email: `workplace-${createHash('sha256').update(who.id).digest('hex').slice(0, 24)}@archive.invalid`,
          name: who.name,
          passwordHash: '!',
          organisationId,
          status: 'deactivated',
          deactivatedAt: new Date(),
          directoryShows: [],
        },
        select: { id: true },
      });
      await tx.archiveItem.create({
        data: { source: SOURCE, externalId: `member:${who.id}`, kind: 'member', localId: created.id },
      });
      return created;
    });
    people.set(who.id, user.id);
  }
  return people;
}

async function formerOrganisation() {
  const org = await db.organisation.upsert({
    where: { slug: FORMER_ORGANISATION.slug },
    create: { ...FORMER_ORGANISATION, active: false },
    update: {},
    select: { id: true },
  });
  return org.id;
}

/** One thread with its replies and reactions: all of it, or (on any failure) none of it. */
async function importThread(
  post: ArchivePost,
  categoryId: string,
  people: Map<string, string>,
  options: ImportOptions,
  report: ImportReport,
) {
  const authorOf = (p?: ArchivePerson) => people.get(p?.id ?? 'unknown') ?? people.get('unknown')!;
  const stored: string[] = [];
  const counts = { replies: 0, reactions: 0, images: 0 };
  try {
    const body = async (
      message: string,
      attachments: ArchiveAttachment[],
      ownerId: string,
      where: string,
    ) => {
      const doc = linked(documentFromText(message));
      for (const attachment of attachments) {
        const node = await attachmentNode(attachment, ownerId, options);
        if ('skip' in node) report.skipped.push({ where, reason: node.skip });
        else {
          if (node.node.type === 'image') counts.images += 1;
          if (node.uploadId) stored.push(node.uploadId);
          doc.content.push(node.node);
        }
      }
      // Through the same allow-list as anything typed in the editor.
      const clean = cleanDocument(doc);
      return { bodyJson: clean as object, bodyHtml: renderDocument(clean), bodyText: plainText(clean) };
    };
    const threadId = randomUUID();
    const rows: Prisma.ForumPostCreateManyInput[] = [];
    const items = [{ source: SOURCE, externalId: post.id, kind: 'thread', localId: threadId }];
    const reactions: { postId: string; userId: string; kind: string; createdAt: Date }[] = [];
    const react = (postId: string, list: ArchivePost['reactions'], at: Date) => {
      for (const r of list)
        reactions.push({
          postId,
          userId: authorOf(r.person),
          kind: REACTION[r.type] ?? 'me_too',
          createdAt: at,
        });
    };
    const questionId = randomUUID();
    const authorId = authorOf(post.author);
    rows.push({
      id: questionId,
      threadId,
      authorId,
      isQuestion: true,
      createdAt: post.createdAt,
      ...(await body(post.message, post.attachments, authorId, post.where)),
    });
    react(questionId, post.reactions, post.createdAt);
    const walk = async (comment: ArchiveComment, quoted: string | null, where: string) => {
      const id = randomUUID();
      const by = authorOf(comment.author);
      rows.push({
        id,
        threadId,
        authorId: by,
        quotedPostId: quoted,
        createdAt: comment.createdAt,
        ...(await body(comment.message, comment.attachments, by, where)),
      });
      items.push({ source: SOURCE, externalId: comment.id, kind: 'post', localId: id });
      react(id, comment.reactions, comment.createdAt);
      counts.replies += 1;
      for (const [i, reply] of comment.replies.entries()) await walk(reply, id, `${where}, reply ${i + 1}`);
    };
    for (const [i, comment] of post.comments.entries())
      await walk(comment, null, `${post.where}, comment ${i + 1}`);
    if (!options.dryRun)
      await db.$transaction(
        async (tx) => {
          await tx.forumThread.create({
            data: {
              id: threadId,
              categoryId,
              authorId,
              title: titleOf(post),
              language: 'fi',
              createdAt: post.createdAt,
              lastPostAt: post.createdAt,
              archivedFrom: SOURCE,
            },
          });
          // Replies quote replies made before them: in time order, the quoted row exists first.
          await tx.forumPost.createMany({ data: rows });
          await tx.forumReaction.createMany({ data: reactions, skipDuplicates: true });
          await tx.archiveItem.createMany({ data: items, skipDuplicates: true });
          await refreshThreadStats(tx, threadId);
          await reindexThread(tx, threadId);
        },
        { timeout: 60_000 },
      );
    report.threads += 1;
    report.replies += counts.replies;
    report.reactions += reactions.length;
    report.images += counts.images;
  } catch (error) {
    // The thread's pictures were stored before its transaction: they go with it.
    await db.upload.deleteMany({ where: { id: { in: stored } } });
    for (const id of stored) fs.rmSync(imagePath(id), { force: true });
    throw new ArchiveError(
      `${post.where}: not imported (${error instanceof Error ? error.message : String(error)}); nothing of it was kept.`,
    );
  }
}

function titleOf(post: ArchivePost) {
  const first =
    post.message
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean) ?? '';
  const title = first.length > TITLE_MAX ? `${first.slice(0, TITLE_MAX - 1).trimEnd()}…` : first;
  return title.length >= 5
    ? title
    : `Workplace ${post.createdAt.toISOString().slice(0, 10)}${title ? `: ${title}` : ''}`;
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/g;

/** Addresses in the text become links, as Workplace showed them. */
function linked(doc: RichDoc): RichDoc {
  const split = (node: RichNode): RichNode[] => {
    if (node.type !== 'text' || !node.text) return [{ ...node, content: node.content?.flatMap(split) }];
    const out: RichNode[] = [];
    let last = 0;
    for (const match of node.text.matchAll(URL_IN_TEXT)) {
      const href = safeHref(match[0]);
      if (!href) continue;
      if (match.index > last) out.push({ type: 'text', text: node.text.slice(last, match.index) });
      out.push({ type: 'text', text: match[0], marks: [{ type: 'link', attrs: { href } }] });
      last = match.index + match[0].length;
    }
    if (last < node.text.length) out.push({ type: 'text', text: node.text.slice(last) });
    return out;
  };
  return { type: 'doc', content: doc.content.flatMap(split) };
}

async function attachmentNode(
  attachment: ArchiveAttachment,
  ownerId: string,
  { file, dryRun }: ImportOptions,
): Promise<{ node: RichNode; uploadId?: string } | { skip: string }> {
  const link = (url: string, title?: string) => {
    const href = safeHref(url);
    return href
      ? {
          node: {
            type: 'paragraph',
            content: [{ type: 'text', text: title || url, marks: [{ type: 'link', attrs: { href } }] }],
          },
        }
      : { skip: `an attachment's address cannot be used: ${url.slice(0, 80)}` };
  };
  if (attachment.kind === 'link') return link(attachment.url, attachment.title);
  if (!attachment.file)
    // Pictures on Meta's servers went with Workplace: what is left is where they were.
    return { skip: `a picture not in the archive folder (${(attachment.url ?? '').slice(0, 80)})` };
  const bytes = file(attachment.file);
  if (!bytes) return { skip: `a picture the archive names but does not hold: ${attachment.file}` };
  const notShown = { skip: `${attachment.file} is not a picture that can be shown` };
  // A dry run reads the picture as storing it would, and stores nothing.
  if (dryRun)
    return (await isPicture(bytes))
      ? { node: { type: 'image', attrs: { src: '/uploads/dry-run' } } }
      : notShown;
  const stored = await storeImage({ id: ownerId } as AuthUser, bytes, 'forum');
  if (!stored.ok) return notShown;
  return {
    node: { type: 'image', attrs: { src: stored.url, alt: attachment.title ?? '' } },
    uploadId: stored.id,
  };
}
