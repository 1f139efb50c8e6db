import { inEachLanguage } from '~/i18n/written-in';
import type { AuthUser } from '~/auth/guards.server';
import type { RequestMeta } from '~/auth/request-meta.server';
import { db, type Tx } from '~/db.server';
import { writeAudit } from '~/domain/audit/audit.server';
import { audienceErrors } from '~/domain/members/audience.server';
import { notify } from '~/domain/notifications/notify.server';
import { indexNewDocuments, removeDocument } from '~/domain/search/search.server';
import { LANGUAGES } from '~/i18n/config';
import { helsinkiDateTime } from '~/i18n/format';
import type { FieldErrors } from '~/utils/forms';
import { NOT_FOUND, type Result } from '~/utils/result';
import { editable, type FoundEvent } from './queries.server';
import { creatableTypes } from './access.server';
import { EVENT_TYPES, type EventType } from './constants';
import { fillFreePlaces } from './rsvp.server';
import { scheduleReminders } from './reminders.server';
import type { EventInput } from './schema.server';
import { eventDescription, eventTitle } from './titles';

// Announcing, changing and cancelling events. Times arrive as Helsinki wall-clock times and are
// stored as instants; every rule that spans fields is checked here, before anything is written.

export const EVENT_KIND = 'event';

type Saved = Result<{ id: string }>;

type Prepared = Omit<EventInput, 'startsAt' | 'endsAt' | 'rsvpDeadline'> & {
  startsAt: Date;
  endsAt: Date;
  rsvpDeadline: Date | null;
};

async function prepare(
  actor: AuthUser,
  input: EventInput,
  existing?: { goingCount: number; type: string },
): Promise<{ ok: true; data: Prepared } | { ok: false; errors: FieldErrors }> {
  const errors: FieldErrors = {};
  const startsAt = helsinkiDateTime(input.startsAt);
  const endsAt = helsinkiDateTime(input.endsAt);
  const rsvpDeadline = input.rsvpDeadline ? helsinkiDateTime(input.rsvpDeadline) : null;
  if (!input.titleFi && !input.titleSv && !input.titleEn)
    errors.titleFi = { key: 'events:errors.titleRequired' };
  if (endsAt <= startsAt) errors.endsAt = { key: 'events:errors.endBeforeStart' };
  if (rsvpDeadline && rsvpDeadline > startsAt)
    errors.rsvpDeadline = { key: 'events:errors.deadlineAfterStart' };
  if (input.placeKind === 'support_point') {
    const point = input.supportPointId
      ? await db.supportPoint.findUnique({ where: { id: input.supportPointId }, select: { id: true } })
      : null;
    if (!point) errors.supportPointId = { key: 'events:errors.supportPoint' };
  }
  if (input.placeKind === 'address' && !input.address) errors.address = { key: 'events:errors.address' };
  if ((input.placeKind === 'online' || input.placeKind === 'hybrid') && !input.joinUrl) {
    errors.joinUrl = { key: 'events:errors.joinUrl' };
  }
  if (input.placeKind === 'hybrid' && !input.address && !input.supportPointId) {
    errors.address = { key: 'events:errors.address' };
  }
  Object.assign(errors, await audienceErrors(input, 'events'));
  if (existing && input.capacity !== null && input.capacity < existing.goingCount) {
    errors.capacity = { key: 'events:errors.capacityBelowGoing', values: { going: existing.goingCount } };
  }
  const allowed = creatableTypes(actor, EVENT_TYPES);
  if (!allowed.includes(input.type as EventType) && input.type !== existing?.type)
    errors.type = { key: 'events:errors.type' };
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    data: {
      ...input,
      startsAt,
      endsAt,
      rsvpDeadline,
      supportPointId:
        input.placeKind === 'support_point' || input.placeKind === 'hybrid'
          ? input.supportPointId
          : undefined,
      audienceOrgIds: input.audience === 'organisations' ? [...new Set(input.audienceOrgIds)] : [],
      audienceRoles: input.audience === 'roles' ? [...new Set(input.audienceRoles)] : [],
    },
  };
}

function columns(data: Prepared) {
  return {
    type: data.type,
    titleFi: data.titleFi,
    titleSv: data.titleSv,
    titleEn: data.titleEn,
    descriptionFi: data.descriptionFi,
    descriptionSv: data.descriptionSv,
    descriptionEn: data.descriptionEn,
    startsAt: data.startsAt,
    endsAt: data.endsAt,
    placeKind: data.placeKind,
    supportPointId: data.supportPointId ?? null,
    address: data.address,
    joinUrl: data.joinUrl,
    capacity: data.capacity,
    rsvpDeadline: data.rsvpDeadline,
    audience: data.audience,
    audienceOrgIds: data.audienceOrgIds,
    audienceRoles: data.audienceRoles,
  };
}

export async function createEvent(
  actor: AuthUser,
  input: EventInput,
  meta: RequestMeta,
  series?: { seriesId: string; seriesIndex: number },
): Promise<Saved> {
  const prepared = await prepare(actor, input);
  if (!prepared.ok) return prepared;
  const id = await db.$transaction(async (tx) => {
    const event = await tx.event.create({
      data: {
        ...columns(prepared.data),
        ...series,
        createdById: actor.id,
        organisers: { create: [{ userId: actor.id }] },
      },
      select: { id: true },
    });
    await reindexEvent(tx, event.id);
    await writeAudit(tx, {
      action: 'event_create',
      actorId: actor.id,
      targetType: 'event',
      targetId: event.id,
      ip: meta.ip,
    });
    return event.id;
  });
  return { ok: true, id };
}

