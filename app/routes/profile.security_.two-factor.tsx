import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useEffect, useRef } from 'react';
import { useTranslation } from '~/i18n/use-translation';
import { requireUser } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import {
  TwoFactorActionSchema,
  changeTwoFactor,
  pendingEnrolment,
  twoFactorStatus,
} from '~/auth/two-factor.server';
import { DoneNotice, ErrorSummary, Notice, TextField, useFormResult } from '~/components/ui/form';
import { DateTime } from '~/components/ui/misc';
import { done, invalid, parseForm, readForm, refused } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';

// Two-step verification: set up with a QR code or a key typed by hand, recovery codes shown once,
// the password asked again for every change (docs/decisions/022-two-factor.md).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const status = await twoFactorStatus(user.id);
  return json({
    status,
    mustSetUp: user.mustSetUpSecondFactor,
    enrolment: status.enabled ? null : await pendingEnrolment(user),
    email: user.email,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(TwoFactorActionSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors);
  const result = await changeTwoFactor(user, parsed.data, requestMeta(request, context));
  if (!result.ok) return refused(result);
  return done(`profile:twoFactor.done.${parsed.data.intent}`, { recoveryCodes: result.recoveryCodes });
}

/** The key as an app asks for it, in groups of four so it can be read aloud and typed. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

export default function TwoFactorPage() {
  const { t } = useTranslation('profile');
  const { status, mustSetUp, enrolment, email } = useLoaderData<typeof loader>();
  const { errors } = useFormResult();
  const recoveryCodes = (useActionData<typeof action>() as { recoveryCodes?: string[] | null } | undefined)
    ?.recoveryCodes;
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/profile/security">{t('security.title')}</Link>
      </p>
      <h1>{t('twoFactor.title')}</h1>
      <DoneNotice />
      {recoveryCodes?.length ? <RecoveryCodes codes={recoveryCodes} /> : null}
      {mustSetUp && !status.enabled ? (
        <Notice tone="info">
          <p>{t('twoFactor.required')}</p>
        </Notice>
      ) : null}
      <p>{t('twoFactor.intro')}</p>
      <ErrorSummary errors={errors} />
      {enrolment ? (
        <section aria-labelledby="setup-heading">
          <h2 id="setup-heading">{t('twoFactor.setUp')}</h2>
          <ol className="steps">
            <li>{t('twoFactor.step1')}</li>
            <li>
              <p>{t('twoFactor.step2')}</p>
              <img src={enrolment.qr} alt={t('twoFactor.qrAlt')} width={200} height={200} className="qr" />
              <p>{t('twoFactor.manualKey')}</p>
              <p>
                <code className="secret-key" aria-label={t('twoFactor.keyLabel')}>
                  {grouped(enrolment.secret)}
                </code>
              </p>
              <p className="muted">{t('twoFactor.keyDetails', { account: email })}</p>
            </li>
            <li>{t('twoFactor.step3')}</li>
          </ol>
          <Form method="post" className="form" noValidate>
            <input type="email" autoComplete="username" value={email} readOnly hidden />
            <TextField
              name="code"
              label={t('twoFactor.code')}
              hint={t('twoFactor.codeHint')}
              autoComplete="one-time-code"
              inputMode="numeric"
              required
              error={errors.code}
            />
            <TextField
              name="currentPassword"
              type="password"
              label={t('security.currentPassword')}
              autoComplete="current-password"
              required
              error={errors.currentPassword}
            />
            <button type="submit" name="intent" value="enable" className="button">
              {t('twoFactor.enable')}
            </button>
          </Form>
        </section>
      ) : (
        <section aria-labelledby="on-heading">
          <h2 id="on-heading">{t('twoFactor.isOn')}</h2>
          <dl className="facts">
            <dt>{t('twoFactor.since')}</dt>
            <dd>{status.enabledAt ? <DateTime value={status.enabledAt} /> : '–'}</dd>
            <dt>{t('twoFactor.codesLeft')}</dt>
            <dd>{status.recoveryCodesLeft}</dd>
          </dl>
          <Form method="post" className="form" noValidate>
            <input type="email" autoComplete="username" value={email} readOnly hidden />
            <TextField
              name="currentPassword"
              type="password"
              label={t('security.currentPassword')}
              hint={t('twoFactor.passwordHint')}
              autoComplete="current-password"
              required
              error={errors.currentPassword}
            />
            <div className="actions-row">
              <button type="submit" name="intent" value="recovery-codes" className="button button--secondary">
                {t('twoFactor.newCodes')}
              </button>
              {status.required ? null : (
                <button type="submit" name="intent" value="disable" className="button button--danger">
                  {t('twoFactor.disable')}
                </button>
              )}
            </div>
          </Form>
          {status.required ? <p className="muted">{t('twoFactor.cannotDisable')}</p> : null}
        </section>
      )}
    </div>
  );
}

/** Shown once, right after they are made: the heading takes focus so nobody misses them. */
function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation('profile');
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), [codes]);
  return (
    <section aria-labelledby="codes-heading" className="recovery-codes">
      <h2 id="codes-heading" ref={ref} tabIndex={-1}>
        {t('twoFactor.codesTitle')}
      </h2>
      <p>{t('twoFactor.codesIntro')}</p>
      <ol className="recovery-codes__list">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p>
        <Link to="/" className="button">
          {t('twoFactor.codesDone')}
        </Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'profile:twoFactor.title');
