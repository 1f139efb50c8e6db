import { generateToken, hashToken } from '~/auth/tokens.server';
import { memberById } from '~/auth/guards.server';
import { db } from '~/db.server';
import { visibleSql, type EventViewer } from './access.server';
import type { IcsEvent } from './ics.server';
import { shiftsInFeed } from '~/domain/roster/shifts.server';

// A member's personal calendar address (/calendar/<token>.ics), for a phone to subscribe to. The
// token is a secret like a password: only its hash is stored, it is shown once, and making a
// new one revokes the old. The feed holds what they signed up for, the network meetings and
// their shifts at support points.

export async function newFeedToken(userId: string) {
  const token = generateToken();
  await db.calendarFeed.upsert({
    where: { userId },
    create: { userId, tokenHash: hashToken(token) },
    update: { tokenHash: hashToken(token), createdAt: new Date() },
  });
  return token;
}

export async function revokeFeed(userId: string) {
  await db.calendarFeed.deleteMany({ where: { userId } });
}

export async function feedCreatedAt(userId: string) {
  return (
    (await db.calendarFeed.findUnique({ where: { userId }, select: { createdAt: true } }))?.createdAt ?? null
  );
}

const PAST_DAYS = 60;

/** The member and the events of their feed; null for an unknown, revoked or deactivated one. */
export async function feedFor(token: string, now = new Date()) {
  const [feed] = await db.$queryRaw<{ userId: string }[]>`
    SELECT user_id AS "userId" FROM calendar_feed WHERE token_hash = ${hashToken(token)}`;
  const user = feed ? await memberById(feed.userId) : null;
  if (!user) return null;
  const viewer: EventViewer = user;
  // One raw statement through visibleSql (checked against visibleWhere in
  // tests/integration/access-rules-sql.test.ts): as a Prisma query with its two relations,
  // compiling it and joining the relations' rows was a quarter of the feed's CPU.
  const events = await db.$queryRaw<IcsEvent[]>`
    SELECT e.id, e.title_fi AS "titleFi", e.title_sv AS "titleSv", e.title_en AS "titleEn",
      e.description_fi AS "descriptionFi", e.description_sv AS "descriptionSv",
      e.description_en AS "descriptionEn", e.starts_at AS "startsAt", e.ends_at AS "endsAt",
      e.updated_at AS "updatedAt", e.cancelled_at AS "cancelledAt", e.address,
      -- The meeting link is for those who signed up.
      CASE WHEN r.status IN ('going', 'maybe', 'waitlist') THEN e.join_url ELSE '' END AS "joinUrl",
      CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('name', p.name, 'address', p.address) END
        AS "supportPoint"
    FROM event e
    LEFT JOIN support_point p ON p.id = e.support_point_id
    LEFT JOIN event_rsvp r ON r.event_id = e.id AND r.user_id = ${user.id}::uuid
    WHERE ${visibleSql(viewer)}
      AND e.ends_at >= ${new Date(now.getTime() - PAST_DAYS * 86_400_000)}
      AND (r.status IN ('going', 'maybe', 'waitlist') OR e.type = 'network_meeting')
    ORDER BY e.starts_at, e.id
    LIMIT 1000`;
  const shifts = await shiftsInFeed(user.id, now);
  return {
    language: user.locale,
    events: [...events, ...shifts].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
  };
}
