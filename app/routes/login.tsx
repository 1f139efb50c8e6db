import {
  json,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useEffect } from 'react';
import { useTranslation } from '~/i18n/use-translation';
import { redirectToSecondStep, redirectWithSession } from '~/auth/cookies.server';
import { requireAnonymous } from '~/auth/guards.server';
import { login } from '~/auth/login.server';
import { ssoOrganisationForEmail, ssoOrganisations } from '~/auth/sso.server';
import { requestMeta } from '~/auth/request-meta.server';
import { ErrorSummary, Notice, TextField, typed, useFormResult } from '~/components/ui/form';
import { invalid, parseForm, readForm } from '~/utils/forms.server';
import { passActionHeaders, safeRedirectPath } from '~/utils/http';
import { pageTitle } from '~/utils/meta';
import { LoginSchema } from '~/auth/schemas.server';

// A refused login is a document response: its Retry-After must be passed on.
export const headers: HeadersFunction = passActionHeaders('Retry-After');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return json({ organisations: await ssoOrganisations() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = await readForm(request);
  // Members of an organisation with its own sign-in go there, password or not (issue 15). Not
  // by a redirect: the CSP's form-action 'self' (rightly) stops a form from ending up elsewhere,
  // so the page links there and, with JavaScript, follows the link itself.
  const sso = await ssoFor(form);
  if (sso) return json({ sso });
  const parsed = parseForm(LoginSchema, form);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const { email, password, redirectTo, remember } = parsed.data;
  const result = await login(email, password, requestMeta(request, context), { remember: remember === 'on' });
  if (result.status === 'rate_limited') {
    // After repeated stops the wait grows to hours (login.server.ts): said in hours then.
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    const when =
      minutes > 90
        ? { key: 'auth:login.rateLimitedHours', values: { count: Math.ceil(minutes / 60) } }
        : { key: 'auth:login.rateLimited', values: { count: minutes } };
    return invalid(
      { form: when },
      { email },
      { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
    );
  }
  if (result.status === 'invalid') return invalid({ form: { key: 'auth:login.invalid' } }, { email });
  if (result.status === 'second_step') return redirectToSecondStep(safeRedirectPath(redirectTo), result);
  return redirectWithSession(safeRedirectPath(redirectTo), result, result.locale);
}

async function ssoFor(form: FormData): Promise<{ href: string; organisation: string } | null> {
  const typed = parseForm(LoginSchema.pick({ email: true, redirectTo: true }), form);
  if (!typed.ok) return null;
  const org = await ssoOrganisationForEmail(typed.data.email);
  if (!org) return null;
  const query = new URLSearchParams({ login_hint: typed.data.email });
  if (typed.data.redirectTo) query.set('redirectTo', safeRedirectPath(typed.data.redirectTo));
  return { href: `/sso/${org.slug}?${query}`, organisation: org.name };
}

export default function LoginPage() {
  const { t } = useTranslation('auth');
  const { errors, values } = useFormResult();
  const { organisations } = useLoaderData<typeof loader>();
  const sso = (useActionData<typeof action>() as { sso?: { href: string; organisation: string } } | undefined)
    ?.sso;
  useEffect(() => {
    if (sso) window.location.assign(sso.href);
  }, [sso]);
  const [params] = useSearchParams();
  const navigation = useNavigation();
  return (
    <div className="page page--narrow">
      <h1>{t('login.title')}</h1>
      <p>{t('login.intro')}</p>
      {sso ? (
        <Notice tone="info">
          <p>{t('sso.goingThere', { organisation: sso.organisation })}</p>
          <p>
            <a href={sso.href} className="button">
              {t('sso.with', { organisation: sso.organisation })}
            </a>
          </p>
        </Notice>
      ) : null}
      <ErrorSummary errors={errors} />
      {/* Signing in reloads the page: it must start over in the member's own language and state. */}
      <Form method="post" className="form" noValidate reloadDocument>
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? '/'} />
        <TextField
          name="email"
          type="email"
          label={t('fields.email')}
          autoComplete="username"
          inputMode="email"
          required
          defaultValue={typed(values, 'email')}
          error={errors.email}
        />
        <TextField
          name="password"
          type="password"
          label={t('fields.password')}
          autoComplete="current-password"
          required
          error={errors.password}
        />
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" name="remember" value="on" aria-describedby="remember-hint" />
            <span>{t('login.remember')}</span>
          </label>
          <p id="remember-hint" className="field__hint">
            {t('login.rememberHint')}
          </p>
        </div>
        <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
          {t('login.submit')}
        </button>
      </Form>
      <p>
        <Link to="/reset-password">{t('login.forgot')}</Link>
      </p>
      {organisations.length ? (
        <section aria-labelledby="sso-heading">
          <h2 id="sso-heading">{t('sso.title')}</h2>
          <p>{t('sso.intro')}</p>
          <ul className="plain-list">
            {organisations.map((org) => (
              <li key={org.slug}>
                {/* A plain link: the provider's pages take over from here. */}
                <a
                  className="button button--secondary"
                  href={`/sso/${org.slug}${params.get('redirectTo') ? `?${new URLSearchParams({ redirectTo: params.get('redirectTo')! })}` : ''}`}
                >
                  {t('sso.with', { organisation: org.name })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="muted">{t('login.inviteOnly')}</p>
      <p>
        <Link to="/privacy">{t('login.privacy')}</Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth:login.title');
