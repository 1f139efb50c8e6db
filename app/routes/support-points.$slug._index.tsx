import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { can, notFound, requirePermission } from '~/auth/guards.server';
import { FeedbackQr } from '~/components/guidance/feedback-qr';
import { DoneNotice } from '~/components/ui/form';
import { feedbackUrl } from '~/domain/guidance/feedback-link.server';
import { qrOfPublicAddress } from '~/utils/qr.server';
import { supportPointHours } from '~/domain/support-points/support-points.server';
import { supportPointPage } from '~/domain/support-points/point-page.server';
import { getLanguage } from '~/i18n/i18n.server';
import { dataTitle } from '~/utils/meta';
import { writtenIn } from '~/i18n/written-in';
import { districtName } from '~/domain/support-points/districts';
import { HelpTimes } from '~/components/roster/help-times';
import { mayAddSlots } from '~/domain/roster/slots.server';
import { canCreateEvents } from '~/domain/events/access.server';

/** One support point: where and when, in which languages, who usually helps there. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'support-points:read');
  const canManage = can(user, 'support-points:manage');
  const point = await supportPointPage(user, params.slug ?? '', canManage);
  if (!point) throw notFound();
  const language = await getLanguage(request);
  const url = feedbackUrl(point.feedbackCode);
  return json({
    point: {
      id: point.id,
      slug: point.slug,
      name: point.name,
      kind: point.kind,
      address: point.address,
      district: point.district,
      host: point.host,
      hours: supportPointHours(point, language),
      accessibility: writtenIn(point, 'accessibility', language),
      languages: point.languages,
      appointmentNeeded: point.appointmentNeeded,
      active: point.active,
      // One of the viewer's own places (their profile's): else the page offers to add it.
      mine: point.advisers.some((a) => a.id === user.id),
      advisers: point.advisers,
    },
    sessions: point.sessions,
    helpTimes: point.helpTimes,
    viewerId: user.id,
    canSignUp: can(user, 'roster:sign-up'),
    canRefer: can(user, 'guidance:log'),
    canAnnounce: canCreateEvents(user),
    canAddSlots: point.active && mayAddSlots(user),
    // The feedback address is public (printed on posters): its code is made once per address.
    feedback: point.active
      ? { url, path: `/f/${point.feedbackCode}`, qr: await qrOfPublicAddress(url) }
      : null,
    canManage,
  });
}

export default function SupportPointPage() {
  const {
    point,
    sessions,
    feedback,
    canManage,
    helpTimes,
    viewerId,
    canSignUp,
    canAddSlots,
    canRefer,
    canAnnounce,
  } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation('supportPoints');
  const { t: tp } = useTranslation('profile');
  const { t: tr } = useTranslation('roster');
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/support-points">{t('title')}</Link>
      </p>
      <h1>{point.name}</h1>
      <DoneNotice />
      {point.active ? null : <p className="notice notice--error">{t('inactiveHelp')}</p>}
      <dl className="facts">
        <dt>{t('form.address')}</dt>
        <dd>
          {point.address}, {districtName(point.district, i18n.language)}
        </dd>
        <dt>{t('form.kind')}</dt>
        <dd>{t(`kinds.${point.kind}`)}</dd>
        <dt>{t('hours')}</dt>
        <dd lang={point.hours.lang}>{point.hours.text || t('hoursUnknown')}</dd>
        <dt>{t('appointment')}</dt>
        <dd>{point.appointmentNeeded ? t('appointmentNeeded') : t('noAppointment')}</dd>
        <dt>{t('form.languages')}</dt>
        <dd>{point.languages.map((l) => tp(`languages.${l}`)).join(', ') || '–'}</dd>
        {point.accessibility.text ? (
          <>
            <dt>{t('accessibility')}</dt>
            <dd lang={point.accessibility.lang}>{point.accessibility.text}</dd>
          </>
        ) : null}
        <dt>{t('form.host')}</dt>
        <dd>{point.host ?? '–'}</dd>
        <dt>{t('sessionsYear')}</dt>
        <dd>{sessions === null ? t('fewerThan5') : sessions}</dd>
      </dl>
      <p className="actions-row">
        <Link to={`/reports?point=${point.id}`}>{t('figures')}</Link>
        {point.active ? <a href={`/p/${point.slug}`}>{t('residentsPage')}</a> : null}
        {point.active && canRefer ? (
          <>
            <Link to={`/reports/log?point=${point.id}`}>{t('logHere')}</Link>
            <Link to={`/referrals/new?to=${point.slug}`}>{tr('referral.referHere')}</Link>
          </>
        ) : null}
        {point.active && !point.mine ? (
          <Link to={`/profile?point=${point.id}#places`}>{t('addToMine')}</Link>
        ) : null}
        {point.active && canAnnounce ? (
          <Link to={`/events/new?point=${point.id}`}>{t('announceHere')}</Link>
        ) : null}
        {canManage ? (
          <Link to={`/support-points/${point.slug}/edit`} className="button button--secondary">
            {t('edit')}
          </Link>
        ) : null}
      </p>
      {point.active ? (
        <HelpTimes
          times={helpTimes}
          pointSlug={point.slug}
          viewerId={viewerId}
          canSignUp={canSignUp}
          canAddSlots={canAddSlots}
        />
      ) : null}
      <h2>{t('advisers')}</h2>
      {point.advisers.length ? (
        <ul className="plain-list">
          {point.advisers.map((a) => (
            <li key={a.id}>
              {a.name} <span className="muted">({a.organisation})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('noAdvisers')}</p>
      )}
      <p className="muted">{t('advisersHelp')}</p>
      {feedback ? (
        <FeedbackQr
          qr={feedback.qr}
          url={feedback.url}
          path={feedback.path}
          heading={t('standingHeading')}
          lead={t('standingLead')}
        />
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  dataTitle(matches, data?.point.name, 'supportPoints:title');
