import type { AuthUser } from '~/auth/guards.server';
import type { RequestMeta } from '~/auth/request-meta.server';
import { db } from '~/db.server';
import { writeAudit } from '~/domain/audit/audit.server';
import { enqueueJob } from '~/domain/jobs/queue.server';
import { helsinkiLocalInput } from '~/i18n/format';
import { REMIND_INTERVAL_HOURS } from './constants';
import { refuse, type Result } from '~/utils/result';

// "I have read this" and what the owner sees of it: read by X of Y, per organisation and over
// time. Counts are of the members the briefing is for now; reads are one row per member.

/** Marks the live version read; a member who read an earlier one re-acknowledges the same way. */
export async function acknowledge(viewer: AuthUser, briefing: { id: string; liveNumber: number }) {
  if (briefing.liveNumber < 1) return;
  await db.briefingRead.upsert({
    where: { briefingId_userId: { briefingId: briefing.id, userId: viewer.id } },
    create: { briefingId: briefing.id, userId: viewer.id, versionNumber: briefing.liveNumber },
    update: { versionNumber: briefing.liveNumber, readAt: new Date() },
  });
}

type AudienceRow = { audience: string; audienceOrgIds: string[]; audienceRoles: string[] };

/** The audience as SQL over `app_user u` (the same rule as audienceMembersWhere). */
function audienceSql(b: AudienceRow) {
  return {
    orgs: b.audience === 'organisations' ? b.audienceOrgIds : null,
    roles: b.audience === 'roles' ? b.audienceRoles : null,
  };
}

export type Reach = {
  members: number;
  read: number;
  readLatest: number;
  organisations: { name: string; members: number; read: number }[];
  days: { day: string; read: number; total: number }[];
};

/** Reach in three queries, however large the audience (10,000 members read in the bench). */
export async function briefingReach(b: AudienceRow & { id: string; liveNumber: number }): Promise<Reach> {
  const { orgs, roles } = audienceSql(b);
  const audience = `u.status = 'active'
      AND ($1::uuid[] IS NULL OR u.organisation_id = ANY($1::uuid[]))
      AND ($2::text[] IS NULL OR EXISTS (SELECT 1 FROM user_role ur JOIN role rl ON rl.id = ur.role_id
        WHERE ur.user_id = u.id AND rl.key = ANY($2::text[])))`;
  const [perOrg, perDay] = await Promise.all([
    db.$queryRawUnsafe<{ name: string; members: number; read: number; latest: number }[]>(
      `SELECT o.name, count(*)::int AS members, count(r.user_id)::int AS read,
              count(r.user_id) FILTER (WHERE r.version_number >= $4::int)::int AS latest
       FROM app_user u JOIN organisation o ON o.id = u.organisation_id
       LEFT JOIN briefing_read r ON r.briefing_id = $3::uuid AND r.user_id = u.id
       WHERE ${audience}
       GROUP BY o.name ORDER BY o.name`,
      orgs,
      roles,
      b.id,
      b.liveNumber,
    ),
    db.$queryRawUnsafe<{ day: string; read: number }[]>(
      `SELECT to_char(r.first_read_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD') AS day, count(*)::int AS read
       FROM briefing_read r JOIN app_user u ON u.id = r.user_id
       WHERE r.briefing_id = $3::uuid AND ${audience}
       GROUP BY day ORDER BY day`,
      orgs,
      roles,
      b.id,
    ),
  ]);
  let total = 0;
  return {
    members: perOrg.reduce((n, o) => n + o.members, 0),
    read: perOrg.reduce((n, o) => n + o.read, 0),
    readLatest: perOrg.reduce((n, o) => n + o.latest, 0),
    organisations: perOrg.map(({ name, members, read }) => ({ name, members, read })),
    days: perDay.map((d) => ({ day: d.day, read: d.read, total: (total += d.read) })),
  };
}

/** Tells the audience members who have not read it; at most once a day, so nobody is nagged. */
export async function remindUnread(
  actor: AuthUser,
  briefing: { id: string; liveNumber: number; remindedAt: Date | null; status: string },
  meta: RequestMeta,
  now = new Date(),
): Promise<Result> {
  if (briefing.status !== 'published') return refuse('briefings:errors.notPublished', { field: 'remind' });
  const since = briefing.remindedAt ? (now.getTime() - briefing.remindedAt.getTime()) / 3_600_000 : Infinity;
  if (since < REMIND_INTERVAL_HOURS) {
    return refuse('briefings:errors.remindedRecently', {
      field: 'remind',
      values: { hours: REMIND_INTERVAL_HOURS },
    });
  }
  await db.$transaction(async (tx) => {
    await tx.briefing.update({ where: { id: briefing.id }, data: { remindedAt: now } });
    const key = `reminder:${helsinkiLocalInput(now).slice(0, 10)}`;
    await enqueueJob(tx, {
      type: 'briefings.announce',
      payload: {
        briefingId: briefing.id,
        number: briefing.liveNumber,
        kind: 'reminder',
        key,
        actorName: actor.name,
      },
    });
    await writeAudit(tx, {
      action: 'briefing_remind',
      actorId: actor.id,
      targetType: 'briefing',
      targetId: briefing.id,
      ip: meta.ip,
    });
  });
  return { ok: true };
}
