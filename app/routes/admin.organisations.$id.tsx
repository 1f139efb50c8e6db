import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { notFound, requirePermission } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import { OrganisationForm } from '~/components/organisation-form';
import { Notice, useFormResult } from '~/components/ui/form';
import { getOrganisation, updateOrganisation } from '~/domain/organisations/organisations.server';
import { OrganisationSchema } from '~/domain/organisations/schema.server';
import { fieldError, invalid, parseForm, readForm } from '~/utils/forms.server';
import { invariantResponse } from '~/utils/http';
import { pageTitle } from '~/utils/meta';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'organisation:manage');
  const organisation = await getOrganisation(params.id ?? '');
  invariantResponse(organisation, 'Not found', { status: 404 });
  return json({ organisation });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'organisation:manage');
  const parsed = parseForm(OrganisationSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await updateOrganisation(
    user,
    params.id ?? '',
    parsed.data,
    requestMeta(request, context).ip,
  );
  if (!result) throw notFound();
  if (!result.ok) return invalid(fieldError('name', result.key), parsed.values);
  return json({ ok: true as const, message: 'admin:organisations.saved' });
}

export default function OrganisationPage() {
  const { organisation } = useLoaderData<typeof loader>();
  const { t } = useTranslation('admin');
  const { errors, values, message } = useFormResult();
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/admin/organisations">{t('organisations.title')}</Link>
      </p>
      <h1>{organisation.name}</h1>
      {message ? (
        <Notice tone="success">
          <p>{t(message)}</p>
        </Notice>
      ) : null}
      <OrganisationForm
        initial={organisation}
        errors={errors}
        values={values}
        submitLabel={t('organisations.save')}
      />
      <p>
        <Link to={`/members?organisationId=${organisation.id}`}>{t('organisations.showMembers')}</Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin:organisations.title');
