import type { AuthUser } from '~/auth/guards.server';
import type { RequestMeta } from '~/auth/request-meta.server';
import { db, type Tx } from '~/db.server';
import { writeAudit } from '~/domain/audit/audit.server';
import { findMaterialGroups, materialsForGroups } from '~/domain/library/groups.server';
import { containsPattern } from '~/utils/sql';
import { refuse, type Result } from '~/utils/result';

// What hangs off an event besides its own fields: the people organising it and the library
// materials that prepare for it. Both are chosen by search, so the pickers work the same with
// 40 or 10,000 members and 5,000 materials.

/** The event's materials this reader may read, in the order they were linked. */
export async function eventMaterials(viewer: AuthUser, eventId: string, language: string) {
  // Raw: Prisma's query compiler cost more CPU than the read (most events link nothing).
  const links = await db.$queryRaw<{ groupId: string }[]>`
    SELECT group_id AS "groupId" FROM event_material WHERE event_id = ${eventId}::uuid ORDER BY position`;
  const found = await materialsForGroups(
    viewer,
    links.map((l) => l.groupId),
    language,
  );
  return links.flatMap((l) => found.get(l.groupId) ?? []);
}

export async function materialCandidates(eventId: string, query: string, language: string) {
  if (query.trim().length < 2) return [];
  const linked = await db.eventMaterial.findMany({ where: { eventId }, select: { groupId: true } });
  return findMaterialGroups(
    query.trim(),
    language,
    linked.map((l) => l.groupId),
  );
}

/** Active members found by name or e-mail address who do not organise the event yet. */
export async function organiserCandidates(eventId: string, query: string) {
  const q = query.trim();
  if (q.length < 2) return [];
  const pattern = containsPattern(q);
  return db.$queryRaw<{ id: string; name: string; organisation: string }[]>`
    SELECT u.id, u.name, o.name AS organisation FROM app_user u JOIN organisation o ON o.id = u.organisation_id
    WHERE u.status = 'active' AND (u.name ILIKE ${pattern} OR u.email ILIKE ${pattern})
      AND NOT EXISTS (SELECT 1 FROM event_organiser e WHERE e.event_id = ${eventId}::uuid AND e.user_id = u.id)
    ORDER BY u.name LIMIT 10`;
}

type LinkResult = Result;

export async function addOrganiser(actor: AuthUser, eventId: string, userId: string, meta: RequestMeta) {
  const member = await db.user.findFirst({ where: { id: userId, status: 'active' }, select: { id: true } });
  if (!member) return refuse('validation.invalid', { field: 'userId' }) satisfies LinkResult;
  await db.$transaction(async (tx) => {
    await tx.eventOrganiser.upsert({
      where: { eventId_userId: { eventId, userId } },
      create: { eventId, userId },
      update: {},
    });
    await audit(tx, actor, eventId, 'event_organisers_change', { added: userId }, meta);
  });
  return { ok: true } satisfies LinkResult;
}

export async function removeOrganiser(actor: AuthUser, eventId: string, userId: string, meta: RequestMeta) {
  return db.$transaction(async (tx): Promise<LinkResult> => {
    // Locked so two organisers removing each other cannot leave the event with nobody.
    await tx.$queryRaw`SELECT id FROM event WHERE id = ${eventId}::uuid FOR UPDATE`;
    const count = await tx.eventOrganiser.count({ where: { eventId } });
    if (count <= 1) return refuse('events:organise.lastOrganiser', { field: 'userId' });
    await tx.eventOrganiser.deleteMany({ where: { eventId, userId } });
    await audit(tx, actor, eventId, 'event_organisers_change', { removed: userId }, meta);
    return { ok: true };
  });
}

export async function linkMaterial(actor: AuthUser, eventId: string, groupId: string, meta: RequestMeta) {
  const published = await db.libraryMaterial.findFirst({
    where: { groupId, status: 'published' },
    select: { id: true },
  });
  if (!published) return refuse('validation.invalid', { field: 'groupId' }) satisfies LinkResult;
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM event WHERE id = ${eventId}::uuid FOR UPDATE`;
    const last = await tx.eventMaterial.aggregate({ where: { eventId }, _max: { position: true } });
    await tx.eventMaterial.upsert({
      where: { eventId_groupId: { eventId, groupId } },
      create: { eventId, groupId, position: (last._max.position ?? 0) + 1 },
      update: {},
    });
    await audit(tx, actor, eventId, 'event_materials_change', { added: groupId }, meta);
  });
  return { ok: true } satisfies LinkResult;
}

export async function unlinkMaterial(actor: AuthUser, eventId: string, groupId: string, meta: RequestMeta) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.eventMaterial.deleteMany({ where: { eventId, groupId } });
    if (count) await audit(tx, actor, eventId, 'event_materials_change', { removed: groupId }, meta);
  });
  return { ok: true } satisfies LinkResult;
}

function audit(
  tx: Tx,
  actor: AuthUser,
  eventId: string,
  action: 'event_organisers_change' | 'event_materials_change',
  details: Record<string, string>,
  meta: RequestMeta,
) {
  return writeAudit(tx, {
    action,
    actorId: actor.id,
    targetType: 'event',
    targetId: eventId,
    ip: meta.ip,
    details,
  });
}
