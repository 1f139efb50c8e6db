import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { clearedPendingSsoCookie, readPendingSsoToken, redirectWithSession } from '~/auth/cookies.server';
import { requestMeta } from '~/auth/request-meta.server';
import { finishSso } from '~/auth/sso.server';
import { pageTitle } from '~/utils/meta';

// Back from the organisation's identity provider: a session, or a page that says why not.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const result = await finishSso(
    readPendingSsoToken(request),
    new URL(request.url).search,
    requestMeta(request, context),
  );
  if (result.status === 'ok') {
    const response = await redirectWithSession(result.redirectTo, result, result.locale);
    response.headers.append('Set-Cookie', clearedPendingSsoCookie());
    return response;
  }
  return json(
    { reason: result.reason },
    {
      status: result.reason === 'not_member' ? 403 : 400,
      headers: { 'Set-Cookie': clearedPendingSsoCookie() },
    },
  );
}

export default function SsoRefusedPage() {
  const { t } = useTranslation('auth');
  const { reason } = useLoaderData<typeof loader>();
  return (
    <div className="page page--narrow">
      <h1>{t('sso.refusedTitle')}</h1>
      <div className="notice notice--error" role="alert">
        <p>{t(`sso.refused.${reason}`)}</p>
      </div>
      <p>
        <Link to="/login">{t('secondStep.startOver')}</Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth:sso.refusedTitle');
