import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requireAnonymous } from '~/auth/guards.server';
import { requestPasswordReset } from '~/auth/password-reset.server';
import { requestMeta } from '~/auth/request-meta.server';
import { DoneNotice, ErrorSummary, TextField, typed, useFormResult } from '~/components/ui/form';
import { done, invalid, parseForm, readForm } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';
import { RequestResetSchema } from '~/auth/schemas.server';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const parsed = parseForm(RequestResetSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const { rateLimited } = await requestPasswordReset(parsed.data.email, requestMeta(request, context));
  if (rateLimited) return invalid({ form: { key: 'auth:reset.rateLimited' } }, parsed.data, { status: 429 });
  return done('auth:reset.sent');
}

export default function RequestResetPage() {
  const { t } = useTranslation('auth');
  const { errors, values, message } = useFormResult();
  return (
    <div className="page page--narrow">
      <h1>{t('reset.title')}</h1>
      {message ? (
        <DoneNotice />
      ) : (
        <>
          <p>{t('reset.intro')}</p>
          <ErrorSummary errors={errors} />
          <Form method="post" className="form" noValidate>
            <TextField
              name="email"
              type="email"
              label={t('fields.email')}
              autoComplete="email"
              inputMode="email"
              required
              defaultValue={typed(values, 'email')}
              error={errors.email}
            />
            <button type="submit" className="button">
              {t('reset.submit')}
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to="/login">{t('reset.backToLogin')}</Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth:reset.title');
