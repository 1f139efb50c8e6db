import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData, useLocation } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requestMeta } from '~/auth/request-meta.server';
import { MaterialFields } from '~/components/library/material-fields';
import { ArchivePanel } from '~/components/library/archive-panel';
import { AttachmentsPanel } from '~/components/library/attachments-panel';
import { PublishPanel } from '~/components/library/publish-panel';
import { DoneNotice, ErrorSummary, typed, useFormResult } from '~/components/ui/form';
import { DateTime } from '~/components/ui/misc';
import { attachUpload, detachFile } from '~/domain/library/files.server';
import { requireMaterial } from '~/domain/library/guards.server';
import { deleteMaterial, setArchived, updateMaterial } from '~/domain/library/materials.server';
import { publishMaterial } from '~/domain/library/publish.server';
import { forgetTagOptions, groupLanguages, materialForEdit } from '~/domain/library/queries.server';
import { EditIntentSchema, MaterialSchema, PublishSchema } from '~/domain/library/schema.server';
import { activeOrganisations } from '~/domain/organisations/organisations.server';
import { env } from '~/env.server';
import { LANGUAGE_NAMES, LANGUAGES } from '~/i18n/config';
import { helsinkiDateTime } from '~/i18n/format';
import { confirmFirst, done, invalid, parseForm, readForm, refused } from '~/utils/forms.server';
import { subPageTitle } from '~/utils/meta';
import { redirectDone } from '~/utils/done-cookie.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { material } = await requireMaterial(request, params.slug, 'library:manage');
  const [edit, organisations, translations] = await Promise.all([
    materialForEdit(material.id),
    activeOrganisations(),
    groupLanguages(material.groupId),
  ]);
  return json({ material: edit, organisations, translations, maxMb: env().MAX_ATTACHMENT_MB });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, material } = await requireMaterial(request, params.slug, 'library:manage');
  const meta = requestMeta(request, context);
  // The attachment form is the only multipart one: its file streams to disk as it arrives.
  if (request.headers.get('Content-Type')?.startsWith('multipart/form-data')) {
    const result = await attachUpload(user, material.id, request);
    if (!result.ok) return refused(result);
    return done('library:edit.attached');
  }
  const form = await readForm(request);
  const parsedIntent = EditIntentSchema.safeParse({ intent: form.get('intent') });
  if (!parsedIntent.success) return invalid({ form: { key: 'validation.invalid' } });
  const { intent } = parsedIntent.data;
  switch (intent) {
    case 'save': {
      const parsed = parseForm(MaterialSchema, form);
      if (!parsed.ok) return invalid(parsed.errors, parsed.values);
      const result = await updateMaterial(material.id, parsed.data);
      if (!result.ok) return invalid(result.errors, parsed.values);
      forgetTagOptions();
      return done('library:edit.saved');
    }
    case 'publish': {
      const parsed = parseForm(PublishSchema, form);
      if (!parsed.ok) return invalid(parsed.errors, parsed.values);
      const publishAt = parsed.data.publishAt ? helsinkiDateTime(parsed.data.publishAt) : null;
      if (publishAt && publishAt.getTime() < Date.now() - 60_000) {
        return invalid({ publishAt: { key: 'library:errors.publishAtPast' } }, parsed.values);
      }
      const result = await publishMaterial(
        user,
        material.id,
        { changeNote: parsed.data.changeNote, publishAt },
        meta,
      );
      if (!result.ok) return refused(result, parsed.values);
      forgetTagOptions();
      return done(
        result.live
          ? { key: 'library:edit.published', values: { number: result.number } }
          : 'library:edit.scheduled',
      );
    }
    case 'detach': {
      const ask = confirmFirst(form, 'detach');
      if (ask) return ask;
      await detachFile(material.id, String(form.get('uploadId') ?? ''));
      return done('library:edit.detached');
    }
    case 'archive':
    case 'unarchive':
      await setArchived(user, material.id, intent === 'archive', meta);
      return done(intent === 'archive' ? 'library:edit.archived' : 'library:edit.unarchived');
    case 'delete': {
      const ask = confirmFirst(form, 'delete');
      if (ask) return ask;
      await deleteMaterial(user, material.id, meta);
      return redirectDone('/library', 'library:edit.deleted');
    }
  }
}

