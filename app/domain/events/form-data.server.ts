import type { AuthUser } from '~/auth/guards.server';
import { placeChoices } from '~/domain/support-points/place-choices.server';
import { activeOrganisations } from '~/domain/organisations/organisations.server';
import { helsinkiLocalInput } from '~/i18n/format';
import { creatableTypes } from './access.server';
import { EVENT_TYPES } from './constants';
import type { FoundEvent } from './queries.server';

/**
 * What the event form offers this member: the types they may announce, places (in a large
 * network their own and `chosen`: the event's, or one picked on a place's page; placeChoices),
 * audiences.
 */
export async function eventFormOptions(viewer: AuthUser, chosen: string[] = []) {
  const [{ places, shortened }, organisations] = await Promise.all([
    placeChoices(viewer, chosen),
    activeOrganisations(),
  ]);
  return {
    types: creatableTypes(viewer, EVENT_TYPES),
    supportPoints: places.map((p) => ({ id: p.id, name: p.name })),
    supportPointsShortened: shortened,
    organisations,
  };
}

/** A stored event as form values (times as Helsinki datetime-local values). */
export function eventDefaults(e: FoundEvent) {
  return {
    type: e.type,
    titleFi: e.titleFi,
    titleSv: e.titleSv,
    titleEn: e.titleEn,
    descriptionFi: e.descriptionFi,
    descriptionSv: e.descriptionSv,
    descriptionEn: e.descriptionEn,
    startsAt: helsinkiLocalInput(e.startsAt),
    endsAt: helsinkiLocalInput(e.endsAt),
    placeKind: e.placeKind,
    supportPointId: e.supportPointId ?? '',
    address: e.address,
    joinUrl: e.joinUrl,
    capacity: e.capacity === null ? '' : String(e.capacity),
    rsvpDeadline: e.rsvpDeadline ? helsinkiLocalInput(e.rsvpDeadline) : '',
    audience: e.audience,
    audienceOrgIds: e.audienceOrgIds,
    audienceRoles: e.audienceRoles,
  };
}
