import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound, requirePermission } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import { SupportPointFields } from '~/components/support-points/support-point-fields';
import { ErrorSummary, useFormResult } from '~/components/ui/form';
import { SupportPointSchema } from '~/domain/support-points/schema.server';
import { findSupportPoint, saveSupportPoint } from '~/domain/support-points/support-points.server';
import { invalid, parseForm, readForm } from '~/utils/forms.server';
import { subPageTitle } from '~/utils/meta';
import { activeOrganisations } from '~/domain/organisations/organisations.server';
import { redirectDone } from '~/utils/done-cookie.server';

async function requirePoint(request: Request, slug: string | undefined) {
  const { user } = await requirePermission(request, 'support-points:manage');
  const point = await findSupportPoint(slug ?? '', true);
  if (!point) throw notFound();
  return { user, point };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { point } = await requirePoint(request, params.slug);
  return json({
    name: point.name,
    slug: point.slug,
    stored: {
      name: point.name,
      slug: point.slug,
      kind: point.kind,
      address: point.address,
      district: point.district,
      hostOrganisationId: point.hostOrganisationId ?? '',
      hoursFi: point.hoursFi,
      hoursSv: point.hoursSv,
      hoursEn: point.hoursEn,
      accessibilityFi: point.accessibilityFi,
      accessibilitySv: point.accessibilitySv,
      accessibilityEn: point.accessibilityEn,
      languages: point.languages,
      appointmentNeeded: point.appointmentNeeded,
      active: point.active,
    },
    organisations: await activeOrganisations(),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, point } = await requirePoint(request, params.slug);
  const parsed = parseForm(SupportPointSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await saveSupportPoint(user, point.id, parsed.data, requestMeta(request, context));
  if (!result.ok) return invalid(result.errors, parsed.values);
  return redirectDone(`/support-points/${result.slug}`, 'supportPoints:saved');
}

export default function EditSupportPointPage() {
  const { name, slug, stored, organisations } = useLoaderData<typeof loader>();
  const { t } = useTranslation('supportPoints');
  const { errors, values } = useFormResult();
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to={`/support-points/${slug}`}>{name}</Link>
      </p>
      <h1>{t('editTitle', { name })}</h1>
      <ErrorSummary errors={errors} />
      <Form method="post" className="form">
        <SupportPointFields stored={stored} values={values} errors={errors} organisations={organisations} />
        <button type="submit" className="button">
          {t('form.save')}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  subPageTitle(matches, 'supportPoints:edit', data?.name);
