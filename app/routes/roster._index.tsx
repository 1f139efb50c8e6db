import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound, requirePermission } from '~/auth/guards.server';
import { CoverageTable } from '~/components/roster/coverage-table';
import { SelectField } from '~/components/ui/form';
import { SLOT_TOPICS } from '~/domain/roster/constants';
import { coverageGrid, coverageQuery } from '~/domain/roster/coverage.server';
import { ADVISE_LANGUAGES } from '~/domain/members/advise-languages';
import { districtName } from '~/domain/support-points/districts';
import { findSupportPoint } from '~/domain/support-points/support-points.server';
import { pageTitle } from '~/utils/meta';

/**
 * Coverage of help times (issue 17 item 3): the network by area, an area by point, a point by
 * help time, for a week or a month — staffed, short, empty, cancelled — by language and topic.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'roster:manage');
  const { view, filter, previous, next } = coverageQuery(new URL(request.url), ADVISE_LANGUAGES, SLOT_TOPICS);
  const point = filter.pointSlug ? await findSupportPoint(filter.pointSlug, false) : null;
  if (filter.pointSlug && !point) throw notFound();
  const grid = await coverageGrid(user, filter);
  return json({
    view,
    filter,
    previous,
    next,
    point: point ? { slug: point.slug, name: point.name, district: point.district } : null,
    grid,
  });
}

export default function CoveragePage() {
  const { view, filter, previous, next, point, grid } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation('roster');
  const { t: tp } = useTranslation('profile');
  // The same view elsewhere: another period, area or point, the filters kept.
  const href = (over: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    const all = {
      view,
      from: filter.from,
      area: filter.district,
      point: filter.pointSlug,
      language: filter.language,
      topic: filter.topic,
      ...over,
    };
    for (const [key, value] of Object.entries(all)) if (value) params.set(key, value);
    return `/roster?${params}`;
  };
  const area = filter.district ?? point?.district;
  return (
    <div className="page">
      <h1>{t('coverage.title')}</h1>
      <p className="lead">{t('coverage.lead')}</p>
      <p>
        <Link to="/roster/gaps" className="button button--secondary">
          {t('coverage.gapsLink')}
        </Link>
      </p>
      <nav aria-label={t('coverage.levels')} className="breadcrumb">
        <Link to={href({ area: undefined, point: undefined })}>{t('coverage.network')}</Link>
        {area ? (
          <>
            {' › '}
            <Link to={href({ area, point: undefined })}>{districtName(area, i18n.language)}</Link>
          </>
        ) : null}
        {point ? (
          <>
            {' › '}
            <span aria-current="page">{point.name}</span>
          </>
        ) : null}
      </nav>
      <Form method="get" className="form form--inline filters">
        {filter.district ? <input type="hidden" name="area" value={filter.district} /> : null}
        {filter.pointSlug ? <input type="hidden" name="point" value={filter.pointSlug} /> : null}
        <input type="hidden" name="from" value={filter.from} />
        <SelectField
          name="view"
          label={t('coverage.view')}
          defaultValue={view}
          options={[
            { value: 'week', label: t('coverage.week') },
            { value: 'month', label: t('coverage.month') },
          ]}
        />
        <SelectField
          name="language"
          label={t('slot.languages')}
          defaultValue={filter.language ?? ''}
          options={[
            { value: '', label: t('coverage.any') },
            ...ADVISE_LANGUAGES.map((l) => ({ value: l, label: tp(`languages.${l}`) })),
          ]}
        />
        <SelectField
          name="topic"
          label={t('slot.topics')}
          defaultValue={filter.topic ?? ''}
          options={[
            { value: '', label: t('coverage.any') },
            ...SLOT_TOPICS.map((x) => ({ value: x, label: t(`topics.${x}`) })),
          ]}
        />
        <button type="submit" className="button">
          {t('coverage.show')}
        </button>
      </Form>
      <p className="actions-row">
        <Link to={href({ from: previous })}>{t(`coverage.previous.${view}`)}</Link>
        <Link to={href({ from: next })}>{t(`coverage.next.${view}`)}</Link>
      </p>
      <CoverageTable grid={grid} href={href} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, 'roster:coverage.title');
