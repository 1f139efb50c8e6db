import { lazy, Suspense, useId, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldErrorText } from '~/components/ui/form';
import type { FieldError } from '~/utils/forms';

// The editor (Tiptap and ProseMirror, the largest code in the app) is its own chunk, fetched
// only when someone writes: pages that edit load it at once, a thread page when the reply box
// is focused. Until then, and without JavaScript, a plain textarea posts `bodyText`.
const Editor = lazy(() => import('./editor.client'));

const noSubscription = () => () => {};

type Props = {
  label: string;
  error?: FieldError;
  /** Editor JSON typed before a failed submit, or the stored post being edited. */
  initialJson?: string;
  initialText?: string;
  /** Load the editor straight away (new thread, edit) or on first focus (reply). */
  loadEditor: 'now' | 'on-focus';
  hint?: string;
  /** Which editor: a forum post's or a library material's (tables, callouts; no mentions). */
  features?: 'forum' | 'library';
  /** Where pictures go; the server decides who may see them. */
  uploadUrl?: string;
};

export function RichTextField({
  label,
  error,
  initialJson,
  initialText = '',
  loadEditor,
  hint,
  features = 'forum',
  uploadUrl = '/forum/uploads',
}: Props) {
  const { t } = useTranslation('forum');
  const id = useId();
  const [focused, setFocused] = useState(false);
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const wanted = focused || (loadEditor === 'now' && hydrated);
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const textarea = (
    <textarea
      id={id}
      name="bodyText"
      rows={8}
      defaultValue={initialText}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy}
      onFocus={() => setFocused(true)}
    />
  );
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} id={`${id}-label`}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {wanted ? (
        <Suspense fallback={textarea}>
          <Editor
            inputId={id}
            labelId={`${id}-label`}
            describedBy={describedBy}
            initialJson={initialJson}
            initialText={initialText}
            invalid={Boolean(error)}
            autofocus={loadEditor === 'on-focus'}
            features={features}
            uploadUrl={uploadUrl}
            strings={{
              toolbar: t('editor.toolbar'),
              bold: t('editor.bold'),
              italic: t('editor.italic'),
              heading: t('editor.heading'),
              bulletList: t('editor.bulletList'),
              orderedList: t('editor.orderedList'),
              quote: t('editor.quote'),
              link: t('editor.link'),
              linkUrl: t('editor.linkUrl'),
              apply: t('editor.apply'),
              removeLink: t('editor.removeLink'),
              cancel: t('editor.cancel'),
              image: t('editor.image'),
              imageAlt: t('editor.imageAlt'),
              insertImage: t('editor.insertImage'),
              uploading: t('editor.uploading'),
              uploadFailed: t('editor.uploadFailed'),
              undo: t('editor.undo'),
              redo: t('editor.redo'),
              mentionNone: t('editor.mentionNone'),
              mentionLabel: t('editor.mentionLabel'),
              table: t('editor.table'),
              addRow: t('editor.addRow'),
              addColumn: t('editor.addColumn'),
              deleteTable: t('editor.deleteTable'),
              tableColumn: t('editor.tableColumn'),
              callout: t('editor.callout'),
            }}
          />
        </Suspense>
      ) : (
        textarea
      )}
      <FieldErrorText id={`${id}-error`} error={error} />
    </div>
  );
}
