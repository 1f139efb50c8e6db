import {
  json,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { clearedChallengeCookie, readChallengeToken, redirectWithSession } from '~/auth/cookies.server';
import { requireAnonymous } from '~/auth/guards.server';
import { loginSecondStep } from '~/auth/login.server';
import { requestMeta } from '~/auth/request-meta.server';
import { SecondStepSchema } from '~/auth/two-factor.server';
import { ErrorSummary, TextField, useFormResult } from '~/components/ui/form';
import { invalid, parseForm, readForm } from '~/utils/forms.server';
import { passActionHeaders, safeRedirectPath } from '~/utils/http';
import { pageTitle } from '~/utils/meta';

// The second step of a login: the code from the member's authenticator app, or a recovery code.
export const headers: HeadersFunction = passActionHeaders('Retry-After', 'Set-Cookie');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  // Without a waiting password the page says so and leads back to the login.
  return json({ waiting: Boolean(readChallengeToken(request)) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = await readForm(request);
  const parsed = parseForm(SecondStepSchema, form);
  if (!parsed.ok) return invalid(parsed.errors);
  const result = await loginSecondStep(
    readChallengeToken(request),
    parsed.data.code,
    requestMeta(request, context),
  );
  if (result.status === 'ok') {
    const redirectTo = new URL(request.url).searchParams.get('redirectTo');
    return redirectWithSession(safeRedirectPath(redirectTo), result, result.locale);
  }
  if (result.status === 'rate_limited')
    return invalid(
      {
        code: {
          key: 'auth:secondStep.rateLimited',
          values: { count: Math.ceil(result.retryAfterSeconds / 60) },
        },
      },
      {},
      { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
    );
  if (result.status === 'wrong') return invalid({ code: { key: 'auth:secondStep.wrong' } });
  // Too many wrong codes, or minutes gone by: the password again.
  return invalid(
    { form: { key: 'auth:secondStep.expired' } },
    {},
    { status: 400, headers: { 'Set-Cookie': clearedChallengeCookie() } },
  );
}

export default function SecondStepPage() {
  const { t } = useTranslation('auth');
  const { waiting } = useLoaderData<typeof loader>();
  const { errors } = useFormResult();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const startOver = `/login${params.get('redirectTo') ? `?${new URLSearchParams({ redirectTo: params.get('redirectTo')! })}` : ''}`;
  return (
    <div className="page page--narrow">
      <h1>{t('secondStep.title')}</h1>
      {waiting && !errors.form ? (
        <>
          <p>{t('secondStep.intro')}</p>
          <ErrorSummary errors={errors} />
          <Form method="post" className="form" noValidate reloadDocument>
            <TextField
              name="code"
              label={t('secondStep.code')}
              hint={t('secondStep.hint')}
              autoComplete="one-time-code"
              inputMode="text"
              autoCapitalize="none"
              spellCheck={false}
              required
              error={errors.code}
            />
            <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
              {t('secondStep.submit')}
            </button>
          </Form>
          <p className="muted">{t('secondStep.lost')}</p>
        </>
      ) : (
        <>
          <ErrorSummary errors={errors} />
          {errors.form ? null : <p>{t('secondStep.notWaiting')}</p>}
        </>
      )}
      <p>
        <Link to={startOver}>{t('secondStep.startOver')}</Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth:secondStep.title');
