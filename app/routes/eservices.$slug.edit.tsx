import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound, requirePermission } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import { EServiceFields } from '~/components/briefings/eservice-fields';
import { ErrorSummary, useFormResult } from '~/components/ui/form';
import { eserviceName, findEService, saveEService } from '~/domain/briefings/eservices.server';
import { EServiceSchema } from '~/domain/briefings/schema.server';
import { getLanguage } from '~/i18n/i18n.server';
import { invalid, parseForm, readForm } from '~/utils/forms.server';
import { subPageTitle } from '~/utils/meta';

async function requireService(request: Request, slug: string | undefined) {
  const { user } = await requirePermission(request, 'eservices:manage');
  const service = await findEService(slug ?? '');
  if (!service) throw notFound();
  return { user, service };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { service } = await requireService(request, params.slug);
  return json({
    name: eserviceName(service, await getLanguage(request)),
    defaults: {
      slug: service.slug,
      nameFi: service.nameFi,
      nameSv: service.nameSv,
      nameEn: service.nameEn,
      helpFi: service.helpFi,
      helpSv: service.helpSv,
      helpEn: service.helpEn,
      owner: service.owner,
      status: service.status,
      launchDate: service.launchDate ? service.launchDate.toISOString().slice(0, 10) : '',
      publicUrl: service.publicUrl,
      contacts: service.contacts.map((c) => c.user.email).join('\n'),
    },
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, service } = await requireService(request, params.slug);
  const parsed = parseForm(EServiceSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await saveEService(user, service.id, parsed.data, requestMeta(request, context));
  if (!result.ok) return invalid(result.errors, parsed.values);
  return redirect(`/eservices/${result.slug}`);
}

export default function EditEServicePage() {
  const { name, defaults } = useLoaderData<typeof loader>();
  const { t } = useTranslation('briefings');
  const { errors, values } = useFormResult();
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to={`/eservices/${defaults.slug}`}>{name}</Link>
      </p>
      <h1>{t('eservices.edit')}</h1>
      <ErrorSummary errors={errors} />
      <Form method="post" className="form">
        <EServiceFields defaults={defaults} errors={errors} values={values} />
        <button type="submit" className="button">
          {t('eservices.save')}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  subPageTitle(matches, 'briefings:eservices.edit', data?.name);
