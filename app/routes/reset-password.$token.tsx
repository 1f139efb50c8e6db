import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { redirectToSecondStep, redirectWithSession } from '~/auth/cookies.server';
import { completePasswordReset, resetLinkState } from '~/auth/password-reset.server';
import { requestMeta } from '~/auth/request-meta.server';
import { ErrorSummary, Notice, useFormResult } from '~/components/ui/form';
import { invalid, parseForm, readForm } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';
import { NewPasswordFields } from '~/components/new-password-fields';
import { NewPasswordSchema } from '~/auth/schemas.server';

export async function loader({ params }: LoaderFunctionArgs) {
  return json({ state: await resetLinkState(params.token ?? '') });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = parseForm(NewPasswordSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await completePasswordReset(
    params.token ?? '',
    parsed.data.password,
    requestMeta(request, context),
  );
  if (result.status === 'weak') return invalid({ password: { key: result.problem } });
  if (result.status === 'second_step') return redirectToSecondStep('/', result);
  if (result.status !== 'ok') return invalid({ form: { key: `auth:resetLink.${result.status}` } });
  return redirectWithSession('/', result);
}

export default function NewPasswordPage() {
  const { state } = useLoaderData<typeof loader>();
  const { t } = useTranslation('auth');
  const { errors } = useFormResult();
  if (state !== 'valid') {
    return (
      <div className="page page--narrow">
        <h1>{t('resetLink.unusableTitle')}</h1>
        <Notice tone="error">
          <p>{t(`resetLink.${state}`)}</p>
        </Notice>
        <p>
          <Link to="/reset-password">{t('resetLink.requestNew')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <h1>{t('resetLink.title')}</h1>
      <ErrorSummary errors={errors} />
      <Form method="post" className="form" noValidate reloadDocument>
        <NewPasswordFields errors={errors} />
        <button type="submit" className="button">
          {t('resetLink.submit')}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth:resetLink.title');
