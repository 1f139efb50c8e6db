import { useTranslation } from '~/i18n/use-translation';

/** The resident's quick-feedback link as a QR code to scan and a short address to type. */
export function FeedbackQr({
  qr,
  url,
  path,
  heading,
  lead,
}: {
  qr: string;
  url: string;
  path: string;
  heading: string;
  lead: string;
}) {
  const { t } = useTranslation('reports');
  return (
    <section className="feedback-qr" aria-labelledby="feedback-qr-heading">
      <h2 id="feedback-qr-heading">{heading}</h2>
      <p>{lead}</p>
      <img src={qr} alt={t('qr.alt', { url })} width={220} height={220} className="feedback-qr__code" />
      <p className="feedback-qr__url">{url}</p>
      <p>
        <a href={path} className="button button--secondary">
          {t('qr.openHere')}
        </a>
      </p>
    </section>
  );
}
