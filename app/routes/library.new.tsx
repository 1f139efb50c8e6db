import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requirePermission } from '~/auth/guards.server';
import { EMPTY_MATERIAL, MaterialFields } from '~/components/library/material-fields';
import { ErrorSummary, SelectField, typed, useFormResult } from '~/components/ui/form';
import { createMaterial } from '~/domain/library/materials.server';
import { translationSource } from '~/domain/library/queries.server';
import { NewMaterialSchema } from '~/domain/library/schema.server';
import { activeOrganisations } from '~/domain/organisations/organisations.server';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '~/i18n/config';
import { getLanguage } from '~/i18n/i18n.server';
import { isUuid } from '~/utils/ids';
import { invalid, parseForm, readForm } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';
import { redirectDone } from '~/utils/done-cookie.server';

/** A new material, or (?translationOf=<id>&language=sv) another language of an existing one. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'library:manage');
  const url = new URL(request.url);
  const sourceId = url.searchParams.get('translationOf') ?? '';
  const source = await translationSource(sourceId);
  const wanted = url.searchParams.get('language');
  const language = LANGUAGES.includes(wanted as Language) ? wanted : await getLanguage(request);
  return json({ source, language, organisations: await activeOrganisations() });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'library:manage');
  const form = await readForm(request);
  const parsed = parseForm(NewMaterialSchema, form);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const translationOf = String(form.get('translationOf') ?? '');
  const result = await createMaterial(user, {
    ...parsed.data,
    translationOf: isUuid(translationOf) ? translationOf : undefined,
  });
  if (!result.ok) return invalid(result.errors, parsed.values);
  return redirectDone(`/library/${result.slug}/edit`, 'library:edit.created');
}

export default function NewMaterialPage() {
  const { source, language, organisations } = useLoaderData<typeof loader>();
  const { t } = useTranslation('library');
  const { errors, values } = useFormResult();
  const defaults = source
    ? {
        ...EMPTY_MATERIAL,
        type: source.type,
        level: source.level ?? '',
        deviceTags: source.deviceTags,
        topicTags: source.topicTags.join(', '),
        eserviceTags: source.eserviceTags.join(', '),
        audience: source.audience,
        audienceOrgIds: source.audienceOrgIds,
      }
    : EMPTY_MATERIAL;
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/library">{t('title')}</Link>
      </p>
      <h1>{source ? t('new.translationTitle') : t('new.title')}</h1>
      {source ? (
        <p className="lead">
          {t('new.translationOf')} <Link to={`/library/${source.slug}`}>{source.draftTitle}</Link>
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <Form method="post" className="form">
        {source ? <input type="hidden" name="translationOf" value={source.id} /> : null}
        <SelectField
          name="language"
          label={t('form.language')}
          defaultValue={typed(values, 'language', language ?? 'fi')}
          error={errors.language}
          options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
        />
        <MaterialFields defaults={defaults} organisations={organisations} errors={errors} values={values} />
        <button type="submit" className="button">
          {t('new.save')}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'library:new.title');