export default function EditMaterialPage() {
  const { material, organisations, translations, maxMb } = useLoaderData<typeof loader>();
  const { t } = useTranslation('library');
  const { errors, values, confirm } = useFormResult();
  const location = useLocation();
  const pending = material.versions[0];
  const links = (material.draftLinks as { title: string; url: string }[])
    .map((l) => `${l.title} ${l.url}`)
    .join('\n');
  const missing = LANGUAGES.filter((l) => !translations.includes(l));
  const formFailed = [
    'title',
    'summary',
    'body',
    'bodyText',
    'type',
    'audienceOrgIds',
    'videoLinks',
    'topicTags',
    'eserviceTags',
  ].some((f) => errors[f]);
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/library">{t('title')}</Link> ›{' '}
        <Link to={`/library/${material.slug}`}>{material.draftTitle}</Link>
      </p>
      <h1>{t('edit.title')}</h1>
      <DoneNotice />
      <dl className="facts">
        <dt>{t('edit.status')}</dt>
        <dd>
          {t(`statuses.${material.status}`)}
          {material.liveNumber ? ` · ${t('edit.liveVersion', { number: material.liveNumber })}` : ''}
          {material.draftChanged && material.liveNumber ? ` · ${t('edit.unpublishedChanges')}` : ''}
        </dd>
        {pending ? (
          <>
            <dt>{t('edit.scheduledFor')}</dt>
            <dd>
              {t('edit.version', { number: pending.number })}, <DateTime value={pending.publishAt} />
            </dd>
          </>
        ) : null}
        <dt>{t('form.language')}</dt>
        <dd>{LANGUAGE_NAMES[material.language as 'fi']}</dd>
      </dl>
      <p className="actions-row">
        <Link to={`/library/${material.slug}`}>{t('edit.view')}</Link>
        <Link to={`/library/${material.slug}/versions`}>{t('versions.title')}</Link>
        <Link to={`/library/${material.slug}/stats`}>{t('stats.title')}</Link>
        {missing.map((l) => (
          <Link key={l} to={`/library/new?translationOf=${material.id}&language=${l}`}>
            {t('edit.addTranslation', { language: LANGUAGE_NAMES[l] })}
          </Link>
        ))}
      </p>

      <section aria-labelledby="draft-heading" className="section">
        <h2 id="draft-heading">{t('edit.draft')}</h2>
        {formFailed ? <ErrorSummary errors={errors} /> : null}
        <Form method="post" className="form">
          <MaterialFields
            defaults={{
              title: material.draftTitle,
              summary: material.draftSummary,
              bodyJson: JSON.stringify(material.draftBody),
              type: material.type,
              level: material.level ?? '',
              deviceTags: material.deviceTags,
              topicTags: material.topicTags.join(', '),
              eserviceTags: material.eserviceTags.join(', '),
              audience: material.audience,
              audienceOrgIds: material.audienceOrgIds,
              videoLinks: links,
            }}
            organisations={organisations}
            errors={errors}
            values={values}
          />
          <button type="submit" name="intent" value="save" className="button">
            {t('edit.save')}
          </button>
        </Form>
      </section>

      <AttachmentsPanel
        files={material.files}
        maxMb={maxMb}
        errors={errors}
        confirmDetach={
          confirm === 'detach' ? { uploadId: typed(values, 'uploadId'), cancelTo: location.pathname } : null
        }
      />

      <PublishPanel archived={material.status === 'archived'} errors={errors} values={values} />

      <ArchivePanel
        archived={material.status === 'archived'}
        title={material.draftTitle}
        confirmDelete={confirm === 'delete'}
        values={values}
        cancelTo={location.pathname}
      />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  subPageTitle(matches, 'library:edit.title', data?.material.draftTitle);
