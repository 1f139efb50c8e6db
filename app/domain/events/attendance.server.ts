import { inEachLanguage } from '~/i18n/written-in';
import type { AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import { notify } from '~/domain/notifications/notify.server';
import { formatDateTime } from '~/i18n/format';
import { containsPattern } from '~/utils/sql';
import { csvFile } from '~/utils/csv';
import { NOT_FOUND, type Result } from '~/utils/result';
import { editable, type FoundEvent } from './queries.server';

// On the day: the organiser checks people in from a phone (also people who came without
// signing up), attendance goes out as CSV, and afterwards the minutes, slides and recording are
// shared with those who took part.

const SIGNED_UP = ['going', 'maybe', 'waitlist', 'walk_in'];

type Member = { id: string; name: string; organisation: string };

export async function checkInList(eventId: string, q: string) {
  const name = q.trim();
  const pattern = containsPattern(name);
  const [signedUp, others] = await Promise.all([
    db.eventRsvp.findMany({
      where: {
        eventId,
        status: { in: SIGNED_UP },
        ...(name ? { user: { name: { contains: name, mode: 'insensitive' } } } : {}),
      },
      orderBy: { user: { name: 'asc' } },
      select: {
        status: true,
        checkedInAt: true,
        user: { select: { id: true, name: true, organisation: { select: { name: true } } } },
      },
    }),
    // People who came without signing up: found by name once two letters are typed.
    name.length >= 2
      ? db.$queryRaw<Member[]>`
          SELECT u.id, u.name, o.name AS organisation FROM app_user u JOIN organisation o ON o.id = u.organisation_id
          WHERE u.status = 'active' AND u.name ILIKE ${pattern}
            AND NOT EXISTS (SELECT 1 FROM event_rsvp r WHERE r.event_id = ${eventId}::uuid AND r.user_id = u.id AND r.status IN ('going','maybe','waitlist','walk_in'))
          ORDER BY u.name LIMIT 10`
      : Promise.resolve([] as Member[]),
  ]);
  return { signedUp, others };
}

export async function setCheckedIn(eventId: string, userId: string, checkedIn: boolean) {
  const member = await db.user.findFirst({ where: { id: userId, status: 'active' }, select: { id: true } });
  if (!member) return false;
  await db.$transaction(async (tx) => {
    const rsvp = await tx.eventRsvp.findUnique({
      where: { eventId_userId: { eventId, userId } },
      select: { status: true },
    });
    if (checkedIn) {
      if (rsvp && SIGNED_UP.includes(rsvp.status)) {
        await tx.eventRsvp.update({
          where: { eventId_userId: { eventId, userId } },
          data: { checkedInAt: new Date() },
        });
      } else {
        // Came without a place booked (or after answering "can't"): counted, not given a place.
        await tx.eventRsvp.upsert({
          where: { eventId_userId: { eventId, userId } },
          create: { eventId, userId, status: 'walk_in', checkedInAt: new Date() },
          update: { status: 'walk_in', checkedInAt: new Date(), waitlistedAt: null },
        });
      }
    } else if (rsvp?.status === 'walk_in') {
      await tx.eventRsvp.delete({ where: { eventId_userId: { eventId, userId } } });
    } else if (rsvp) {
      await tx.eventRsvp.update({
        where: { eventId_userId: { eventId, userId } },
        data: { checkedInAt: null },
      });
    }
  });
  return true;
}

/** Who came and who did not: no-shows are those who said they were coming and were not checked in. */
export async function attendanceSummary(eventId: string) {
  const [attended, noShows, walkIns] = await Promise.all([
    db.eventRsvp.count({ where: { eventId, checkedInAt: { not: null } } }),
    db.eventRsvp.count({ where: { eventId, status: 'going', checkedInAt: null } }),
    db.eventRsvp.count({ where: { eventId, status: 'walk_in' } }),
  ]);
  return { attended, noShows, walkIns };
}

export async function attendanceCsv(
  eventId: string,
  language: string,
  headers: string[],
  labels: Record<string, string>,
) {
  const rows = await db.eventRsvp.findMany({
    where: { eventId, status: { in: SIGNED_UP } },
    orderBy: { user: { name: 'asc' } },
    select: {
      status: true,
      checkedInAt: true,
      user: { select: { name: true, email: true, organisation: { select: { name: true } } } },
    },
  });
  const lines = [
    headers,
    ...rows.map((r) => [
      r.user.name,
      r.user.email,
      r.user.organisation.name,
      labels[r.status] ?? r.status,
      r.checkedInAt ? formatDateTime(r.checkedInAt, language) : '',
      r.status === 'going' && !r.checkedInAt ? (labels.noShow ?? 'x') : '',
    ]),
  ];
  // A byte-order mark, so Excel opens ä and ö correctly.
  return csvFile(lines);
}

export type FollowUp = { minutesUrl: string; slidesUrl: string; recordingUrl: string; note: string };

/** Shares the minutes, slides and recording; those who came (or said they would) are told. */
export async function publishFollowUp(actor: AuthUser, found: FoundEvent, input: FollowUp): Promise<Result> {
  if (!editable(actor, found)) return NOT_FOUND;
  const eventId = found.id;
  await db.$transaction(async (tx) => {
    const event = await tx.event.update({
      where: { id: eventId },
      data: {
        minutesUrl: input.minutesUrl,
        slidesUrl: input.slidesUrl,
        recordingUrl: input.recordingUrl,
        followUpNote: input.note,
        followUpAt: new Date(),
      },
      select: { titleFi: true, titleSv: true, titleEn: true },
    });
    const people = await tx.eventRsvp.findMany({
      where: { eventId, OR: [{ checkedInAt: { not: null } }, { status: 'going' }] },
      select: { userId: true },
    });
    await notify(tx, {
      type: 'event_followup',
      recipientIds: people.map((p) => p.userId).filter((id) => id !== actor.id),
      actorName: actor.name,
      title: inEachLanguage(event, 'title'),
      url: `/events/${eventId}`,
    });
  });
  return { ok: true };
}
