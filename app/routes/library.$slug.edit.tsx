import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { hitRateLimit } from '~/auth/rate-limit.server';
import { requestMeta } from '~/auth/request-meta.server';
import { MaterialFields } from '~/components/library/material-fields';
import { AttachmentsPanel } from '~/components/library/attachments-panel';
import { ConfirmPanel, ErrorSummary, Notice, TextField, typed, useFormResult } from '~/components/ui/form';
import { DateTime } from '~/components/ui/misc';
import { attachFile, detachFile } from '~/domain/library/files.server';
import { requireMaterial } from '~/domain/library/guards.server';
import { deleteMaterial, setArchived, updateMaterial } from '~/domain/library/materials.server';
import { publishMaterial } from '~/domain/library/publish.server';
import { forgetTagOptions, groupLanguages, materialForEdit } from '~/domain/library/queries.server';
import { EditIntentSchema, MaterialSchema, PublishSchema } from '~/domain/library/schema.server';
import { activeOrganisations } from '~/domain/organisations/organisations.server';
import { receiveUpload } from '~/domain/uploads/files.server';
import { env } from '~/env.server';
import { LANGUAGE_NAMES, LANGUAGES } from '~/i18n/config';
import { helsinkiDateTime } from '~/i18n/format';
import { i18n } from '~/i18n/i18n.server';
import { confirmFirst, invalid, parseForm, readForm } from '~/utils/forms.server';
import { subPageTitle } from '~/utils/meta';

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
  const t = await i18n.getFixedT(request, 'library');
  const meta = requestMeta(request, context);
  // The attachment form is the only multipart one: its file streams to disk as it arrives.
  if (request.headers.get('Content-Type')?.startsWith('multipart/form-data')) {
    // Checked before the body is read: a refused upload costs no disk and little bandwidth.
    const rate = await hitRateLimit(`upload:${user.id}`, 30, 10 * 60_000);
    if (!rate.allowed)
      return invalid({ file: { key: 'library:errors.tooManyUploads' } }, {}, { status: 429 });
    const received = await receiveUpload(request, {
      field: 'file',
      maxBytes: env().MAX_ATTACHMENT_MB * 1048576,
    });
    if (!received.ok) {
      const status = received.status ? { status: received.status } : undefined;
      return invalid({ file: { key: received.key, values: received.values } }, {}, status);
    }
    if (!received.file) return invalid({ file: { key: 'library:errors.fileMissing' } });
    const result = await attachFile(user, material.id, received.file);
    if (!result.ok) {
      return invalid({ file: { key: result.key, values: { max: env().MAX_ATTACHMENT_MB } } });
    }
    return json({ ok: true as const, message: t('edit.attached') });
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
      return json({ ok: true as const, message: t('edit.saved') });
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
      if (!result.ok) return invalid({ changeNote: { key: result.key } }, parsed.values);
      forgetTagOptions();
      return json({
        ok: true as const,
        message: result.live ? t('edit.published', { number: result.number }) : t('edit.scheduled'),
      });
    }
    case 'detach': {
      const ask = confirmFirst(form, 'detach');
      if (ask) return ask;
      await detachFile(material.id, String(form.get('uploadId') ?? ''));
      return json({ ok: true as const, message: t('edit.detached') });
    }
    case 'archive':
    case 'unarchive':
      await setArchived(user, material.id, intent === 'archive', meta);
      return json({
        ok: true as const,
        message: t(intent === 'archive' ? 'edit.archived' : 'edit.unarchived'),
      });
    case 'delete': {
      const ask = confirmFirst(form, 'delete');
      if (ask) return ask;
      await deleteMaterial(user, material.id, meta);
      return redirect('/library?deleted=1');
    }
  }
}

export default function EditMaterialPage() {
  const { material, organisations, translations, maxMb } = useLoaderData<typeof loader>();
  const { t } = useTranslation('library');
  const { errors, values, message, confirm } = useFormResult();
  const location = useLocation();
  const [params] = useSearchParams();
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
      {params.get('created') && !message ? (
        <Notice tone="success">
          <p>{t('edit.created')}</p>
        </Notice>
      ) : null}
      {message ? (
        <Notice tone="success">
          <p>{message}</p>
        </Notice>
      ) : null}
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

      <section aria-labelledby="publish-heading" className="section">
        <h2 id="publish-heading">{t('edit.publishTitle')}</h2>
        <p>{t('edit.publishHelp')}</p>
        <Form method="post" className="form">
          <TextField
            name="changeNote"
            label={t('edit.changeNote')}
            hint={t('edit.changeNoteHint')}
            maxLength={300}
            defaultValue={typed(values, 'changeNote')}
            error={errors.changeNote}
          />
          <TextField
            type="datetime-local"
            name="publishAt"
            label={t('edit.publishAt')}
            hint={t('edit.publishAtHint')}
            defaultValue={typed(values, 'publishAt')}
            error={errors.publishAt}
          />
          <button
            type="submit"
            name="intent"
            value="publish"
            className="button"
            disabled={material.status === 'archived'}
          >
            {t('edit.publish')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="archive-heading" className="section">
        <h2 id="archive-heading">{t('edit.archiveTitle')}</h2>
        <Form method="post">
          <p>{material.status === 'archived' ? t('edit.unarchiveHelp') : t('edit.archiveHelp')}</p>
          <button
            type="submit"
            name="intent"
            value={material.status === 'archived' ? 'unarchive' : 'archive'}
            className="button button--secondary"
          >
            {material.status === 'archived' ? t('edit.unarchive') : t('edit.archive')}
          </button>
        </Form>
        {confirm === 'delete' ? (
          <ConfirmPanel
            intent="delete"
            values={values}
            question={t('edit.deleteQuestion', { title: material.draftTitle })}
            detail={t('edit.deleteHelp')}
            confirmLabel={t('edit.delete')}
            cancelTo={location.pathname}
          />
        ) : (
          <Form method="post" className="form">
            <p>{t('edit.deleteHelp')}</p>
            <button type="submit" name="intent" value="delete" className="button button--danger">
              {t('edit.delete')}
            </button>
          </Form>
        )}
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  subPageTitle(matches, 'library:edit.title', data?.material.draftTitle);
