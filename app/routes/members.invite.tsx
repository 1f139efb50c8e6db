import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requirePermission } from '~/auth/guards.server';
import { createInvite } from '~/auth/invites.server';
import { requestMeta } from '~/auth/request-meta.server';
import {
  CheckboxGroup,
  DoneNotice,
  SelectField,
  TextField,
  typed,
  typedList,
  useFormResult,
} from '~/components/ui/form';
import { activeOrganisations } from '~/domain/organisations/organisations.server';
import { LANGUAGES, LANGUAGE_NAMES } from '~/i18n/config';
import { getLanguage } from '~/i18n/i18n.server';
import { done, invalid, parseForm, readForm, refused } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';
import { InviteSchema } from '~/domain/members/schema.server';
import { grantableRoles } from '~/auth/roles';

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requirePermission(request, 'member:invite');
  const organisations =
    scope === 'all'
      ? await activeOrganisations()
      : [{ id: user.organisationId, name: user.organisationName }];
  return json({
    organisations,
    roles: grantableRoles(user.roles),
    language: await getLanguage(request),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, scope } = await requirePermission(request, 'member:invite');
  const parsed = parseForm(InviteSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await createInvite(user, scope, parsed.data, requestMeta(request, context));
  if (!result.ok) return refused(result, parsed.data);
  return done('members:invite.sent', { values: {}, email: parsed.data.email });
}

export default function InvitePage() {
  const { organisations, roles, language } = useLoaderData<typeof loader>();
  const { t } = useTranslation('members');
  const { errors, values, message } = useFormResult();
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/members">{t('title')}</Link>
      </p>
      <h1>{t('invite.title')}</h1>
      <p>{t('invite.intro')}</p>
      <DoneNotice />
      <Form method="post" className="form" noValidate key={message ? 'sent' : 'editing'}>
        <TextField
          name="email"
          type="email"
          label={t('invite.email')}
          autoComplete="off"
          inputMode="email"
          required
          defaultValue={typed(values, 'email')}
          error={errors.email}
        />
        <SelectField
          name="organisationId"
          label={t('invite.organisation')}
          defaultValue={typed(
            values,
            'organisationId',
            organisations.length === 1 ? organisations[0]!.id : '',
          )}
          options={[
            ...(organisations.length > 1 ? [{ value: '', label: t('invite.choose') }] : []),
            ...organisations.map((o) => ({ value: o.id, label: o.name })),
          ]}
          error={errors.organisationId}
        />
        <CheckboxGroup
          name="roles"
          legend={t('invite.role')}
          hint={t('invite.rolesHint')}
          defaultValues={typedList(values, 'roles', ['adviser'])}
          options={roles.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
          error={errors.roles}
        />
        <SelectField
          name="locale"
          label={t('invite.language')}
          defaultValue={typed(values, 'locale', language)}
          options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          error={errors.locale}
        />
        <button type="submit" className="button">
          {t('invite.submit')}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'members:invite.title');
