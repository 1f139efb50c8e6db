import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound, requirePermission } from '~/auth/guards.server';
import { StatusBadge } from '~/components/feedback/feedback-labels';
import { SelectField } from '~/components/ui/form';
import { FilterDisclosure } from '~/components/ui/filter-disclosure';
import { DateTime, Pagination } from '~/components/ui/misc';
import { canWriteFor } from '~/domain/briefings/access.server';
import { eserviceName, eserviceBySlug } from '~/domain/briefings/eservices.server';
import { FEEDBACK_STATUSES } from '~/domain/feedback/constants';
import { feedbackQueue } from '~/domain/feedback/queries.server';
import { QueueSchema } from '~/domain/feedback/schema.server';
import { getLanguage } from '~/i18n/i18n.server';
import { pageNumber } from '~/utils/http';
import { dataTitle } from '~/utils/meta';
import { TableWrap } from '~/components/ui/table-wrap';

/** The service owner's queue: every report, newest or most seen first, by status. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'briefings:read');
  const service = await eserviceBySlug(params.slug ?? '');
  if (!service || !(await canWriteFor(user, service.id))) throw notFound();
  const url = new URL(request.url);
  const filter = QueueSchema.parse(Object.fromEntries(url.searchParams));
  const page = pageNumber(url);
  const queue = await feedbackQueue(service.id, { ...filter, page });
  return json({
    slug: service.slug,
    name: eserviceName(service, await getLanguage(request)),
    status: filter.status ?? '',
    sort: filter.sort,
    page,
    ...queue,
  });
}

export default function FeedbackQueuePage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation('feedback');
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to={`/eservices/${data.slug}`}>{data.name}</Link>
      </p>
      <h1>{t('queue.title', { eservice: data.name })}</h1>
      <p>{FEEDBACK_STATUSES.map((s) => `${t(`statuses.${s}`)} ${data.byStatus[s] ?? 0}`).join(' · ')}</p>
      <Form method="get" className="filters" aria-label={t('queue.filter')}>
        <FilterDisclosure
          label={t('queue.narrow')}
          active={data.status ? 1 : 0}
          alsoOpen={data.sort !== 'newest'}
        >
          <SelectField
            name="status"
            label={t('report.status')}
            defaultValue={data.status}
            options={[
              { value: '', label: t('queue.allStatuses') },
              ...FEEDBACK_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) })),
            ]}
          />
          <SelectField
            name="sort"
            label={t('queue.sort')}
            defaultValue={data.sort}
            options={[
              { value: 'newest', label: t('queue.newest') },
              { value: 'top', label: t('queue.top') },
            ]}
          />
          <button type="submit" className="button button--secondary">
            {t('queue.show')}
          </button>
        </FilterDisclosure>
      </Form>
      <p>
        <a href={`/eservices/${data.slug}/feedback/export`} download>
          {t('queue.csv')}
        </a>
      </p>
      <p role="status">{t('queue.count', { count: data.total })}</p>
      <TableWrap label={t('queue.title', { eservice: data.name })}>
        <table>
          <caption className="visually-hidden">{t('queue.title', { eservice: data.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('form.whatHappened')}</th>
              <th scope="col">{t('report.status')}</th>
              <th scope="col">{t('report.seenBy')}</th>
              <th scope="col">{t('form.severity')}</th>
              <th scope="col">{t('report.reported')}</th>
            </tr>
          </thead>
          <tbody>
            {data.reports.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/feedback/${r.id}`}>{r.whatHappened}</Link>
                </th>
                <td>
                  <StatusBadge status={r.status} />
                </td>
                <td>{r.seenCount}</td>
                <td>{t(`severities.${r.severity}`)}</td>
                <td>
                  <DateTime value={r.createdAt} /> · {r.organisationName}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <Pagination page={data.page} pages={data.pages} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  dataTitle(matches, data?.name, 'feedback:queue.pageTitle');
