import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound, requirePermission } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import { DoneNotice, Notice } from '~/components/ui/form';
import { DateTime, Pagination } from '~/components/ui/misc';
import { RowActionButton } from '~/components/ui/row-action';
import { listOutbox, mailFailingSince, outboxBodiesVisible, resendEmail } from '~/domain/mail/outbox.server';
import { formatDateTime } from '~/i18n/format';
import { done, readRowAction } from '~/utils/forms.server';
import { pageNumber } from '~/utils/http';
import { pageTitle } from '~/utils/meta';
import { TableWrap } from '~/components/ui/table-wrap';

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'outbox:read');
  const page = pageNumber(new URL(request.url));
  const [outbox, failing] = await Promise.all([listOutbox(page), mailFailingSince()]);
  return json({ ...outbox, page, bodiesVisible: outboxBodiesVisible(), failing });
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Resending is an admin's repair; the permission to read the outbox is the admins' own.
  const { user } = await requirePermission(request, 'outbox:read');
  const emailId = await readRowAction(request, 'resend', 'emailId');
  if (!(await resendEmail(user, emailId, requestMeta(request, context)))) throw notFound();
  return done('admin:outbox.resent');
}

export default function OutboxPage() {
  const { emails, page, pages, bodiesVisible, failing } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation('admin');
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/admin">{t('title')}</Link>
      </p>
      <h1>{t('outbox.title')}</h1>
      {failing ? (
        <Notice tone="error">
          <p>{t('outbox.failingAlert', { since: formatDateTime(failing.since, i18n.language) })}</p>
          <p>{t('outbox.lastError', { error: failing.error })}</p>
        </Notice>
      ) : null}
      <DoneNotice />
      <p>{bodiesVisible ? t('outbox.localMode') : t('outbox.smtpMode')}</p>
      <TableWrap label={t('outbox.title')}>
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
                  {e.status === 'failed' ? (
                    <RowActionButton intent="resend" idField="emailId" id={e.id} label={t('outbox.resend')} />
                  ) : null}
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

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin:outbox.title');
