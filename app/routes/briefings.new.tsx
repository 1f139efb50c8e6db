import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound, requirePermission, type AuthUser } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import { BriefingFields } from '~/components/briefings/briefing-fields';
import { ErrorSummary, useFormResult } from '~/components/ui/form';
import { writableEServiceIds } from '~/domain/briefings/access.server';
import { createBriefing } from '~/domain/briefings/briefings.server';
import { briefingFormOptions } from '~/domain/briefings/form-data.server';
import { BriefingSchema } from '~/domain/briefings/schema.server';
import { getLanguage } from '~/i18n/i18n.server';
import { helsinkiLocalInput } from '~/i18n/format';
import { invalid, parseForm, readForm } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';
import { redirectDone } from '~/utils/done-cookie.server';

async function requireWriter(request: Request): Promise<AuthUser> {
  const { user } = await requirePermission(request, 'briefings:read');
  const writable = await writableEServiceIds(user);
  if (writable !== 'all' && writable.length === 0) throw notFound();
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireWriter(request);
  const language = await getLanguage(request);
  const options = await briefingFormOptions(user, language);
  const slug = new URL(request.url).searchParams.get('eservice');
  const preset =
    options.eservices.find((s) => s.slug === slug) ??
    (options.eservices.length === 1 ? options.eservices[0] : null);
  return json({
    ...options,
    defaults: {
      eserviceId: preset?.id ?? '',
      language,
      title: '',
      forWhom: '',
      bodyJson: '',
      knownProblems: '',
      adviceToResidents: '',
      // A sensible start: two weeks ahead, at nine.
      launchAt: `${helsinkiLocalInput(new Date(Date.now() + 14 * 86_400_000)).slice(0, 10)}T09:00`,
      eventId: '',
      audience: 'all',
      audienceOrgIds: [] as string[],
      audienceRoles: [] as string[],
    },
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireWriter(request);
  const parsed = parseForm(BriefingSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await createBriefing(user, parsed.data, requestMeta(request, context));
  if (!result.ok) return invalid(result.errors, parsed.values);
  return redirectDone(`/briefings/${result.id}/edit`, 'briefings:edit.created');
}

export default function NewBriefingPage() {
  const { defaults, ...options } = useLoaderData<typeof loader>();
  const { t } = useTranslation('briefings');
  const { errors, values } = useFormResult();
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/briefings">{t('title')}</Link>
      </p>
      <h1>{t('new.title')}</h1>
      <p>{t('new.lead')}</p>
      <ErrorSummary errors={errors} />
      <Form method="post" className="form">
        <BriefingFields defaults={defaults} {...options} errors={errors} values={values} />
        <button type="submit" className="button">
          {t('form.saveDraft')}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'briefings:new.title');