const SIGNED_UP = ['going', 'maybe', 'waitlist'];

export async function updateEvent(
  actor: AuthUser,
  eventId: string,
  input: EventInput,
  meta: RequestMeta,
): Promise<Saved> {
  const before = await db.event.findUniqueOrThrow({
    where: { id: eventId },
    select: {
      goingCount: true,
      type: true,
      startsAt: true,
      endsAt: true,
      placeKind: true,
      supportPointId: true,
      address: true,
      joinUrl: true,
    },
  });
  const prepared = await prepare(actor, input, before);
  if (!prepared.ok) return prepared;
  const data = columns(prepared.data);
  const going = await db.$transaction(async (tx) => {
    // Locked like an answer: a capacity change and a sign-up cannot cross.
    await tx.$queryRaw`SELECT id FROM event WHERE id = ${eventId}::uuid FOR UPDATE`;
    const now = (await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { goingCount: true } }))
      .goingCount;
    if (data.capacity !== null && data.capacity < now) return now; // someone signed up meanwhile
    const event = await tx.event.update({
      where: { id: eventId },
      data,
      select: { id: true, startsAt: true, titleFi: true, titleSv: true, titleEn: true },
    });
    const moved =
      before.startsAt.getTime() !== data.startsAt.getTime() ||
      before.endsAt.getTime() !== data.endsAt.getTime();
    const relocated =
      before.placeKind !== data.placeKind ||
      before.supportPointId !== data.supportPointId ||
      before.address !== data.address ||
      before.joinUrl !== data.joinUrl;
    if (moved || relocated) {
      const signedUp = await tx.eventRsvp.findMany({
        where: { eventId, status: { in: SIGNED_UP } },
        select: { userId: true, status: true, user: { select: { id: true, reminderMinutes: true } } },
      });
      await notify(tx, {
        type: 'event_changed',
        recipientIds: signedUp.map((r) => r.userId),
        actorName: actor.name,
        title: inEachLanguage(event, 'title'),
        url: `/events/${eventId}`,
      });
      // Reminders follow the new time; jobs made for the old one find it changed and stop.
      if (moved)
        await scheduleReminders(
          tx,
          event,
          signedUp.filter((r) => r.status === 'going').map((r) => r.user),
        );
    }
    await fillFreePlaces(tx, eventId, meta);
    await reindexEvent(tx, eventId);
    await writeAudit(tx, {
      action: 'event_update',
      actorId: actor.id,
      targetType: 'event',
      targetId: eventId,
      ip: meta.ip,
    });
    return null;
  });
  if (going !== null)
    return {
      ok: false,
      errors: { capacity: { key: 'events:errors.capacityBelowGoing', values: { going } } },
    };
  return { ok: true, id: eventId };
}

export async function cancelEvent(
  actor: AuthUser,
  found: FoundEvent,
  reason: string,
  meta: RequestMeta,
): Promise<Result> {
  if (!editable(actor, found)) return NOT_FOUND;
  const eventId = found.id;
  await db.$transaction(async (tx) => {
    const event = await tx.event.update({
      where: { id: eventId },
      data: { cancelledAt: new Date(), cancelReason: reason },
      select: { titleFi: true, titleSv: true, titleEn: true },
    });
    const signedUp = await tx.eventRsvp.findMany({
      where: { eventId, status: { in: SIGNED_UP } },
      select: { userId: true },
    });
    await notify(tx, {
      type: 'event_cancelled',
      recipientIds: signedUp.map((r) => r.userId),
      actorName: actor.name,
      title: inEachLanguage(event, 'title'),
      url: `/events/${eventId}`,
      detail: reason,
    });
    await reindexEvent(tx, eventId);
    await writeAudit(tx, {
      action: 'event_cancel',
      actorId: actor.id,
      targetType: 'event',
      targetId: eventId,
      ip: meta.ip,
      details: { reason },
    });
  });
  return { ok: true };
}

/**
 * The event's search rows. Role-restricted events have none: the shared index expresses an
 * audience as a minimum rank and organisations, not a set of roles (they are found in the
 * calendar instead).
 */
export async function reindexEvent(tx: Tx, eventId: string) {
  const e = await tx.event.findUniqueOrThrow({ where: { id: eventId } });
  await removeDocument(tx, EVENT_KIND, eventId);
  if (e.audience === 'roles') return;
  // A row for each language the organiser wrote a title in, stemmed in that language; the
  // search lists the event once (its group), by the version that matches best.
  const written = LANGUAGES.filter((lang) => eventTitle(e, lang).lang === lang);
  await indexNewDocuments(
    tx,
    written.map((lang) => ({
      kind: EVENT_KIND,
      sourceId: e.id,
      groupId: e.id,
      language: lang,
      title: eventTitle(e, lang).text,
      body: [eventDescription(e, lang).text, e.address].filter(Boolean).join('\n'),
      url: `/events/${e.id}`,
      authorId: e.createdById,
      flags: [e.type, ...(e.cancelledAt ? ['cancelled'] : [])],
      orgIds: e.audience === 'organisations' ? e.audienceOrgIds : [],
      publishedAt: e.startsAt,
    })),
  );
}
