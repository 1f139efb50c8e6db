import { Prisma } from '~/generated/prisma/client';
import type { AuthUser } from '~/auth/guards.server';
import type { RequestMeta } from '~/auth/request-meta.server';
import { part, readTogether } from '~/db/read-together.server';
import { db } from '~/db.server';
import { writeAudit } from '~/domain/audit/audit.server';
import { isUuid } from '~/utils/ids';
import { audienceMembersWhere, inAudience, inAudienceSql } from '~/domain/members/audience.server';

// Important announcements from coordinators: on top of each reader's home page until they mark
// it read; the coordinator sees how many have read it, per organisation.

export type AnnouncementInput = {
  title: string;
  body: string;
  language: string;
  audience: 'all' | 'organisations' | 'roles';
  audienceOrgIds: string[];
  audienceRoles: string[];
};

/** The announcements a member sees (unreadAnnouncements says the same in SQL; a test checks that both agree). */
export function visibleWhere(viewer: AuthUser): Prisma.AnnouncementWhereInput {
  return {
    endedAt: null,
    OR: [
      { audience: 'all' },
      { audience: 'organisations', audienceOrgIds: { has: viewer.organisationId } },
      { audience: 'roles', audienceRoles: { hasSome: viewer.roles } },
    ],
  };
}

export function unreadAnnouncementsPart(viewer: AuthUser) {
  // One part of the home page's second statement, with the author's name (issue 12).
  return part(
    Prisma.sql`
    SELECT a.id, a.title, a.body, a.language, a.created_at, u.name AS author
    FROM announcement a
    JOIN app_user u ON u.id = a.created_by_id
    WHERE a.ended_at IS NULL AND ${inAudienceSql('a', viewer)}
      AND NOT EXISTS (SELECT 1 FROM announcement_read r WHERE r.announcement_id = a.id AND r.user_id = ${viewer.id}::uuid)
    ORDER BY a.created_at DESC LIMIT 5`,
    Prisma.sql`r.created_at DESC`,
    (
      rows: {
        id: string;
        title: string;
        body: string;
        language: string;
        created_at: string;
        author: string;
      }[],
    ) =>
      rows.map((a) => ({
        id: a.id,
        title: a.title,
        body: a.body,
        language: a.language,
        createdAt: new Date(a.created_at),
        createdBy: { name: a.author },
      })),
  );
}

export async function unreadAnnouncements(viewer: AuthUser) {
  const [announcements] = await readTogether(unreadAnnouncementsPart(viewer));
  return announcements;
}

export async function markAnnouncementRead(viewer: AuthUser, id: string) {
  if (!isUuid(id)) return false;
  const visible = await db.announcement.findFirst({
    where: { id, ...visibleWhere(viewer) },
    select: { id: true },
  });
  if (!visible) return false;
  await db.announcementRead.createMany({
    data: [{ announcementId: id, userId: viewer.id }],
    skipDuplicates: true,
  });
  return true;
}

export async function createAnnouncement(actor: AuthUser, input: AnnouncementInput, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    const created = await tx.announcement.create({
      data: {
        ...input,
        audienceOrgIds: input.audience === 'organisations' ? input.audienceOrgIds : [],
        audienceRoles: input.audience === 'roles' ? input.audienceRoles : [],
        createdById: actor.id,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      action: 'announcement_create',
      actorId: actor.id,
      targetType: 'announcement',
      targetId: created.id,
      ip: meta.ip,
    });
    return created.id;
  });
}

export async function endAnnouncement(actor: AuthUser, id: string, meta: RequestMeta) {
  await db.$transaction(async (tx) => {
    await tx.announcement.update({ where: { id }, data: { endedAt: new Date() } });
    await writeAudit(tx, {
      action: 'announcement_end',
      actorId: actor.id,
      targetType: 'announcement',
      targetId: id,
      ip: meta.ip,
    });
  });
}

/** Every announcement with its reach: read by X of the Y members it is for. */
export async function announcementsWithReach() {
  const announcements = await db.announcement.findMany({
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: {
      id: true,
      title: true,
      createdAt: true,
      endedAt: true,
      audience: true,
      audienceOrgIds: true,
      audienceRoles: true,
      createdBy: { select: { name: true } },
      _count: { select: { reads: true } },
    },
  });
  // One count of active members per organisation and set of roles, summed per audience: one
  // query for the whole list instead of one per announcement. A member is counted once however
  // many of the audience's roles they hold.
  const cells = await db.$queryRaw<{ organisationId: string; roles: string[]; members: number }[]>`
    SELECT held."organisationId", held.roles, count(*)::int AS members
    FROM (
      SELECT u.organisation_id AS "organisationId",
        ARRAY(SELECT r.key FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE ur.user_id = u.id ORDER BY r.key) AS roles
      FROM app_user u WHERE u.status = 'active'
    ) held
    GROUP BY held."organisationId", held.roles`;
  const sizeOf = (a: (typeof announcements)[number]) =>
    cells.filter((c) => inAudience(a, c)).reduce((n, c) => n + c.members, 0);
  return announcements.map((a) => ({ ...a, read: a._count.reads, audienceSize: sizeOf(a) }));
}

/** Per organisation: members the announcement is for, and how many of them have read it. */
export async function reachByOrganisation(id: string) {
  if (!isUuid(id)) return null;
  const a = await db.announcement.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      body: true,
      createdAt: true,
      endedAt: true,
      audience: true,
      audienceOrgIds: true,
      audienceRoles: true,
    },
  });
  if (!a) return null;
  const [members, readers] = await Promise.all([
    db.user.groupBy({ by: ['organisationId'], where: audienceMembersWhere(a), _count: { _all: true } }),
    db.user.groupBy({
      by: ['organisationId'],
      where: { ...audienceMembersWhere(a), announcementReads: { some: { announcementId: id } } },
      _count: { _all: true },
    }),
  ]);
  const names = new Map(
    (
      await db.organisation.findMany({
        where: { id: { in: members.map((m) => m.organisationId) } },
        select: { id: true, name: true },
      })
    ).map((o) => [o.id, o.name]),
  );
  const rows = members
    .map((m) => ({
      organisation: names.get(m.organisationId) ?? '',
      members: m._count._all,
      read: readers.find((r) => r.organisationId === m.organisationId)?._count._all ?? 0,
    }))
    .sort((x, y) => x.organisation.localeCompare(y.organisation, 'fi'));
  return { announcement: a, rows };
}
