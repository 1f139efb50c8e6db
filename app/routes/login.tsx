import {
  json,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { redirectWithSession } from '~/auth/cookies.server';
import { requireAnonymous } from '~/auth/guards.server';
import { login } from '~/auth/login.server';
import { requestMeta } from '~/auth/request-meta.server';
import { ErrorSummary, TextField, typed, useFormResult } from '~/components/ui/form';
import { invalid, parseForm, readForm } from '~/utils/forms.server';
import { safeRedirectPath } from '~/utils/http';
import { pageTitle } from '~/utils/meta';
import { LoginSchema } from '~/auth/schemas.server';

// A refused login is a document response: Remix sends only what `headers` gives it.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get('Retry-After');
  if (retryAfter) headers.set('Retry-After', retryAfter);
  return headers;
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const parsed = parseForm(LoginSchema, await readForm(request));
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
  return redirectWithSession(safeRedirectPath(redirectTo), result, result.locale);
}

export default function LoginPage() {
  const { t } = useTranslation('auth');
  const { errors, values } = useFormResult();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  return (
    <div className="page page--narrow">
      <h1>{t('login.title')}</h1>
      <p>{t('login.intro')}</p>
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
      <p className="muted">{t('login.inviteOnly')}</p>
      <p>
        <Link to="/privacy">{t('login.privacy')}</Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth:login.title');
