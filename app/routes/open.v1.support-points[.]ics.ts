import type { LoaderFunctionArgs } from '@remix-run/node';
import { requestMeta } from '~/auth/request-meta.server';
import { serveOpenData, supportPointsIcs } from '~/domain/roster/open-data.server';
import { isLanguage } from '~/i18n/config';

/** The same help times as iCalendar, titled in ?lng= (fi, sv, en; Finnish by default). */
export const loader = ({ request, context }: LoaderFunctionArgs) => {
  const lng = new URL(request.url).searchParams.get('lng');
  return serveOpenData(request, requestMeta(request, context).ip, 'text/calendar; charset=utf-8', (origin) =>
    supportPointsIcs(origin, isLanguage(lng) ? lng : 'fi'),
  );
};
