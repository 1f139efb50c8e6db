import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { can, requirePermission } from '~/auth/guards.server';
import { SelectField, TextField } from '~/components/ui/form';
import { FilterDisclosure } from '~/components/ui/filter-disclosure';
import { ADVISE_LANGUAGES } from '~/domain/members/advise-languages';
import { SUPPORT_POINT_KINDS } from '~/domain/support-points/constants';
import { DirectoryFilterSchema } from '~/domain/support-points/schema.server';
import { directoryPage, supportPointHours } from '~/domain/support-points/support-points.server';
import { getLanguage } from '~/i18n/i18n.server';
import { pageTitle } from '~/utils/meta';
import { Badge, Pagination } from '~/components/ui/misc';
import { pageNumber } from '~/utils/http';
import { districtName } from '~/domain/support-points/districts';
import { HelpLink } from '~/components/help-link';

/** Where residents can get help: every member browses it to refer a resident to the right place. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'support-points:read');
  const filter = DirectoryFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const canManage = can(user, 'support-points:manage');
  const language = await getLanguage(request);
  const page = pageNumber(new URL(request.url));
  const { points, total, pages, districts } = await directoryPage(filter, canManage, page);
  return json({
    filter: {
      q: filter.q,
      kind: filter.kind ?? '',
      district: filter.district,
      language: filter.language ?? '',
    },
    districts,
    canManage,
    total,
    page,
    pages,
    points: points.map(({ hoursFi, hoursSv, hoursEn, ...p }) => ({
      ...p,
      hours: supportPointHours({ hoursFi, hoursSv, hoursEn }, language),
    })),
  });
}

export default function SupportPointsPage() {
  const { filter, districts, canManage, points, total, page, pages } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation('supportPoints');
  const { t: tp } = useTranslation('profile');
  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <HelpLink topic="supportPoints" />
      <p className="lead">{t('lead')}</p>
      {canManage ? (
        <p className="actions-row">
          <Link to="/support-points/new" className="button">
            {t('new')}
          </Link>
        </p>
      ) : null}
      <Form method="get" role="search" className="filters" aria-label={t('search')}>
        <TextField
          type="search"
          name="q"
          label={t('search')}
          hint={t('searchHint')}
          defaultValue={filter.q}
          autoComplete="off"
        />
        <FilterDisclosure
          label={t('narrow')}
          active={[filter.kind, filter.district, filter.language].filter(Boolean).length}
        >
          <SelectField
            name="kind"
            label={t('form.kind')}
            defaultValue={filter.kind}
            options={[
              { value: '', label: t('allKinds') },
              ...SUPPORT_POINT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) })),
            ]}
          />
          <SelectField
            name="district"
            label={t('form.district')}
            defaultValue={filter.district}
            options={[
              { value: '', label: t('allDistricts') },
              ...districts
                .map((d) => ({ value: d, label: districtName(d, i18n.language) }))
                .sort((a, b) => a.label.localeCompare(b.label, i18n.language)),
            ]}
          />
          <SelectField
            name="language"
            label={t('filterLanguage')}
            defaultValue={filter.language}
            options={[
              { value: '', label: t('allLanguages') },
              ...ADVISE_LANGUAGES.map((l) => ({ value: l, label: tp(`languages.${l}`) })),
            ]}
          />
        </FilterDisclosure>
        <button type="submit" className="button button--secondary">
          {t('find')}
        </button>
      </Form>
      <p role="status">{t('count', { count: total })}</p>
      <ul className="material-list">
        {points.map((p) => (
          <li key={p.id} className="material-card">
            <h2>
              <Link to={`/support-points/${p.slug}`}>{p.name}</Link>
            </h2>
            <p>
              {p.address}, {districtName(p.district, i18n.language)} · {t(`kinds.${p.kind}`)}
              {p.active ? null : (
                <>
                  {' '}
                  <Badge tone="danger">{t('inactive')}</Badge>
                </>
              )}
            </p>
            {p.hours.text ? (
              <p>
                <span className="visually-hidden">{t('hours')}: </span>
                <span lang={p.hours.lang}>{p.hours.text}</span>
                {p.appointmentNeeded ? ` · ${t('appointmentNeeded')}` : ''}
              </p>
            ) : null}
            {p.languages.length ? (
              <p className="muted">
                {t('languagesLine', { languages: p.languages.map((l) => tp(`languages.${l}`)).join(', ') })}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <Pagination page={page} pages={pages} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'supportPoints:title');
