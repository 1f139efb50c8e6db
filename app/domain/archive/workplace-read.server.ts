import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';

// Reads a Workplace archive into one shape, whichever of the two exports it is (ADR 029):
// - the group feed as the Graph API returns it: `{ data: [post…], paging }` or a bare list, one or
//   many files (pages), posts with `id`, `from`, `message`, `created_time`, `attachments` (with
//   `subattachments`), `comments` (with nested `comments`), `reactions`;
// - the "Download Workplace data" export of a group: `{ group_name?, posts: [ { timestamp, author?,
//   title, data: [{ post }], attachments: [{ data: [{ media: { uri } } | { external_context: { url } }] }],
//   comments: [{ timestamp, author, comment }] } ] }`, whose text is UTF-8 written as Latin-1
//   escapes (`\u00c3\u00a4` for `ä`).

export type ArchivePerson = { id: string; name: string; email?: string };
export type ArchiveAttachment =
  | { kind: 'image'; file?: string; url?: string; title?: string }
  | { kind: 'link'; url: string; title?: string };
export type ArchiveReaction = { person: ArchivePerson; type: string };
export type ArchiveComment = {
  id: string;
  author?: ArchivePerson;
  message: string;
  createdAt: Date;
  attachments: ArchiveAttachment[];
  reactions: ArchiveReaction[];
  replies: ArchiveComment[];
};
export type ArchivePost = {
  id: string;
  group: string;
  /** Where it was read, for messages: "feed-2.json, item 14". */
  where: string;
  author?: ArchivePerson;
  message: string;
  createdAt: Date;
  permalink?: string;
  attachments: ArchiveAttachment[];
  reactions: ArchiveReaction[];
  comments: ArchiveComment[];
};

