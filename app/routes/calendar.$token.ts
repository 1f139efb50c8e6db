import { appOrigin } from '~/env.server';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { notFound } from '~/auth/guards.server';
import { feedFor } from '~/domain/events/calendar-feed.server';
import { calendarFile } from '~/domain/events/ics.server';

/**
 * A member's calendar feed for phones (no login: the secret address is the key). A revoked or
 * unknown address is a 404, as is anything not ending in .ics.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const token = params.token?.match(/^([A-Za-z0-9_-]{16,100})\.ics$/)?.[1];
  const feed = token ? await feedFor(token) : null;
  if (!feed) throw notFound();
  const body = calendarFile(feed.events, {
    language: feed.language,
    origin: appOrigin(),
    name: 'Tukiverkko',
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Cache-Control': 'private, no-store',
    },
  });
}
