import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requirePermission } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import { OrganisationForm } from '~/components/organisation-form';
import { useFormResult } from '~/components/ui/form';
import { createOrganisation, listOrganisations } from '~/domain/organisations/organisations.server';
import { OrganisationSchema } from '~/domain/organisations/schema.server';
import { invalid, parseForm, readForm, refused } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';
import { TableWrap } from '~/components/ui/table-wrap';

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'organisation:manage');
  return json({ organisations: await listOrganisations() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'organisation:manage');
  const parsed = parseForm(OrganisationSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await createOrganisation(user, parsed.data, requestMeta(request, context).ip);
  if (!result.ok) return refused(result, parsed.values);
  return redirect(`/admin/organisations/${result.id}`);
}

export default function OrganisationsPage() {
  const { organisations } = useLoaderData<typeof loader>();
  const { t } = useTranslation('admin');
  const { errors, values } = useFormResult();
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/admin">{t('title')}</Link>
      </p>
      <h1>{t('organisations.title')}</h1>
      <TableWrap label={t('organisations.title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('organisations.fields.name')}</th>
              <th scope="col">{t('organisations.fields.kind')}</th>
              <th scope="col">{t('organisations.members')}</th>
              <th scope="col">{t('organisations.fields.active')}</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  <Link to={`/admin/organisations/${o.id}`}>{o.name}</Link>
                </th>
                <td>{t(`organisations.kinds.${o.kind}`)}</td>
                <td>{o._count.users}</td>
                <td>{o.active ? t('yes') : t('no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h2>{t('organisations.new')}</h2>
      <OrganisationForm errors={errors} values={values} submitLabel={t('organisations.create')} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin:organisations.title');