/** Input that cannot be read, naming the file and the item. */
export class ArchiveError extends Error {}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Raw[] =>
  (Array.isArray(v) ? v : isObject(v) && Array.isArray(v.data) ? v.data : []).filter(isObject);
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** The archive's JSON files (a folder, searched through, or a ZIP), with the folder images are found in. */
export function archiveFiles(
  input: string,
): { name: string; json: unknown; file: (p: string) => Uint8Array | null }[] {
  if (!fs.existsSync(input)) throw new ArchiveError(`${input}: no such file or folder.`);
  const parse = (name: string, bytes: Uint8Array) => {
    try {
      return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
    } catch (error) {
      throw new ArchiveError(
        `${name}: not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
  };
  if (fs.statSync(input).isFile() && input.endsWith('.zip')) {
    const entries = unzipSync(new Uint8Array(fs.readFileSync(input)));
    const file = (p: string) => entries[path.posix.normalize(p)] ?? null;
    return Object.keys(entries)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => ({ name, json: parse(name, entries[name]!), file }));
  }
  const root = fs.statSync(input).isFile() ? path.dirname(input) : input;
  const file = (p: string) => {
    const full = path.resolve(root, p);
    return full.startsWith(path.resolve(root) + path.sep) && fs.existsSync(full)
      ? fs.readFileSync(full)
      : null;
  };
  const names = fs.statSync(input).isFile()
    ? [path.basename(input)]
    : (fs.readdirSync(root, { recursive: true }) as string[]).filter((n) => n.endsWith('.json')).sort();
  return names.map((name) => ({ name, json: parse(name, fs.readFileSync(path.join(root, name))), file }));
}

/** Every post of every file, in one shape. */
export function readArchive(files: { name: string; json: unknown }[]): ArchivePost[] {
  return files.flatMap(({ name, json }) =>
    isObject(json) && Array.isArray(json.posts)
      ? fromDownload(name, json)
      : list(json).map((raw, i) => fromGraph(raw, `${name}, item ${i + 1}`)),
  );
}

function when(value: unknown, where: string): Date {
  // Graph writes "2025-03-01T10:00:00+0000"; the download, seconds since 1970.
  const date =
    typeof value === 'number'
      ? new Date(value * 1000)
      : new Date(text(value).replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  if (Number.isNaN(date.getTime()))
    throw new ArchiveError(`${where}: the time "${String(value)}" cannot be read.`);
  return date;
}

function person(raw: unknown): ArchivePerson | undefined {
  if (!isObject(raw) || !text(raw.id)) return undefined;
  return { id: text(raw.id), name: text(raw.name), email: text(raw.email) || undefined };
}

function graphAttachments(raw: unknown): ArchiveAttachment[] {
  return list(raw).flatMap((a) => {
    const subs = graphAttachments(a.subattachments);
    if (subs.length) return subs;
    const image = isObject(a.media) && isObject(a.media.image) ? text(a.media.image.src) : '';
    const url = text(a.unshimmed_url) || text(a.url) || (isObject(a.target) ? text(a.target.url) : '');
    const title = text(a.title) || text(a.description) || undefined;
    if (image)
      return [
        /^https?:/.test(image) ? { kind: 'image', url: image, title } : { kind: 'image', file: image, title },
      ];
    return url ? [{ kind: 'link', url, title }] : [];
  });
}

const reactionsOf = (raw: unknown): ArchiveReaction[] =>
  list(raw).flatMap((r) => {
    const who = person(r);
    return who ? [{ person: who, type: text(r.type) || 'LIKE' }] : [];
  });

function fromGraph(raw: Raw, where: string): ArchivePost {
  const id = text(raw.id);
  if (!id) throw new ArchiveError(`${where}: a post without an id.`);
  const comment = (c: Raw, at: string): ArchiveComment => {
    if (!text(c.id)) throw new ArchiveError(`${at}: a comment without an id.`);
    return {
      id: text(c.id),
      author: person(c.from),
      message: text(c.message),
      createdAt: when(c.created_time, at),
      attachments: graphAttachments(c.attachment ? [c.attachment] : c.attachments),
      reactions: reactionsOf(c.reactions),
      replies: list(c.comments).map((r, i) => comment(r, `${at}, reply ${i + 1}`)),
    };
  };
  return {
    id,
    // Graph ids of group posts are "<group id>_<post id>".
    group: id.includes('_') ? id.split('_')[0]! : 'group',
    where,
    author: person(raw.from),
    message: text(raw.message) || text(raw.story),
    createdAt: when(raw.created_time, where),
    permalink: text(raw.permalink_url) || undefined,
    attachments: graphAttachments(raw.attachments),
    reactions: reactionsOf(raw.reactions),
    comments: list(raw.comments).map((c, i) => comment(c, `${where}, comment ${i + 1}`)),
  };
}

/** "Ã¤" back to "ä": the download writes each UTF-8 byte as a character of its own. */
export function fixMojibake(value: string): string {
  // Mojibake is UTF-8 read as Latin-1: only characters up to U+00FF, some of them above U+007F.
  const codes = [...value].map((c) => c.codePointAt(0) ?? 0);
  if (!codes.some((c) => c > 0x7f) || codes.some((c) => c > 0xff)) return value;
  const decoded = Buffer.from(value, 'latin1').toString('utf8');
  return decoded.includes('\ufffd') ? value : decoded;
}

function fromDownload(name: string, json: Raw): ArchivePost[] {
  const group = fixMojibake(text(json.group_name)) || name;
  // The download has names, not ids or addresses: a person is known by their name.
  const byName = (raw: unknown): ArchivePerson | undefined => {
    const who = fixMojibake(text(raw));
    return who ? { id: `name:${who}`, name: who } : undefined;
  };
  return list(json.posts).map((raw, i) => {
    const where = `${name}, post ${i + 1}`;
    const message = fixMojibake(
      list(raw.data)
        .map((d) => text(d.post))
        .find(Boolean) ?? '',
    );
    const author =
      byName(raw.author) ?? byName(/^(.+?) (posted|wrote|shared)/.exec(fixMojibake(text(raw.title)))?.[1]);
    const createdAt = when(raw.timestamp, where);
    const id = `download:${createHash('sha256').update(`${group}\n${createdAt.toISOString()}\n${author?.name}\n${message}`).digest('hex').slice(0, 32)}`;
    const attachments = list(raw.attachments).flatMap((a) =>
      list(a.data).flatMap((d): ArchiveAttachment[] => {
        if (isObject(d.media) && text(d.media.uri)) return [{ kind: 'image', file: text(d.media.uri) }];
        const url = isObject(d.external_context) ? text(d.external_context.url) : '';
        return url ? [{ kind: 'link', url }] : [];
      }),
    );
    const comments = list(raw.comments).map((c, j): ArchiveComment => {
      const body = isObject(c.comment) ? c.comment : c;
      const at = `${where}, comment ${j + 1}`;
      return {
        id: `${id}:${j}`,
        author: byName(body.author),
        message: fixMojibake(text(body.comment)),
        createdAt: when(body.timestamp, at),
        attachments: [],
        reactions: [],
        replies: [],
      };
    });
    return { id, group, where, author, message, createdAt, attachments, reactions: [], comments };
  });
}
