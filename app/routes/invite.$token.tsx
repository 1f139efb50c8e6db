import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { rolesText } from '~/utils/roles-text';
import { redirectWithSession } from '~/auth/cookies.server';
import { getUser } from '~/auth/guards.server';
import { acceptInvite, inviteState } from '~/auth/invites.server';
import { requestMeta } from '~/auth/request-meta.server';
import { ErrorSummary, Notice, TextField, typed, useFormResult } from '~/components/ui/form';
import { getLanguage } from '~/i18n/i18n.server';
import { invalid, parseForm, readForm } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';
import { NewPasswordFields } from '~/components/new-password-fields';
import { AcceptInviteSchema } from '~/auth/schemas.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const state = await inviteState(params.token ?? '');
  const signedIn = Boolean(await getUser(request));
  return json({ invite: state, signedIn });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = parseForm(AcceptInviteSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const locale = await getLanguage(request);
  const result = await acceptInvite(
    params.token ?? '',
    { name: parsed.data.name, password: parsed.data.password, locale },
    requestMeta(request, context),
  );
  if (result.status === 'weak') return invalid({ password: { key: result.problem } }, parsed.values);
  if (result.status !== 'ok')
    return invalid({ form: { key: `auth:invite.${result.status}` } }, parsed.values);
  return redirectWithSession('/', result, locale);
}

export default function AcceptInvitePage() {
  const { invite, signedIn } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation('auth');
  const { errors, values } = useFormResult();
  if (invite.status !== 'valid') {
    return (
      <div className="page page--narrow">
        <h1>{t('invite.unusableTitle')}</h1>
        <Notice tone="error">
          <p>{t(`invite.${invite.status}`)}</p>
        </Notice>
        <p>{t('invite.askAgain')}</p>
        <p>
          <Link to="/login">{t('invite.toLogin')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <h1>{t('invite.title')}</h1>
      <p>
        {t('invite.intro', {
          organisation: invite.organisationName,
          role: rolesText(t, i18n.language, invite.roles),
        })}
      </p>
      {signedIn ? (
        <Notice tone="info">
          <p>{t('invite.signedInWarning')}</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={errors} />
      <Form method="post" className="form" noValidate reloadDocument>
        <TextField
          name="email"
          type="email"
          label={t('fields.email')}
          value={invite.email}
          readOnly
          autoComplete="username"
        />
        <TextField
          name="name"
          label={t('fields.name')}
          hint={t('invite.nameHint')}
          autoComplete="name"
          required
          maxLength={100}
          defaultValue={typed(values, 'name')}
          error={errors.name}
        />
        <NewPasswordFields errors={errors} />
        <button type="submit" className="button">
          {t('invite.submit')}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth:invite.title');
