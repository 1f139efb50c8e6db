import { randomUUID } from 'node:crypto';
// Factories shared by the seed and the tests: one way to make a member, an organisation, a
// support point, so demo data and test data have the same shape.
import { hashPassword } from '~/auth/password.server';
import type { RoleKey } from '~/auth/roles';
import type { Prisma } from '~/generated/prisma/client';
import type { Tx } from '~/db.server';
import { reindexThread } from '~/domain/forum/search-index.server';
import { refreshThreadStats } from '~/domain/forum/stats.server';
import { documentFromText, plainText, renderDocument } from '~/domain/rich-text/sanitise.server';
import type { AuthUser } from '~/auth/guards.server';
import { db as defaultDb } from '~/db.server';
import { createMaterial } from '~/domain/library/materials.server';
import { publishMaterial } from '~/domain/library/publish.server';
import { forgetCategories } from '~/domain/forum/categories.server';
import { reindexSupportPoints } from '~/domain/support-points/search-index.server';
import { newFeedbackCode } from '~/domain/guidance/feedback-link.server';

export const DEMO_PASSWORD = 'Tukiverkko-demo-2026';

let demoHash: Promise<string> | undefined;
/** Hashing is deliberately slow; members made with the demo password share one hash. */
export function demoPasswordHash() {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  return demoHash;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function makeOrganisation(
  db: Tx,
  data: Partial<{ name: string; slug: string; kind: string; active: boolean }> = {},
) {
  const id = unique();
  return db.organisation.create({
    data: {
      name: data.name ?? `Organisaatio ${id}`,
      slug: data.slug ?? `org-${id}`,
      kind: data.kind ?? 'association',
      active: data.active ?? true,
    },
    select: { id: true, name: true, slug: true },
  });
}

export async function makeSupportPoint(
  db: Tx,
  data: Partial<{
    name: string;
    slug: string;
    kind: string;
    address: string;
    district: string;
    hostOrganisationId: string;
    active: boolean;
    languages: string[];
    accessibilityFi: string;
    accessibilitySv: string;
  }> = {},
) {
  const id = unique();
  const point = await db.supportPoint.create({
    data: {
      name: data.name ?? `Tukipiste ${id}`,
      slug: data.slug ?? `point-${id}`,
      kind: data.kind ?? 'library',
      address: data.address ?? 'Testikatu 1, 00100 Helsinki',
      district: data.district ?? 'Keskusta',
      hostOrganisationId: data.hostOrganisationId ?? null,
      active: data.active ?? true,
      languages: data.languages ?? [],
      accessibilityFi: data.accessibilityFi ?? '',
      accessibilitySv: data.accessibilitySv ?? '',
      feedbackCode: newFeedbackCode(),
    },
    select: { id: true, name: true, slug: true, feedbackCode: true },
  });
  // As saving one in the app does: the point is in the search index.
  await reindexSupportPoints(db, [point.id]);
  return point;
}

/**
 * A large network (issue 14: the national data has 1,500 places): `count` active places named
 * "Bulk 000"… with slugs "bulk-0"…, hosted by one organisation, in one statement (not indexed
 * for search: these tests are about lists).
 */
export async function makeBulkSupportPoints(
  db: Tx,
  count: number,
  data: { hostOrganisationId: string; district: string },
) {
  await db.supportPoint.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      slug: `bulk-${i}`,
      name: `Bulk ${String(i).padStart(3, '0')}`,
      kind: 'library',
      address: 'Testikatu 1',
      feedbackCode: newFeedbackCode(),
      ...data,
    })),
  });
}

/**
 * A member known by their main role holds the roles such a member usually holds: a trainer,
 * coordinator or admin also advises (as the migration to combined roles gave existing members).
 * Tests and the demo data say `role`; `roles` names the exact set.
 */
export const USUAL_ROLES: Record<RoleKey, RoleKey[]> = {
  adviser: ['adviser'],
  trainer: ['adviser', 'trainer'],
  eservice_rep: ['adviser', 'eservice_rep'],
  org_admin: ['adviser', 'org_admin'],
  coordinator: ['adviser', 'coordinator'],
  admin: ['adviser', 'coordinator', 'admin'],
};

export type MakeUser = {
  role?: RoleKey;
  roles?: RoleKey[];
  organisationId: string;
  email?: string;
  name?: string;
  password?: string;
  locale?: string;
  status?: 'active' | 'deactivated';
  adviseLanguages?: string[];
  supportPointIds?: string[];
};

export async function makeUser(db: Tx, data: MakeUser) {
  const roles = await db.role.findMany({
    where: { key: { in: data.roles ?? USUAL_ROLES[data.role ?? 'adviser'] } },
    select: { id: true },
  });
  const id = unique();
  return db.user.create({
    data: {
      email: (data.email ?? `member-${id}@example.test`).toLowerCase(),
      name: data.name ?? `Jäsen ${id}`,
      passwordHash: data.password ? await hashPassword(data.password) : await demoPasswordHash(),
      roles: { create: roles.map((r) => ({ roleId: r.id })) },
      organisationId: data.organisationId,
      locale: data.locale ?? 'fi',
      status: data.status ?? 'active',
      adviseLanguages: data.adviseLanguages ?? [],
      deactivatedAt: data.status === 'deactivated' ? new Date() : null,
      supportPoints: data.supportPointIds?.length
        ? { create: data.supportPointIds.map((supportPointId) => ({ supportPointId })) }
        : undefined,
    },
    select: { id: true, email: true, name: true, organisationId: true },
  });
}

