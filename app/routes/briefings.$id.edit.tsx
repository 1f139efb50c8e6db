import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requestMeta } from '~/auth/request-meta.server';
import { BriefingFields } from '~/components/briefings/briefing-fields';
import { DoneNotice, ErrorSummary, TextField, typed, useFormResult } from '~/components/ui/form';
import { publishBriefing, saveBriefing } from '~/domain/briefings/briefings.server';
import { briefingDefaults, briefingFormOptions } from '~/domain/briefings/form-data.server';
import { requireBriefing } from '~/domain/briefings/guards.server';
import { BriefingSchema, PublishSchema } from '~/domain/briefings/schema.server';
import { getLanguage } from '~/i18n/i18n.server';
import { done, invalid, parseForm, readForm } from '~/utils/forms.server';
import { subPageTitle } from '~/utils/meta';

/** The working copy, saved as often as needed; publishing makes it the next version. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, briefing } = await requireBriefing(request, params.id, 'writer');
  const options = await briefingFormOptions(user, await getLanguage(request));
  // The briefing's own e-service stays selectable for a coordinator's list and a rep's alike.
  return json({
    ...options,
    id: briefing.id,
    title: briefing.title,
    liveNumber: briefing.liveNumber,
    defaults: briefingDefaults(briefing),
  });
}

/** One form: "Save draft" keeps the working copy; "Publish" saves it and makes it the next version. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, briefing } = await requireBriefing(request, params.id, 'writer');
  const form = await readForm(request);
  const meta = requestMeta(request, context);
  const parsed = parseForm(BriefingSchema, form);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const saved = await saveBriefing(user, briefing.id, parsed.data, meta);
  if (!saved.ok) return invalid(saved.errors, parsed.values);
  if (form.get('intent') !== 'publish') return done('briefings:edit.saved');
  const note = parseForm(PublishSchema, form);
  if (!note.ok) return invalid(note.errors, parsed.values);
  const published = await publishBriefing(user, briefing.id, note.data.changeNote, meta);
  if (!published.ok) return invalid(published.errors, parsed.values);
  return done({ key: 'briefings:publish.done', values: { number: published.number } });
}

export default function EditBriefingPage() {
  const { id, title, liveNumber, defaults, ...options } = useLoaderData<typeof loader>();
  const { t } = useTranslation('briefings');
  const { errors, values, message } = useFormResult();
  const published = message?.key === 'briefings:publish.done';
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to={`/briefings/${id}`}>{title}</Link>
      </p>
      <h1>{t('edit.title')}</h1>
      <div role="status">
        <DoneNotice>
          {published ? (
            <p>
              <Link to={`/briefings/${id}`}>{title}</Link>
            </p>
          ) : null}
        </DoneNotice>
      </div>
      {!errors.changeNote ? <ErrorSummary errors={errors} /> : null}
      <Form method="post" className="form">
        <BriefingFields defaults={defaults} {...options} errors={errors} values={values} />
        <button type="submit" name="intent" value="save" className="button button--secondary">
          {t('form.saveDraft')}
        </button>
        <fieldset className="field-group">
          <legend>{t('publish.title')}</legend>
          <p>{t('publish.first')}</p>
          <TextField
            name="changeNote"
            label={t('publish.changeNote')}
            hint={liveNumber > 0 ? t('publish.changeNoteHint') : undefined}
            maxLength={300}
            defaultValue={published ? '' : typed(values, 'changeNote')}
            error={errors.changeNote}
          />
          <button type="submit" name="intent" value="publish" className="button">
            {t('publish.button')}
          </button>
        </fieldset>
      </Form>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  subPageTitle(matches, 'briefings:edit.title', data?.title);
