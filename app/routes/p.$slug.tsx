import { json, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { ResidentLanguages } from '~/components/resident/language-switch';
import { getUser, notFound } from '~/auth/guards.server';
import { PublicHelpTimes } from '~/components/roster/public-help-times';
import { PrintButton } from '~/components/ui/print-button';
import { publicPoint } from '~/domain/roster/public.server';
import { districtName } from '~/domain/support-points/districts';
import { supportPointHours } from '~/domain/support-points/support-points.server';
import { appOrigin } from '~/env.server';
import { getLanguage } from '~/i18n/i18n.server';
import { writtenIn } from '~/i18n/written-in';
import { dataTitle } from '~/utils/meta';
import { qrOfPublicAddress } from '~/utils/qr.server';

/** A resident's page: no login, no app navigation, printable to post at the point. */
export const handle = { bare: true };

/**
 * A support point for residents (issue 17 item 4): where, when someone is there to help and in
 * which languages. Only staffed times, never advisers' names. No login; cached (ADR 031).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const point = await publicPoint(params.slug ?? '');
  if (!point) throw notFound();
  const language = await getLanguage(request);
  const url = `${appOrigin()}/p/${point.slug}`;
  const now = new Date().toISOString();
  // A member's copy carries their name in the page's data: theirs alone.
  const shared = !(await getUser(request));
  return json(
    {
      language,
      url,
      qr: await qrOfPublicAddress(url),
      point: {
        slug: point.slug,
        name: point.name,
        kind: point.kind,
        address: point.address,
        district: point.district,
        hours: supportPointHours(point, language),
        accessibility: writtenIn(point, 'accessibility', language),
        languages: point.languages,
        appointmentNeeded: point.appointmentNeeded,
      },
      // The cache may be up to half a minute old: a time that ended meanwhile is left out here.
      helpTimes: point.helpTimes.filter((t) => t.end > now),
    },
    { headers: { 'Cache-Control': shared ? 'public, max-age=60' : 'private, no-store' } },
  );
}

/**
 * Shared caches may keep a resident's copy a minute — never a member's, never one that sets a
 * cookie — and one per language (the address, the language cookie or the browser decides it).
 */
export const headers: HeadersFunction = ({ loaderHeaders, parentHeaders }) => ({
  'Cache-Control': parentHeaders.has('Set-Cookie')
    ? 'private, no-store'
    : (loaderHeaders.get('Cache-Control') ?? 'private, no-store'),
  Vary: 'Accept-Language, Cookie',
});

export default function PublicPointPage() {
  const { language, url, qr, point, helpTimes } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation('roster');
  const { t: tp } = useTranslation('profile');
  const { t: ts } = useTranslation('supportPoints');
  return (
    <div className="page page--narrow resident public-point">
      <p className="public-point__kicker">{t('public.kicker')}</p>
      <h1>{point.name}</h1>
      <p className="lead">{t('public.lead')}</p>
      <ResidentLanguages path={`/p/${point.slug}`} current={language} />
      <dl className="facts">
        <dt>{ts('form.address')}</dt>
        <dd>
          {point.address}, {districtName(point.district, i18n.language)}
        </dd>
        <dt>{ts('hours')}</dt>
        <dd lang={point.hours.lang}>{point.hours.text || ts('hoursUnknown')}</dd>
        <dt>{ts('appointment')}</dt>
        <dd>{point.appointmentNeeded ? ts('appointmentNeeded') : ts('noAppointment')}</dd>
        <dt>{ts('form.languages')}</dt>
        <dd>{point.languages.map((l) => tp(`languages.${l}`)).join(', ') || '–'}</dd>
        {point.accessibility.text ? (
          <>
            <dt>{ts('accessibility')}</dt>
            <dd lang={point.accessibility.lang}>{point.accessibility.text}</dd>
          </>
        ) : null}
      </dl>
      <PublicHelpTimes times={helpTimes} />
      <p className="muted">{t('public.bring')}</p>
      <section className="public-point__qr" aria-labelledby="public-qr">
        <h2 id="public-qr">{t('public.qrTitle')}</h2>
        <img src={qr} alt={t('public.qrAlt', { url })} width={180} height={180} />
        <p className="public-point__url">{url}</p>
      </section>
      <p className="no-print">
        <PrintButton label={t('public.print')} />
      </p>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...dataTitle(matches, data?.point.name, 'roster:public.kicker'),
  {
    name: 'description',
    content: data ? `${data.point.name}, ${data.point.address}` : '',
  },
];
