import { Form, useNavigation } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { FileSize } from '~/components/library/file-list';
import { ConfirmPanel, TextField } from '~/components/ui/form';
import type { FieldErrors } from '~/utils/forms';

type Attached = { upload: { id: string; fileName: string | null; byteSize: number } };

/** The working copy's attachments: each can be taken off, new ones are streamed to the server. */
export function AttachmentsPanel({
  files,
  maxMb,
  errors,
  confirmDetach,
}: {
  files: Attached[];
  maxMb: number;
  errors: FieldErrors;
  /** The file whose removal the action asks to confirm, drawn in its place. */
  confirmDetach: { uploadId: string; cancelTo: string } | null;
}) {
  const { t } = useTranslation('library');
  const navigation = useNavigation();
  const uploading = navigation.state === 'submitting' && navigation.formEncType === 'multipart/form-data';
  return (
    <section aria-labelledby="files-heading" className="section">
      <h2 id="files-heading">{t('files.title')}</h2>
      {files.length ? (
        <ul className="file-list">
          {files.map(({ upload }) => (
            <li key={upload.id}>
              <a href={`/uploads/${upload.id}`}>{upload.fileName}</a> <FileSize bytes={upload.byteSize} />
              {confirmDetach?.uploadId === upload.id ? (
                <ConfirmPanel
                  intent="detach"
                  values={{ uploadId: upload.id }}
                  question={t('files.removeQuestion', { name: upload.fileName })}
                  detail={t('files.removeDetail')}
                  confirmLabel={t('files.remove')}
                  cancelTo={confirmDetach.cancelTo}
                />
              ) : (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="uploadId" value={upload.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="detach"
                    className="button button--small button--secondary"
                  >
                    {t('files.remove')}
                    <span className="visually-hidden">: {upload.fileName}</span>
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('files.none')}</p>
      )}
      <Form method="post" encType="multipart/form-data" className="form">
        <TextField
          type="file"
          name="file"
          label={t('files.add')}
          hint={t('files.hint', { max: maxMb })}
          accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx,.odt,.ods,.odp,.doc,.xls,.ppt"
          error={errors.file}
        />
        <button type="submit" className="button button--secondary" disabled={uploading}>
          {uploading ? t('files.uploading') : t('files.upload')}
        </button>
      </Form>
    </section>
  );
}
