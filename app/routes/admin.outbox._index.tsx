import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requirePermission } from '~/auth/guards.server';
import { DateTime, Pagination } from '~/components/ui/misc';
import { listOutbox, outboxBodiesVisible } from '~/domain/mail/outbox.server';
import { pageNumber } from '~/utils/http';
import { pageTitle } from '~/utils/meta';

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'outbox:read');
  const page = pageNumber(new URL(request.url));
  return json({ ...(await listOutbox(page)), page, bodiesVisible: outboxBodiesVisible() });
}

export default function OutboxPage() {
  const { emails, page, pages, bodiesVisible } = useLoaderData<typeof loader>();
  const { t } = useTranslation('admin');
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/admin">{t('title')}</Link>
      </p>
      <h1>{t('outbox.title')}</h1>
      <p>{bodiesVisible ? t('outbox.localMode') : t('outbox.smtpMode')}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('outbox.columns.created')}</th>
              <th scope="col">{t('outbox.columns.to')}</th>
              <th scope="col">{t('outbox.columns.subject')}</th>
              <th scope="col">{t('outbox.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {emails.map((e) => (
              <tr key={e.id}>
                <td>
                  <DateTime value={e.createdAt} />
                </td>
                <td>{e.to}</td>
                <td>{bodiesVisible ? <Link to={`/admin/outbox/${e.id}`}>{e.subject}</Link> : e.subject}</td>
                <td>
                  {t(`outbox.status.${e.status}`)}
                  {e.error ? <span className="muted block">{e.error}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pages={pages} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin:outbox.title');
