import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound, requireAnonymous } from '~/auth/guards.server';
import { pendingSsoCookie } from '~/auth/cookies.server';
import { requestMeta } from '~/auth/request-meta.server';
import { startSso } from '~/auth/sso.server';
import { safeRedirectPath } from '~/utils/http';
import { pageTitle } from '~/utils/meta';

// "Sign in with your organisation's account": off to the organisation's identity provider.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const url = new URL(request.url);
  const loginHint = url.searchParams.get('login_hint')?.slice(0, 254) || undefined;
  const started = await startSso(
    params.org ?? '',
    { redirectTo: safeRedirectPath(url.searchParams.get('redirectTo')), loginHint },
    requestMeta(request, context),
  );
  if (started.status === 'unknown') throw notFound();
  if (started.status === 'redirect')
    return redirect(started.url, { headers: { 'Set-Cookie': pendingSsoCookie(started) } });
  if (started.status === 'rate_limited')
    return json(
      { reason: 'busy' as const },
      { status: 429, headers: { 'Retry-After': String(started.retryAfterSeconds) } },
    );
  // The provider did not answer: say so, and let the member try again in a moment.
  return json({ reason: 'unavailable' as const }, { status: 503, headers: { 'Retry-After': '30' } });
}

export default function SsoUnavailablePage() {
  const { t } = useTranslation('auth');
  const { reason } = useLoaderData<typeof loader>();
  return (
    <div className="page page--narrow">
      <h1>{t('sso.unavailableTitle')}</h1>
      <p>{t(reason === 'busy' ? 'sso.busy' : 'sso.unavailable')}</p>
      <p>
        <Link to="/login">{t('secondStep.startOver')}</Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth:sso.unavailableTitle');
