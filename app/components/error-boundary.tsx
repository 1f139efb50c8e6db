import { isRouteErrorResponse, useLocation, useRouteError } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from '~/i18n/use-translation';
import { hasKeptForm, markKeptFailed, subscribeKept } from '~/utils/kept-form';

const KNOWN = new Set([400, 403, 404, 405, 413, 415, 429, 500, 503, 507]);

/** The one error page: a translated message per status, never a stack trace. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const location = useLocation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = KNOWN.has(status) ? status : 500;
  // A fault of the server, not of the request: trying the same page again may work, and a form
  // just sent is kept to be put back then (~/utils/kept-form.ts).
  const fault = status >= 500;
  const kept = useSyncExternalStore(subscribeKept, hasKeptForm, () => false);
  useEffect(() => {
    if (fault) markKeptFailed();
  }, [fault]);
  return (
    <div className="page page--narrow">
      <h1>{t(`errors.${key}.title`)}</h1>
      <p>{t(`errors.${key}.body`)}</p>
      {fault && kept ? <p>{t('errors.formKept')}</p> : null}
      {fault ? (
        <p>
          <Link to={location.pathname + location.search} className="button">
            {t('errors.tryAgain')}
          </Link>
        </p>
      ) : null}
      <p>
        <a href="/">{t('errors.backHome')}</a>
      </p>
    </div>
  );
}
