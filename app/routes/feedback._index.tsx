import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requirePermission } from '~/auth/guards.server';
import { StatusBadge } from '~/components/feedback/feedback-labels';
import { DateTime } from '~/components/ui/misc';
import { eserviceName } from '~/domain/briefings/eservices.server';
import { myReports } from '~/domain/feedback/queries.server';
import { getLanguage } from '~/i18n/i18n.server';
import { pageTitle } from '~/utils/meta';

/** The reports this member has made, with where each stands. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'briefings:read');
  const language = await getLanguage(request);
  const reports = await myReports(user);
  return json({ reports: reports.map((r) => ({ ...r, eserviceName: eserviceName(r.eservice, language) })) });
}

export default function MyFeedbackPage() {
  const { reports } = useLoaderData<typeof loader>();
  const { t } = useTranslation('feedback');
  return (
    <div className="page page--narrow">
      <h1>{t('mine.title')}</h1>
      <p>{t('mine.lead')}</p>
      {reports.length === 0 ? <p>{t('mine.none')}</p> : null}
      <ul className="material-list">
        {reports.map((r) => (
          <li key={r.id} className="material-card">
            <h2>
              <Link to={`/feedback/${r.id}`}>{r.whatHappened.slice(0, 100)}</Link>
            </h2>
            <p className="muted">
              {r.eserviceName} · <DateTime value={r.createdAt} /> · <StatusBadge status={r.status} />
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'feedback:mine.title');
