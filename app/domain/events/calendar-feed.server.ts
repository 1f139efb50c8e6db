import { generateToken, hashToken } from '~/auth/tokens.server';
import { memberById } from '~/auth/guards.server';
import { db } from '~/db.server';
import { visibleWhere, type EventViewer } from './access.server';
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
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { userId: true },
  });
  const user = feed ? await memberById(feed.userId) : null;
  if (!user) return null;
  const viewer: EventViewer = user;
  const events = await db.event.findMany({
    where: {
      AND: [
        visibleWhere(viewer),
        { endsAt: { gte: new Date(now.getTime() - PAST_DAYS * 86_400_000) } },
        {
          OR: [
            { rsvps: { some: { userId: user.id, status: { in: ['going', 'maybe', 'waitlist'] } } } },
            { type: 'network_meeting' },
          ],
        },
      ],
    },
    orderBy: { startsAt: 'asc' },
    take: 1000,
    include: {
      supportPoint: { select: { name: true, address: true } },
      rsvps: { where: { userId: user.id }, select: { status: true } },
    },
  });
  const icsEvents: IcsEvent[] = events.map(({ rsvps, joinUrl, ...e }) => ({
    ...e,
    joinUrl: rsvps.some((r) => r.status === 'going' || r.status === 'maybe' || r.status === 'waitlist')
      ? joinUrl
      : '',
  }));
  const shifts = await shiftsInFeed(user.id, now);
  return {
    language: user.locale,
    events: [...icsEvents, ...shifts].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
  };
}
