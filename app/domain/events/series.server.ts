import type { AuthUser } from '~/auth/guards.server';
import type { RequestMeta } from '~/auth/request-meta.server';
import { db } from '~/db.server';
import { helsinkiDateTime, helsinkiLocalInput } from '~/i18n/format';
import { createEvent, updateEvent } from './events.server';
import type { EventInput } from './schema.server';
import type { Result } from '~/utils/result';

// A series is a set of ordinary events, one per occurrence, made at once. Dates step in
// Helsinki wall-clock time, so "Tuesdays 14–16" stays 14–16 across the daylight-saving changes.
// One occurrence can be changed or cancelled alone (it is then "detached"), or it and the
// ones after it together.

const DAY = 86_400_000;

/** "2026-03-24T14:00" plus whole days, still at 14:00 local time. */
export function addLocalDays(local: string, days: number) {
  const [date, time] = local.split('T') as [string, string];
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return `${d.toISOString().slice(0, 10)}T${time}`;
}

type Saved = Result<{ id: string }>;

export async function createSeries(
  actor: AuthUser,
  input: EventInput,
  repeat: { weeks: number; count: number },
  meta: RequestMeta,
): Promise<Saved> {
  const series = await db.eventSeries.create({ data: { intervalWeeks: repeat.weeks }, select: { id: true } });
  let firstId: string | null = null;
  for (let i = 0; i < repeat.count; i++) {
    const shift = i * repeat.weeks * 7;
    const occurrence = {
      ...input,
      startsAt: addLocalDays(input.startsAt, shift),
      endsAt: addLocalDays(input.endsAt, shift),
      rsvpDeadline: input.rsvpDeadline ? addLocalDays(input.rsvpDeadline, shift) : '',
    };
    const result = await createEvent(actor, occurrence, meta, { seriesId: series.id, seriesIndex: i + 1 });
    if (!result.ok) {
      // Only the first can fail (the rest are the same shifted): nothing is left behind.
      await db.eventSeries.delete({ where: { id: series.id } });
      return result;
    }
    firstId ??= result.id;
  }
  return { ok: true, id: firstId! };
}

/**
 * Changes an occurrence and every later one that was not changed on its own: the same fields,
 * the same shift of date and the same time of day and length.
 */
export async function updateFollowing(
  actor: AuthUser,
  eventId: string,
  input: EventInput,
  meta: RequestMeta,
): Promise<Saved> {
  const current = await db.event.findUniqueOrThrow({
    where: { id: eventId },
    select: { seriesId: true, seriesIndex: true, startsAt: true },
  });
  if (!current.seriesId || current.seriesIndex === null) return updateEvent(actor, eventId, input, meta);
  const later = await db.event.findMany({
    where: {
      seriesId: current.seriesId,
      seriesIndex: { gt: current.seriesIndex },
      detached: false,
      cancelledAt: null,
    },
    orderBy: { seriesIndex: 'asc' },
    select: { id: true, startsAt: true, goingCount: true },
  });
  const oldLocal = helsinkiLocalInput(current.startsAt);
  const dayShift = Math.round(
    (Date.parse(`${input.startsAt.slice(0, 10)}T00:00:00Z`) -
      Date.parse(`${oldLocal.slice(0, 10)}T00:00:00Z`)) /
      DAY,
  );
  const lengthDays = Math.round(
    (Date.parse(`${input.endsAt.slice(0, 10)}T00:00:00Z`) -
      Date.parse(`${input.startsAt.slice(0, 10)}T00:00:00Z`)) /
      DAY,
  );
  const plan = later.map((e) => {
    const date = addLocalDays(
      `${helsinkiLocalInput(e.startsAt).slice(0, 10)}T${input.startsAt.slice(11)}`,
      dayShift,
    );
    return {
      id: e.id,
      goingCount: e.goingCount,
      input: {
        ...input,
        startsAt: date,
        endsAt: addLocalDays(`${date.slice(0, 10)}T${input.endsAt.slice(11)}`, lengthDays),
        rsvpDeadline: input.rsvpDeadline
          ? addLocalDays(
              input.rsvpDeadline,
              Math.round(
                (helsinkiDateTime(date).getTime() - helsinkiDateTime(input.startsAt).getTime()) / DAY,
              ),
            )
          : '',
      },
    };
  });
  // Every occurrence must accept the change before any is changed: nothing half-saved.
  const tooSmall = plan.find((p) => input.capacity !== null && input.capacity < p.goingCount);
  if (tooSmall) {
    return {
      ok: false,
      errors: {
        capacity: { key: 'events:errors.capacityBelowGoing', values: { going: tooSmall.goingCount } },
      },
    };
  }
  const first = await updateEvent(actor, eventId, input, meta);
  if (!first.ok) return first;
  for (const p of plan) await updateEvent(actor, p.id, p.input, meta);
  return first;
}

/** Changes one occurrence alone; later changes to the series leave it as it is. */
export async function updateThisOccurrence(
  actor: AuthUser,
  eventId: string,
  input: EventInput,
  meta: RequestMeta,
) {
  const result = await updateEvent(actor, eventId, input, meta);
  if (result.ok) {
    await db.event.updateMany({ where: { id: eventId, seriesId: { not: null } }, data: { detached: true } });
  }
  return result;
}
