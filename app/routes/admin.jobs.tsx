import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound, requirePermission } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import { DoneNotice } from '~/components/ui/form';
import { DateTime, Pagination } from '~/components/ui/misc';
import { RowActionButton } from '~/components/ui/row-action';
import { jobOverview, retryJob } from '~/domain/jobs/admin.server';
import { runDigestsNow } from '~/domain/notifications/digest.server';
import { done, readForm } from '~/utils/forms.server';
import { pageNumber } from '~/utils/http';
import { pageTitle } from '~/utils/meta';
import { TableWrap } from '~/components/ui/table-wrap';

// The queue is operations, like the outbox: the same (admin-only) permission.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'outbox:read');
  const page = pageNumber(new URL(request.url));
  return json({ ...(await jobOverview(page)), page });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'outbox:read');
  const form = await readForm(request);
  if (form.get('intent') === 'digests') {
    await runDigestsNow(user, requestMeta(request, context));
    return done('admin:jobs.digestsQueued');
  }
  const jobId = form.get('intent') === 'retry' ? form.get('jobId') : null;
  if (typeof jobId !== 'string' || !(await retryJob(user, jobId, requestMeta(request, context))))
    throw notFound();
  return done('admin:jobs.retried');
}

export default function JobsPage() {
  const { counts, failed, failedTotal, page, pages } = useLoaderData<typeof loader>();
  const { t } = useTranslation('admin');
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/admin">{t('title')}</Link>
      </p>
      <h1>{t('jobs.title')}</h1>
      <DoneNotice />
      <h2>{t('jobs.queue')}</h2>
      {counts.length ? (
        <TableWrap label={t('jobs.queue')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('jobs.columns.type')}</th>
                <th scope="col">{t('jobs.columns.status')}</th>
                <th scope="col">{t('jobs.columns.count')}</th>
              </tr>
            </thead>
            <tbody>
              {counts.map((c) => (
                <tr key={`${c.type}:${c.status}`}>
                  <td>{c.type}</td>
                  <td>{t(`jobs.status.${c.status}`)}</td>
                  <td>{c.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t('jobs.empty')}</p>
      )}
      <Form method="post" className="section">
        <input type="hidden" name="intent" value="digests" />
        <p>{t('jobs.digestsHelp')}</p>
        <button type="submit" className="button button--secondary">
          {t('jobs.digests')}
        </button>
      </Form>
      <h2>{t('jobs.failed', { count: failedTotal })}</h2>
      {failed.length ? (
        <TableWrap label={t('jobs.failed', { count: failedTotal })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('jobs.columns.type')}</th>
                <th scope="col">{t('jobs.columns.finished')}</th>
                <th scope="col">{t('jobs.columns.attempts')}</th>
                <th scope="col">{t('jobs.columns.error')}</th>
                <th scope="col">{t('jobs.columns.action')}</th>
              </tr>
            </thead>
            <tbody>
              {failed.map((job) => (
                <tr key={job.id}>
                  <td>{job.type}</td>
                  <td>{job.finishedAt ? <DateTime value={job.finishedAt} /> : null}</td>
                  <td>{job.attempts}</td>
                  <td>{job.lastError}</td>
                  <td>
                    <RowActionButton intent="retry" idField="jobId" id={job.id} label={t('jobs.retry')} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <Pagination page={page} pages={pages} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin:jobs.title');
