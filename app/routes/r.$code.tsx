import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { getUser, notFound } from '~/auth/guards.server';
import { ResidentLanguages } from '~/components/resident/language-switch';
import { PublicHelpTimes } from '~/components/roster/public-help-times';
import { PrintButton } from '~/components/ui/print-button';
import { slipByCode } from '~/domain/roster/referrals.server';
import { districtName } from '~/domain/support-points/districts';
import { supportPointHours } from '~/domain/support-points/support-points.server';
import { appOrigin } from '~/env.server';
import { getLanguage } from '~/i18n/i18n.server';
import { writtenIn } from '~/i18n/written-in';
import { pageTitle } from '~/utils/meta';
import { qrOfPublicAddress } from '~/utils/qr.server';

/** A slip for a resident: no app navigation, printable on A4 or A5. */
export const handle = { bare: true };

/** Help times on a slip: the next few fit one sheet, even A5. */
const SLIP_TIMES = 6;

/**
 * A referral slip (issue 17 item 5): where the resident should go next, when someone is there
 * to help in which languages, what to bring. Opened by the adviser to print it, and by the
 * resident from its QR code; no login, no adviser's name. In the resident's language (?lng=).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const slip = await slipByCode(params.code ?? '');
  if (!slip) throw notFound();
  const language = await getLanguage(request);
  const url = `${appOrigin()}/r/${slip.code}?lng=${slip.language}`;
  const d = slip.destination;
  const now = new Date().toISOString();
  return json({
    language,
    url,
    qr: await qrOfPublicAddress(url),
    member: Boolean(await getUser(request)),
    bring: slip.bring,
    bringOther: slip.bringOther,
    destination:
      d.kind === 'point'
        ? {
            kind: d.kind,
            name: d.point.name,
            address: d.point.address,
            district: d.point.district,
            hours: supportPointHours(d.point, language),
            accessibility: writtenIn(d.point, 'accessibility', language),
            languages: d.point.languages,
            appointmentNeeded: d.point.appointmentNeeded,
            helpTimes: d.point.helpTimes.filter((t) => t.end > now).slice(0, SLIP_TIMES),
          }
        : d.kind === 'eservice'
          ? { kind: d.kind, name: d.name[language], url: d.url }
          : d,
  });
}

export default function ReferralSlipPage() {
  const { language, url, qr, member, bring, bringOther, destination: d } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation('roster');
  const { t: tp } = useTranslation('profile');
  const { t: ts } = useTranslation('supportPoints');
  const code = url.split('/r/')[1]!.split('?')[0]!;
  return (
    <div className="page page--narrow resident public-point slip">
      <p className="public-point__kicker">{t('public.kicker')}</p>
      <h1>{t('referral.slipTitle')}</h1>
      <ResidentLanguages path={`/r/${code}`} current={language} />
      {d.kind === 'point' ? (
        <>
          <h2>{d.name}</h2>
          <dl className="facts">
            <dt>{ts('form.address')}</dt>
            <dd>
              {d.address}, {districtName(d.district, i18n.language)}
            </dd>
            <dt>{ts('hours')}</dt>
            <dd lang={d.hours.lang}>{d.hours.text || ts('hoursUnknown')}</dd>
            <dt>{ts('appointment')}</dt>
            <dd>{d.appointmentNeeded ? ts('appointmentNeeded') : ts('noAppointment')}</dd>
            <dt>{ts('form.languages')}</dt>
            <dd>{d.languages.map((l) => tp(`languages.${l}`)).join(', ') || '–'}</dd>
            {d.accessibility.text ? (
              <>
                <dt>{ts('accessibility')}</dt>
                <dd lang={d.accessibility.lang}>{d.accessibility.text}</dd>
              </>
            ) : null}
          </dl>
          <PublicHelpTimes times={d.helpTimes} />
        </>
      ) : d.kind === 'eservice' ? (
        <>
          <h2>{d.name}</h2>
          <p>{t('referral.eserviceLead')}</p>
          {d.url ? (
            <p className="public-point__url">
              <a href={d.url}>{d.url}</a>
            </p>
          ) : null}
        </>
      ) : d.kind === 'other' ? (
        <p className="pre-line slip__other">{d.text}</p>
      ) : (
        <p>{t('referral.gone')}</p>
      )}
      {bring.length || bringOther ? (
        <section aria-labelledby="slip-bring">
          <h2 id="slip-bring">{t('referral.bringTitle')}</h2>
          <ul>
            {bring.map((b) => (
              <li key={b}>{t(`referral.items.${b}`)}</li>
            ))}
            {bringOther ? <li>{bringOther}</li> : null}
          </ul>
        </section>
      ) : null}
      <section className="public-point__qr" aria-labelledby="slip-qr">
        <h2 id="slip-qr">{t('public.qrTitle')}</h2>
        <img src={qr} alt={t('public.qrAlt', { url })} width={160} height={160} />
        <p className="public-point__url">{url}</p>
      </section>
      <p className="actions-row no-print">
        <PrintButton label={t('referral.printA4')} paper="a4" />
        <PrintButton label={t('referral.printA5')} paper="a5" />
      </p>
      {member ? (
        <p className="no-print">
          <Link to="/">{t('referral.backToApp')}</Link>
        </p>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [
  ...pageTitle(matches, 'roster:referral.slipTitle'),
  { name: 'robots', content: 'noindex' },
];
