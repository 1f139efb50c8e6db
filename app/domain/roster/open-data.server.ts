import { createHash } from 'node:crypto';
import { hitLimit } from '~/auth/limits.server';
import { appOrigin } from '~/env.server';
import { districtName } from '~/domain/support-points/districts';
import { calendarFile, type IcsEvent } from '~/domain/events/ics.server';
import type { Language } from '~/i18n/config';
import { resources } from '~/i18n/resources.server';
import { publicPoints, type PublicPoint } from './public.server';

// The open-data feed of support points and their staffed help times (issue 17 item 6, ADR 031,
// documented in docs/open-data.md): for the city's digital-support pages and the service map.
// Version 1 never loses or renames a field; a change that would is /open/v2. No personal data:
// only points, times, languages and topics — never who is on duty.

export const OPEN_DATA_VERSION = '1';

type Feed = { body: string; etag: string };

// One body per generation of the cached points (and language): made once, served to everyone.
const made = new WeakMap<object, Map<string, Feed>>();

function once(points: object, key: string, make: () => string): Feed {
  let bodies = made.get(points);
  if (!bodies) {
    bodies = new Map();
    made.set(points, bodies);
  }
  let feed = bodies.get(key);
  if (!feed) {
    const body = make();
    feed = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
    bodies.set(key, feed);
  }
  return feed;
}

const byLanguage = (point: PublicPoint, prefix: 'hours' | 'accessibility') => ({
  fi: point[`${prefix}Fi`],
  sv: point[`${prefix}Sv`],
  en: point[`${prefix}En`],
});

/** The JSON feed: every active point, its staffed times for the next four weeks. */
export async function supportPointsJson(origin: string): Promise<Feed> {
  const all = await publicPoints();
  return once(all, 'json', () =>
    JSON.stringify({
      version: OPEN_DATA_VERSION,
      generatedAt: all.generatedAt,
      source: origin,
      supportPoints: all.points.map((p) => ({
        id: p.slug,
        name: p.name,
        kind: p.kind,
        address: p.address,
        district: { fi: districtName(p.district, 'fi'), sv: districtName(p.district, 'sv') },
        url: `${origin}/p/${p.slug}`,
        languages: p.languages,
        appointmentNeeded: p.appointmentNeeded,
        hours: byLanguage(p, 'hours'),
        accessibility: byLanguage(p, 'accessibility'),
        helpTimes: p.helpTimes.map((t) => ({
          start: t.start,
          end: t.end,
          languages: t.languages,
          topics: t.topics,
        })),
      })),
    }),
  );
}

/** "Digituki" and the languages offered, in one language. */
function words(language: Language) {
  const roster = resources[language].roster as unknown as {
    public: { kicker: string };
    languagesOffered: string;
    topics: Record<string, string>;
  };
  const profile = resources[language].profile as unknown as { languages: Record<string, string> };
  return {
    title: roster.public.kicker,
    languages: (codes: string[]) =>
      roster.languagesOffered.replace(
        '{{languages}}',
        codes.map((c) => profile.languages[c] ?? c).join(', '),
      ),
    topics: (codes: string[]) => codes.map((c) => roster.topics[c] ?? c).join(', '),
  };
}

/** The same help times as iCalendar, titled and described in one language. */
export async function supportPointsIcs(origin: string, language: Language): Promise<Feed> {
  const all = await publicPoints();
  return once(all, `ics:${language}`, () => {
    const say = words(language);
    const events = all.points.flatMap((p) =>
      p.helpTimes.map((t, i): IcsEvent => {
        const title = `${say.title}: ${p.name}`;
        const description = [say.languages(t.languages), say.topics(t.topics)].filter(Boolean).join('\n');
        return {
          // Stable while the time stays staffed: the point, the day, the hour, its place that day.
          id: `help-${p.slug}-${t.date}-${t.startsAt.replace(':', '')}-${i}`,
          titleFi: title,
          titleSv: title,
          titleEn: title,
          descriptionFi: description,
          descriptionSv: description,
          descriptionEn: description,
          startsAt: new Date(t.start),
          endsAt: new Date(t.end),
          // Not a changing event: sequence 0, and the whole feed is published again.
          updatedAt: new Date(0),
          cancelledAt: null,
          address: p.address,
          supportPoint: { name: p.name, address: p.address },
          joinUrl: '',
          path: `/p/${p.slug}`,
        };
      }),
    );
    return calendarFile(events, { language, origin, name: say.title }, new Date(all.generatedAt));
  });
}

/**
 * A feed as an HTTP answer: rate-limited per address (429 with Retry-After), 304 when the
 * reader's copy is current (ETag), and cacheable by anyone for a minute. Readable from other
 * sites' scripts (CORS `*`): it is public, and the city's pages may fetch it in the browser.
 */
export async function serveOpenData(
  request: Request,
  ip: string,
  contentType: string,
  make: (origin: string) => Promise<Feed>,
): Promise<Response> {
  const shared = { 'Access-Control-Allow-Origin': '*', Vary: 'Accept-Encoding' };
  const rate = await hitLimit('open-data', ip || 'unknown');
  if (!rate.allowed)
    return new Response('Too many requests\n', {
      status: 429,
      headers: { ...shared, 'Retry-After': String(rate.retryAfterSeconds), 'Cache-Control': 'no-store' },
    });
  const feed = await make(appOrigin());
  const headers = { ...shared, ETag: feed.etag, 'Cache-Control': 'public, max-age=60' };
  const known = request.headers.get('If-None-Match');
  if (known && known.split(',').some((tag) => tag.trim().replace(/^W\//, '') === feed.etag))
    return new Response(null, { status: 304, headers });
  return new Response(feed.body, { headers: { ...headers, 'Content-Type': contentType } });
}
