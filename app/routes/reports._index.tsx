import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound, requireUser } from '~/auth/guards.server';
import { ChartFigure } from '~/components/reports/chart';
import { DeviceTrend } from '~/components/reports/device-trend';
import { SelectField, TextField } from '~/components/ui/form';
import { eserviceChoices } from '~/domain/guidance/sessions.server';
import { CHART_KEYS, INTERVALS } from '~/domain/reports/constants';
import { forPage, guidanceDashboard } from '~/domain/reports/dashboard.server';
import { referralFlows } from '~/domain/roster/referrals.server';
import { ReferralFlows } from '~/components/roster/referral-flows';
import { rowLabel } from '~/domain/reports/labels';
import { dashboardPoints } from '~/domain/reports/point-choices.server';
import { filterQuery } from '~/domain/reports/query';
import { allowedScopes, resolveFilter } from '~/domain/reports/scope.server';
import { getLanguage } from '~/i18n/i18n.server';
import { pageTitle } from '~/utils/meta';
import { activeOrganisations } from '~/domain/organisations/organisations.server';
import { numberFormat } from '~/i18n/format';

/** The guidance dashboards: one's own figures, one's organisation's, or the network's. */
export async function loader({ request }: LoaderFunctionArgs) {
  // Own figures for those who log sessions, an organisation's or the network's for those who
  // read reports: roles combine, so an org admin who does not advise still sees theirs.
  const user = await requireUser(request);
  const filter = resolveFilter(new URL(request.url), user);
  if (!filter) throw notFound();
  const language = await getLanguage(request);
  const [dashboard, services, organisations, referrals] = await Promise.all([
    guidanceDashboard(filter, language),
    eserviceChoices(language),
    filter.scope === 'all' ? activeOrganisations() : Promise.resolve([] as { id: string; name: string }[]),
    referralFlows(filter, language),
  ]);
  const page = forPage(dashboard);
  const points = await dashboardPoints(
    page.charts.supportPoint.rows.map((r) => r.key),
    filter.supportPointId,
  );
  return json({
    filter: {
      scope: filter.scope,
      from: filter.from,
      to: filter.to,
      organisationId: filter.organisationId,
      supportPointId: filter.supportPointId,
      eserviceId: filter.eserviceId,
      interval: filter.interval,
    },
    scopes: allowedScopes(user),
    organisationName: user.organisationName,
    choices: { services, points: points.points, organisations },
    pointsShortened: points.shortened,
    dashboard: page,
    referrals,
  });
}

export default function ReportsPage() {
  const { filter, scopes, organisationName, choices, pointsShortened, dashboard, referrals } =
    useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation('reports');
  const { t: tp } = useTranslation('profile');
  const { t: tr } = useTranslation('roster');
  const ctx = { language: i18n.language, interval: filter.interval, t, tp };
  const number = numberFormat(i18n.language);
  const figure = (n: number | null) => (n === null ? t('charts.fewerThan5') : number.format(n));
  const charts = CHART_KEYS.filter((k) => k !== 'organisation' || filter.scope === 'all');
  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <p className="lead">{t(`scopes.lead.${filter.scope}`, { organisation: organisationName })}</p>
      <p className="actions-row">
        <Link to="/reports/log" className="button">
          {t('log.title')}
        </Link>
        {filter.scope === 'mine' ? null : (
          <Link to={`/reports/events?${filterQuery(filter)}`}>{t('attendance.title')}</Link>
        )}
        <Link to="/support-points">{t('supportPointsLink')}</Link>
        {scopes.includes('mine') ? <Link to="/referrals/new">{tr('referral.makeSlip')}</Link> : null}
      </p>
      <Form method="get" className="filters report-filters" aria-label={t('filters.label')}>
        {scopes.length > 1 ? (
          <SelectField
            name="scope"
            label={t('filters.scope')}
            defaultValue={filter.scope}
            options={scopes.map((s) => ({ value: s, label: t(`scopes.${s}`) }))}
          />
        ) : null}
        <TextField type="date" name="from" label={t('filters.from')} defaultValue={filter.from} />
        <TextField type="date" name="to" label={t('filters.to')} defaultValue={filter.to} />
        {filter.scope === 'all' ? (
          <SelectField
            name="organisation"
            label={t('filters.organisation')}
            defaultValue={filter.organisationId ?? ''}
            options={[
              { value: '', label: t('filters.allOrganisations') },
              ...choices.organisations.map((o) => ({ value: o.id, label: o.name })),
            ]}
          />
        ) : null}
        <SelectField
          name="point"
          label={t('filters.supportPoint')}
          hint={pointsShortened ? t('filters.busiestPoints') : undefined}
          defaultValue={filter.supportPointId ?? ''}
          options={[
            { value: '', label: t('filters.allSupportPoints') },
            ...choices.points.map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
        <SelectField
          name="eservice"
          label={t('filters.eservice')}
          defaultValue={filter.eserviceId ?? ''}
          options={[
            { value: '', label: t('filters.allEServices') },
            ...choices.services.map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
        <SelectField
          name="interval"
          label={t('filters.interval')}
          defaultValue={filter.interval}
          options={INTERVALS.map((i) => ({ value: i, label: t(`filters.intervals.${i}`) }))}
        />
        <button type="submit" className="button button--secondary">
          {t('filters.show')}
        </button>
      </Form>
      {dashboard.smallGroupRule ? <p className="notice">{t('smallGroupRule')}</p> : null}
      <dl className="facts report-totals">
        <dt>{t('totals.sessions')}</dt>
        <dd>{figure(dashboard.sessions)}</dd>
        <dt>{t('totals.hours')}</dt>
        <dd>
          {dashboard.minutes === null
            ? t('charts.fewerThan5')
            : number.format(Math.round(dashboard.minutes / 6) / 10)}
        </dd>
        <dt>{t('totals.answers')}</dt>
        <dd>{figure(dashboard.answers)}</dd>
        <dt>{t('totals.satisfaction')}</dt>
        <dd>
          {dashboard.averageRating === null
            ? t('totals.noAnswers')
            : t('totals.ratingOf5', { rating: number.format(dashboard.averageRating) })}
        </dd>
      </dl>
      {charts.map((key) => {
        const chart = dashboard.charts[key];
        return (
          <ChartFigure
            key={key}
            id={`chart-${key}`}
            title={t(key === 'time' ? `charts.titles.time_${filter.interval}` : `charts.titles.${key}`)}
            note={
              key === 'topic'
                ? t('charts.topicNote')
                : key === 'satisfaction'
                  ? t('charts.satisfactionNote')
                  : undefined
            }
            rows={chart.rows.map((row) => ({
              key: row.key,
              label: rowLabel(key, row, ctx),
              count: row.count,
              rating: key === 'satisfaction' ? Number(row.key) : undefined,
            }))}
            total={chart.total}
            rest={chart.rest}
            csvHref={`/reports/export?${filterQuery(filter, { chart: key })}`}
          />
        );
      })}
      <DeviceTrend
        trend={dashboard.trend}
        csvHref={`/reports/export?${filterQuery(filter, { chart: 'trend' })}`}
      />
      <ReferralFlows flows={referrals} figure={figure} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'reports:title');
