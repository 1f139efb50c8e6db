import { Form } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { TextField, typed } from '~/components/ui/form';
import type { FieldErrors, FormValues } from '~/utils/forms';

/** Publishing the working copy as the next version, now or at a chosen time, with a note. */
export function PublishPanel({
  archived,
  errors,
  values,
}: {
  /** An archived material is not published: restore it first. */
  archived: boolean;
  errors: FieldErrors;
  values: FormValues;
}) {
  const { t } = useTranslation('library');
  return (
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
        <button type="submit" name="intent" value="publish" className="button" disabled={archived}>
          {t('edit.publish')}
        </button>
      </Form>
    </section>
  );
}
