import { Form } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { ConfirmPanel } from '~/components/ui/form';
import type { FormValues } from '~/utils/forms';

/** Archiving (or restoring) a material, and deleting it for good after a confirmation. */
export function ArchivePanel({
  archived,
  title,
  confirmDelete,
  values,
  cancelTo,
}: {
  archived: boolean;
  title: string;
  /** The delete button was pressed: ask first (ConfirmPanel), where it was. */
  confirmDelete: boolean;
  values: FormValues;
  cancelTo: string;
}) {
  const { t } = useTranslation('library');
  return (
    <section aria-labelledby="archive-heading" className="section">
      <h2 id="archive-heading">{t('edit.archiveTitle')}</h2>
      <Form method="post">
        <p>{archived ? t('edit.unarchiveHelp') : t('edit.archiveHelp')}</p>
        <button
          type="submit"
          name="intent"
          value={archived ? 'unarchive' : 'archive'}
          className="button button--secondary"
        >
          {archived ? t('edit.unarchive') : t('edit.archive')}
        </button>
      </Form>
      {confirmDelete ? (
        <ConfirmPanel
          intent="delete"
          values={values}
          question={t('edit.deleteQuestion', { title })}
          detail={t('edit.deleteHelp')}
          confirmLabel={t('edit.delete')}
          cancelTo={cancelTo}
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
  );
}
