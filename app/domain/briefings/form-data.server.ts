import type { AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import { eventTitle } from '~/domain/events/titles';
import { activeOrganisations } from '~/domain/organisations/organisations.server';
import { helsinkiLocalInput } from '~/i18n/format';
import { writableEServiceIds } from './access.server';
import { eserviceName } from './eservices.server';
import type { FoundBriefing } from './queries.server';

/** What the briefing form offers this writer: their e-services, audiences and coming events. */
export async function briefingFormOptions(viewer: AuthUser, language: string) {
  const writable = await writableEServiceIds(viewer);
  const [eservices, organisations, events] = await Promise.all([
    db.eService.findMany({
      where: writable === 'all' ? {} : { id: { in: writable } },
      orderBy: { nameFi: 'asc' },
      select: { id: true, slug: true, nameFi: true, nameSv: true, nameEn: true },
    }),
    activeOrganisations(),
    db.event.findMany({
      where: { startsAt: { gte: new Date() }, cancelledAt: null },
      orderBy: { startsAt: 'asc' },
      take: 50,
      select: { id: true, titleFi: true, titleSv: true, titleEn: true, startsAt: true },
    }),
  ]);
  return {
    eservices: eservices.map((s) => ({ id: s.id, slug: s.slug, name: eserviceName(s, language) })),
    organisations,
    events: events.map((e) => ({
      id: e.id,
      label: `${eventTitle(e, language).text} (${helsinkiLocalInput(e.startsAt).replace('T', ' ')})`,
    })),
  };
}

/** A stored briefing's working copy as form values. */
export function briefingDefaults(b: FoundBriefing) {
  return {
    eserviceId: b.eserviceId,
    language: b.language,
    title: b.title,
    forWhom: b.forWhom,
    bodyJson: JSON.stringify(b.body),
    knownProblems: b.knownProblems,
    adviceToResidents: b.adviceToResidents,
    launchAt: helsinkiLocalInput(b.launchAt),
    eventId: b.eventId ?? '',
    audience: b.audience,
    audienceOrgIds: b.audienceOrgIds,
    audienceRoles: b.audienceRoles,
  };
}
export type BriefingDefaults = ReturnType<typeof briefingDefaults>;
