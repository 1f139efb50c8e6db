import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requirePermission } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import { SupportPointFields } from '~/components/support-points/support-point-fields';
import { ErrorSummary, useFormResult } from '~/components/ui/form';
import { SupportPointSchema } from '~/domain/support-points/schema.server';
import { saveSupportPoint } from '~/domain/support-points/support-points.server';
import { invalid, parseForm, readForm } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';
import { activeOrganisations } from '~/domain/organisations/organisations.server';
import { redirectDone } from '~/utils/done-cookie.server';

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'support-points:manage');
  return json({ organisations: await activeOrganisations() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'support-points:manage');
  const parsed = parseForm(SupportPointSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await saveSupportPoint(user, null, parsed.data, requestMeta(request, context));
  if (!result.ok) return invalid(result.errors, parsed.values);
  return redirectDone(`/support-points/${result.slug}`, 'supportPoints:saved');
}

export default function NewSupportPointPage() {
  const { organisations } = useLoaderData<typeof loader>();
  const { t } = useTranslation('supportPoints');
  const { errors, values } = useFormResult();
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/support-points">{t('title')}</Link>
      </p>
      <h1>{t('new')}</h1>
      <ErrorSummary errors={errors} />
      <Form method="post" className="form">
        <SupportPointFields
          stored={{ kind: 'library', active: true }}
          values={values}
          errors={errors}
          organisations={organisations}
        />
        <button type="submit" className="button">
          {t('form.create')}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'supportPoints:new');
