import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requirePermission } from '~/auth/guards.server';
import { BriefingBadges } from '~/components/briefings/briefing-badges';
import { DateTime } from '~/components/ui/misc';
import { writableEServiceIds } from '~/domain/briefings/access.server';
import { eserviceName } from '~/domain/briefings/eservices.server';
import { listBriefings } from '~/domain/briefings/queries.server';
import { getLanguage } from '~/i18n/i18n.server';
import { pageTitle } from '~/utils/meta';
import { HelpLink } from '~/components/help-link';

/** Briefings on new and changing e-services, newest launch first; unread ones marked. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'briefings:read');
  const language = await getLanguage(request);
  const [briefings, writable] = await Promise.all([listBriefings(user), writableEServiceIds(user)]);
  return json({
    briefings: briefings.map((b) => ({ ...b, eserviceName: eserviceName(b.eservice, language) })),
    canWrite: writable === 'all' || writable.length > 0,
  });
}

export default function BriefingsPage() {
  const { briefings, canWrite } = useLoaderData<typeof loader>();
  const { t } = useTranslation('briefings');
  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <HelpLink topic="briefings" />
      <p>{t('lead')}</p>
      <p className="actions-row">
        <Link to="/eservices">{t('eservices.title')}</Link>
        <Link to="/feedback">{t('myReports')}</Link>
        {canWrite ? (
          <Link to="/briefings/new" className="button">
            {t('new.title')}
          </Link>
        ) : null}
      </p>
      {briefings.length === 0 ? <p>{t('empty')}</p> : null}
      <ul className="material-list">
        {briefings.map((b) => (
          <li key={b.id} className="material-card">
            <h2>
              <Link to={`/briefings/${b.id}`} lang={b.language}>
                {b.title}
              </Link>
            </h2>
            <p className="muted">
              <Link to={`/eservices/${b.eservice.slug}`}>{b.eserviceName}</Link> · {t('launchAt')}{' '}
              <DateTime value={b.launchAt} />
            </p>
            <p>
              <BriefingBadges briefing={b} />
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'briefings:title');
