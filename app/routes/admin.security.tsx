import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requirePermission } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import {
  SecondFactorPolicySchema,
  secondFactorPolicy,
  setSecondFactorPolicy,
} from '~/auth/two-factor.server';
import { CheckboxGroup, DoneNotice, ErrorSummary, useFormResult } from '~/components/ui/form';
import { done, invalid, parseForm, readForm } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';

// Which roles must sign in with a second factor (issue 15): on for coordinators and admins.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'security:manage');
  return json({ roles: await secondFactorPolicy() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'security:manage');
  const parsed = parseForm(SecondFactorPolicySchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors);
  await setSecondFactorPolicy(user, parsed.data.roles, requestMeta(request, context).ip);
  return done('admin:security.saved');
}

export default function SecurityPolicyPage() {
  const { roles } = useLoaderData<typeof loader>();
  const { t } = useTranslation('admin');
  const { errors } = useFormResult();
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/admin">{t('title')}</Link>
      </p>
      <h1>{t('security.title')}</h1>
      <DoneNotice />
      <p>{t('security.intro')}</p>
      <ErrorSummary errors={errors} />
      <Form method="post" className="form" noValidate>
        <CheckboxGroup
          name="roles"
          legend={t('security.roles')}
          hint={t('security.rolesHint')}
          options={roles.map((r) => ({
            value: r.key,
            label: `${t(`common:roles.${r.key}`)} (${t('security.without', { count: r.withoutSecondFactor })})`,
          }))}
          defaultValues={roles.filter((r) => r.required).map((r) => r.key)}
          error={errors.roles}
        />
        <button type="submit" className="button">
          {t('security.save')}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin:security.title');
