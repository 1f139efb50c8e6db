import type { MetaFunction } from '@remix-run/node';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { PRIVACY_CATEGORIES } from '~/domain/privacy/inventory';
import { pageTitle } from '~/utils/meta';

// The privacy notice (GDPR Articles 13–14): public, for members and for anyone about to accept
// an invitation. What is stored comes from the data inventory (app/domain/privacy/inventory.ts).
export default function PrivacyNoticePage() {
  const { t } = useTranslation('privacy');
  const rights = t('rights', { returnObjects: true }) as string[];
  return (
    <div className="page page--narrow prose-page">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <h2>{t('controllerTitle')}</h2>
      <p>{t('controller')}</p>
      <h2>{t('purposeTitle')}</h2>
      <p>{t('purpose')}</p>
      <p>{t('legalBasis')}</p>
      <h2>{t('storedTitle')}</h2>
      <dl className="privacy-categories">
        {PRIVACY_CATEGORIES.map((category) => (
          <div key={category.key}>
            <dt>{t(`categories.${category.key}.title`)}</dt>
            <dd>
              <p>{t(`categories.${category.key}.what`)}</p>
              <p>
                <strong>{t('keptLabel')}</strong> {t(`categories.${category.key}.kept`)}
              </p>
            </dd>
          </div>
        ))}
      </dl>
      <h2>{t('sharedTitle')}</h2>
      <p>{t('shared')}</p>
      <h2>{t('rightsTitle')}</h2>
      <ul>
        {rights.map((right) => (
          <li key={right}>{right}</li>
        ))}
      </ul>
      <p>
        {t('profileHint')} <Link to="/profile">{t('profileLink')}</Link>
      </p>
      <h2>{t('contactTitle')}</h2>
      <p>{t('contact')}</p>
      <p>
        <a href={t('ombudsmanUrl')}>{t('ombudsmanLink')}</a>
      </p>
      <p className="muted">{t('updated')}</p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'privacy:title');
