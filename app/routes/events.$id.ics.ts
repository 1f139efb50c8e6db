import { appOrigin } from '~/env.server';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireEvent } from '~/domain/events/guards.server';
import { eventPage } from '~/domain/events/queries.server';
import { calendarFile } from '~/domain/events/ics.server';
import { eventTitle } from '~/domain/events/titles';
import { getLanguage } from '~/i18n/i18n.server';
import { contentDisposition } from '~/domain/uploads/files.server';

/** One event as an .ics file for any calendar app. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event } = await requireEvent(request, params.id);
  const language = await getLanguage(request);
  const { joinUrl } = await eventPage(user, event);
  const title = eventTitle(event, language).text;
  const body = calendarFile([{ ...event, joinUrl }], {
    language,
    origin: appOrigin(),
    name: title,
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': contentDisposition('attachment', `${title.slice(0, 80) || 'event'}.ics`),
      'Cache-Control': 'private, no-store',
    },
  });
}
