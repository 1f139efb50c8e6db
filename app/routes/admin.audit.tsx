import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData, useSearchParams } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requirePermission } from '~/auth/guards.server';
import { SelectField } from '~/components/ui/form';
import { DateTime, Pagination } from '~/components/ui/misc';
import { listAuditLog } from '~/domain/audit/audit.server';
import { AUDIT_ACTIONS } from '~/domain/audit/constants';
import { pageNumber } from '~/utils/http';
import { pageTitle } from '~/utils/meta';
import { AuditFilterSchema } from '~/domain/audit/schema.server';
import { TableWrap } from '~/components/ui/table-wrap';

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'audit:read');
  const url = new URL(request.url);
  const { action } = AuditFilterSchema.parse(Object.fromEntries(url.searchParams));
  const page = pageNumber(url);
  return json({ ...(await listAuditLog({ action, page })), page });
}

export default function AuditPage() {
  const { entries, page, pages } = useLoaderData<typeof loader>();
  const { t } = useTranslation('admin');
  const [params] = useSearchParams();
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/admin">{t('title')}</Link>
      </p>
      <h1>{t('audit.title')}</h1>
      <Form method="get" className="filters">
        <SelectField
          name="action"
          label={t('audit.filter')}
          defaultValue={params.get('action') ?? ''}
          options={[
            { value: '', label: t('audit.all') },
            ...AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) })),
          ]}
        />
        <button type="submit" className="button button--secondary">
          {t('audit.apply')}
        </button>
      </Form>
      <TableWrap label={t('audit.title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('audit.columns.at')}</th>
              <th scope="col">{t('audit.columns.action')}</th>
              <th scope="col">{t('audit.columns.actor')}</th>
              <th scope="col">{t('audit.columns.target')}</th>
              <th scope="col">{t('audit.columns.details')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>
                  <DateTime value={e.at} />
                </td>
                <td>{t(`audit.actions.${e.action}`)}</td>
                <td>{e.actor ? `${e.actor.name} (${e.actor.email})` : '–'}</td>
                <td>
                  {e.targetType === 'user' && e.targetId ? (
                    <Link to={`/members/${e.targetId}`}>{t('audit.member')}</Link>
                  ) : e.targetType === 'organisation' && e.targetId ? (
                    <Link to={`/admin/organisations/${e.targetId}`}>{t('audit.organisation')}</Link>
                  ) : (
                    (e.targetType ?? '–')
                  )}
                </td>
                <td>
                  <code className="details">
                    {[e.ip, JSON.stringify(e.details)].filter((s) => s && s !== '{}').join(' ')}
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <Pagination page={page} pages={pages} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin:audit.title');