export async function makeCategory(
  db: Tx,
  data: Partial<{ slug: string; nameFi: string; nameSv: string; nameEn: string; position: number }> & {
    description?: { fi: string; sv: string; en: string };
  } = {},
) {
  const id = unique();
  const made = await db.forumCategory.create({
    data: {
      slug: data.slug ?? `alue-${id}`,
      nameFi: data.nameFi ?? `Alue ${id}`,
      nameSv: data.nameSv ?? `Kategori ${id}`,
      nameEn: data.nameEn ?? `Category ${id}`,
      descriptionFi: data.description?.fi ?? '',
      descriptionSv: data.description?.sv ?? '',
      descriptionEn: data.description?.en ?? '',
      position: data.position ?? 0,
    },
    select: { id: true, slug: true },
  });
  // Written past the domain: the in-memory category list must hear of it.
  forgetCategories();
  return made;
}

function postBody(text: string) {
  const doc = documentFromText(text);
  return {
    bodyJson: doc as unknown as Prisma.InputJsonObject,
    bodyHtml: renderDocument(doc),
    bodyText: plainText(doc),
  };
}

export type MakeThread = {
  categoryId: string;
  authorId: string;
  title?: string;
  language?: 'fi' | 'sv' | 'en';
  text?: string;
  deviceTags?: string[];
  tags?: string[];
  createdAt?: Date;
  replies?: { authorId: string; text: string; createdAt?: Date; verifiedById?: string }[];
  /** Index of the reply to mark as the accepted answer. */
  acceptedReply?: number;
};

/** A thread with its question and replies, counted and indexed as the forum itself would. */
export async function makeThread(db: Tx, data: MakeThread) {
  const created = data.createdAt ?? new Date();
  const thread = await db.forumThread.create({
    data: {
      categoryId: data.categoryId,
      authorId: data.authorId,
      title: data.title ?? `Kysymys ${unique()}`,
      language: data.language ?? 'fi',
      deviceTags: data.deviceTags ?? [],
      tags: data.tags ?? [],
      createdAt: created,
      lastPostAt: created,
    },
    select: { id: true },
  });
  const question = await db.forumPost.create({
    data: {
      threadId: thread.id,
      authorId: data.authorId,
      isQuestion: true,
      createdAt: created,
      ...postBody(data.text ?? 'Miten autan asukasta, jonka kirjautuminen ei onnistu?'),
    },
    select: { id: true },
  });
  const replies = [];
  for (const [i, r] of (data.replies ?? []).entries()) {
    replies.push(
      await db.forumPost.create({
        data: {
          threadId: thread.id,
          authorId: r.authorId,
          createdAt: r.createdAt ?? new Date(created.getTime() + (i + 1) * 60_000),
          verifiedAt: r.verifiedById ? new Date() : null,
          verifiedById: r.verifiedById ?? null,
          ...postBody(r.text),
        },
        select: { id: true },
      }),
    );
  }
  if (data.acceptedReply !== undefined) {
    await db.forumThread.update({
      where: { id: thread.id },
      data: { acceptedPostId: replies[data.acceptedReply]!.id },
    });
  }
  await db.forumThreadFollow.create({ data: { userId: data.authorId, threadId: thread.id } });
  await refreshThreadStats(db, thread.id);
  await reindexThread(db, thread.id);
  return { id: thread.id, questionId: question.id, replyIds: replies.map((r) => r.id) };
}

/** Hides a thread and its question as a moderator would, and takes them out of the search index. */
export async function hideThread(db: Tx, thread: { id: string; questionId: string }) {
  await db.forumThread.update({ where: { id: thread.id }, data: { hiddenAt: new Date() } });
  await db.forumPost.update({ where: { id: thread.questionId }, data: { hiddenAt: new Date() } });
  await reindexThread(db, thread.id);
}

type MakeMaterial = {
  actorId: string;
  title: string;
  language?: 'fi' | 'sv' | 'en';
  text?: string;
  audience?: 'all' | 'trainers' | 'organisations';
  audienceOrgIds?: string[];
  topicTags?: string[];
  translationOf?: string;
  /** false: leave it a draft. */
  publish?: boolean;
};

/** A material made through the library's own commands (so versions and search rows are real). */
export async function makeMaterial(data: MakeMaterial) {
  const actor = { id: data.actorId } as AuthUser;
  const created = await createMaterial(actor, {
    title: data.title,
    summary: '',
    bodyText: data.text ?? `${data.title}. Ohjeen teksti.`,
    type: 'guide',
    level: undefined,
    deviceTags: [],
    topicTags: data.topicTags ?? [],
    eserviceTags: [],
    audience: data.audience ?? 'all',
    audienceOrgIds: data.audienceOrgIds ?? [],
    videoLinks: [],
    language: data.language ?? 'fi',
    translationOf: data.translationOf,
  });
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  const material = await defaultDb.libraryMaterial.findUniqueOrThrow({
    where: { slug: created.slug },
    select: { id: true, slug: true, groupId: true },
  });
  if (data.publish !== false) {
    await publishMaterial(
      actor,
      material.id,
      { changeNote: 'Ensimmäinen versio', publishAt: null },
      TEST_META,
    );
  }
  return material;
}

export const TEST_META = { ip: '203.0.113.7', userAgent: 'vitest' };

/** A small seeded generator (mulberry32): the same demo and test data on every machine. */
export function seededRandom(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A guidance session logged by an adviser, with the commonest answers. */
export async function makeGuidanceSession(
  db: Tx,
  data: { adviserId: string; organisationId: string; feedbackCode: string },
) {
  return db.guidanceSession.create({
    data: {
      ...data,
      date: new Date('2026-11-30'),
      device: 'android',
      topics: ['banking'],
      channel: 'support_point',
      serviceLevel: 1,
      durationMinutes: 20,
      language: 'fi',
      outcome: 'solved',
      idempotencyKey: randomUUID(),
    },
  });
}
