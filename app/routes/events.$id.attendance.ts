import type { LoaderFunctionArgs } from '@remix-run/node';
import { attendanceCsv } from '~/domain/events/attendance.server';
import { requireEvent } from '~/domain/events/guards.server';
import { eventTitle } from '~/domain/events/titles';
import { contentDisposition } from '~/domain/uploads/files.server';
import { getLanguage, i18n } from '~/i18n/i18n.server';

/** Attendance as CSV for the organisers: who answered what, who came, who did not. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireEvent(request, params.id, 'organiser');
  const language = await getLanguage(request);
  const t = await i18n.getFixedT(request, 'events');
  const csv = await attendanceCsv(
    event.id,
    language,
    ['name', 'email', 'organisation', 'answer', 'checkedIn', 'noShow'].map((h) => t(`csv.${h}`)),
    {
      going: t('rsvp.status.going'),
      maybe: t('rsvp.status.maybe'),
      waitlist: t('rsvp.status.waitlist'),
      walk_in: t('rsvp.status.walk_in'),
      noShow: t('csv.yes'),
    },
  );
  const name = `${eventTitle(event, language).text.slice(0, 60) || 'event'} ${t('csv.file')}.csv`;
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': contentDisposition('attachment', name),
      'Cache-Control': 'private, no-store',
    },
  });
}
