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

/**
 * Reach in one statement, however large the audience (10,000 members read in the bench): one
 * pass over the audience and its reads, grouped by organisation and by the day of first reading.
 */
export async function briefingReach(b: AudienceRow & { id: string; liveNumber: number }): Promise<Reach> {
  const { orgs, roles } = audienceSql(b);
  // Days are Helsinki calendar days; members who have not read it fall in no day (day is null).
  // First readings are grouped by the UTC hour, and only the hours (a few hundred) are turned
  // into Helsinki days: converting each of 10,000 readings' time zone was a quarter of the
  // statement's time. Helsinki is a whole number of hours from UTC all year, so no hour straddles
  // two of its days.
  const rows = await db.$queryRaw<
    {
      byDay: boolean;
      name: string | null;
      day: string | null;
      members: number;
      read: number;
      latest: number;
    }[]
  >`
    SELECT g.by_day = 1 AS "byDay", o.name, to_char(g.day, 'YYYY-MM-DD') AS day, g.members, g.read, g.latest
    FROM (
      SELECT h.by_day, h.organisation_id, date_trunc('day', h.hour AT TIME ZONE 'Europe/Helsinki') AS day,
             sum(h.members)::int AS members, sum(h.read)::int AS read, sum(h.latest)::int AS latest
      FROM (
        SELECT GROUPING(u.organisation_id) AS by_day, u.organisation_id,
               date_bin('1 hour', r.first_read_at, timestamptz '2000-01-01 00:00:00+00') AS hour,
               count(*) AS members, count(r.user_id) AS read,
               count(r.user_id) FILTER (WHERE r.version_number >= ${b.liveNumber}::int) AS latest
        FROM app_user u
        LEFT JOIN briefing_read r ON r.briefing_id = ${b.id}::uuid AND r.user_id = u.id
        WHERE u.status = 'active'
          AND (${orgs}::uuid[] IS NULL OR u.organisation_id = ANY(${orgs}::uuid[]))
          AND (${roles}::text[] IS NULL OR EXISTS (SELECT 1 FROM user_role ur JOIN role rl ON rl.id = ur.role_id
            WHERE ur.user_id = u.id AND rl.key = ANY(${roles}::text[])))
        GROUP BY GROUPING SETS ((u.organisation_id), (3))
      ) h
      GROUP BY h.by_day, h.organisation_id, 3
    ) g
    LEFT JOIN organisation o ON o.id = g.organisation_id
    WHERE g.by_day = 0 OR g.day IS NOT NULL
    ORDER BY g.by_day, o.name, g.day`;
  const perOrg = rows.filter((r) => !r.byDay);
  const perDay = rows.filter((r) => r.byDay);
  let total = 0;
  return {
    members: perOrg.reduce((n, o) => n + o.members, 0),
    read: perOrg.reduce((n, o) => n + o.read, 0),
    readLatest: perOrg.reduce((n, o) => n + o.latest, 0),
    organisations: perOrg.map(({ name, members, read }) => ({ name: name!, members, read })),
    days: perDay.map((d) => ({ day: d.day!, read: d.read, total: (total += d.read) })),
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
