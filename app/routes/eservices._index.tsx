import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { can, requirePermission } from '~/auth/guards.server';
import { SelectField, TextField } from '~/components/ui/form';
import { ESERVICE_STATUSES } from '~/domain/briefings/constants';
import { eserviceName, listEServices } from '~/domain/briefings/eservices.server';
import { getLanguage } from '~/i18n/i18n.server';
import { searchText } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';

/** The e-service catalogue: what residents ask about, and how to help them with it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'briefings:read');
  const language = await getLanguage(request);
  const url = new URL(request.url);
  const q = searchText(100).parse(url.searchParams.get('q') ?? '');
  const status = ESERVICE_STATUSES.find((s) => s === url.searchParams.get('status'));
  const services = await listEServices({ q, status });
  return json({
    q,
    status: status ?? '',
    services: services.map((s) => ({ ...s, name: eserviceName(s, language) })),
    canManage: can(user, 'eservices:manage'),
  });
}

export default function EServicesPage() {
  const { q, status, services, canManage } = useLoaderData<typeof loader>();
  const { t } = useTranslation('briefings');
  return (
    <div className="page">
      <h1>{t('eservices.title')}</h1>
      <p>{t('eservices.lead')}</p>
      <p className="actions-row">
        <Link to="/briefings">{t('title')}</Link>
        {canManage ? (
          <Link to="/eservices/new" className="button">
            {t('eservices.new')}
          </Link>
        ) : null}
      </p>
      <Form method="get" role="search" className="filters" aria-label={t('eservices.search')}>
        <TextField type="search" name="q" label={t('eservices.search')} defaultValue={q} autoComplete="off" />
        <SelectField
          name="status"
          label={t('eservices.form.status')}
          defaultValue={status}
          options={[
            { value: '', label: t('eservices.allStatuses') },
            ...ESERVICE_STATUSES.map((s) => ({ value: s, label: t(`eservices.statuses.${s}`) })),
          ]}
        />
        <button type="submit" className="button button--secondary">
          {t('eservices.find')}
        </button>
      </Form>
      <p role="status">{t('eservices.count', { count: services.length })}</p>
      <ul className="material-list">
        {services.map((s) => (
          <li key={s.id} className="material-card">
            <h2>
              <Link to={`/eservices/${s.slug}`}>{s.name}</Link>
            </h2>
            <p className="muted">
              {s.owner ? `${s.owner} · ` : ''}
              <span className={`badge badge--status-${s.status}`}>{t(`eservices.statuses.${s.status}`)}</span>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'briefings:eservices.title');
