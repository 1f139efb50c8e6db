import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requireUser } from '~/auth/guards.server';
import { ChangePasswordSchema, changePassword } from '~/auth/password-change.server';
import { requestMeta } from '~/auth/request-meta.server';
import { twoFactorStatus } from '~/auth/two-factor.server';
import { DoneNotice, ErrorSummary, TextField, useFormResult } from '~/components/ui/form';
import { done, invalid, parseForm, readForm, refused } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';
import { NewPasswordFields } from '~/components/new-password-fields';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ email: user.email, twoFactor: await twoFactorStatus(user.id) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(ChangePasswordSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors);
  const result = await changePassword(user, parsed.data, requestMeta(request, context));
  if (!result.ok) return refused(result);
  return done('profile:security.changed');
}

export default function SecurityPage() {
  const { t } = useTranslation(['profile', 'auth']);
  const { email, twoFactor } = useLoaderData<typeof loader>();
  const { errors } = useFormResult();
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/profile">{t('title')}</Link>
      </p>
      <h1>{t('security.title')}</h1>
      <DoneNotice />
      <h2>{t('security.changePassword')}</h2>
      <p>{t('security.intro')}</p>
      <ErrorSummary errors={errors} />
      <Form method="post" className="form" noValidate>
        {/* Whose password this is, for password managers: not shown, and without a name not sent. */}
        <input type="email" autoComplete="username" value={email} readOnly hidden />
        <TextField
          name="currentPassword"
          type="password"
          label={t('security.currentPassword')}
          autoComplete="current-password"
          required
          error={errors.currentPassword}
        />
        <NewPasswordFields errors={errors} />
        <button type="submit" className="button">
          {t('security.submit')}
        </button>
      </Form>
      <section aria-labelledby="two-factor-heading">
        <h2 id="two-factor-heading">{t('twoFactor.title')}</h2>
        <p>
          {twoFactor.enabled
            ? t('twoFactor.statusOn', { count: twoFactor.recoveryCodesLeft })
            : twoFactor.required
              ? t('twoFactor.statusRequired')
              : t('twoFactor.statusOff')}
        </p>
        <p>
          <Link to="/profile/security/two-factor" className="button button--secondary">
            {twoFactor.enabled ? t('twoFactor.manage') : t('twoFactor.setUp')}
          </Link>
        </p>
      </section>
      <p>
        <Link to="/profile/sessions">{t('sessionsLink')}</Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'profile:security.title');
