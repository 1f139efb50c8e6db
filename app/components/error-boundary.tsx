import { isRouteErrorResponse, useRouteError } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

const KNOWN = new Set([400, 403, 404, 405, 413, 415, 429, 500, 503, 507]);

/** The one error page: a translated message per status, never a stack trace. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = KNOWN.has(status) ? status : 500;
  return (
    <div className="page page--narrow">
      <h1>{t(`errors.${key}.title`)}</h1>
      <p>{t(`errors.${key}.body`)}</p>
      <p>
        <a href="/">{t('errors.backHome')}</a>
      </p>
    </div>
  );
}
