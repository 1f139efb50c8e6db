import { useEffect, useId, useState } from 'react';
import { useTranslation } from '~/i18n/use-translation';
import { FieldErrorText } from '~/components/ui/form';
import type { FieldError } from '~/utils/forms';
import { keptValue } from '~/utils/kept-form';
import { toolbarButtons, type EditorFeatures } from './toolbar-buttons';

// The editor (Tiptap and ProseMirror, the largest code in the app) is its own chunk, fetched
// only when someone writes: pages that edit load it at once, a thread page when the reply box
// is focused. Until then, and without JavaScript, a plain textarea posts `bodyText`. The
// textarea stays mounted, focused and typed into until the chunk has arrived (a slow phone
// takes seconds), and what was typed in it becomes the editor's text: no keystroke is lost.
type EditorComponent = typeof import('./editor.client').default;
const loadEditorCode = () => import('./editor.client').then((module) => module.default);

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
  features?: EditorFeatures;
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
  // What is in the textarea, kept as it is typed (a keystroke's update is applied before the
  // next key): the editor starts from it in the same commit that replaces the textarea.
  const [typed, setTyped] = useState(initialText);
  // The editor's content of a submit the server could not take (~/utils/kept-form.ts): read
  // while rendering, before the shell's effect puts the other fields back and drops the copy.
  const [keptJson] = useState(() => keptValue('body'));
  const [Editor, setEditor] = useState<EditorComponent | null>(null);
  const load = () => void loadEditorCode().then((component) => setEditor(() => component));
  useEffect(() => {
    if (loadEditor === 'now' || keptJson) load();
    // Once, after hydration.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // The editor is on its way (not waiting for a focus).
  const comingNow = loadEditor === 'now';
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const textarea = (
    <textarea
      id={id}
      name="bodyText"
      rows={8}
      defaultValue={initialText}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy}
      onChange={(event) => setTyped(event.target.value)}
      onFocus={() => {
        if (!Editor) load();
      }}
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
      {Editor ? (
        <Editor
          inputId={id}
          labelId={`${id}-label`}
          describedBy={describedBy}
          // Text typed into the textarea while the editor was loading wins over stored JSON.
          initialJson={keptJson ?? (typed === initialText ? initialJson : undefined)}
          initialText={typed}
          invalid={Boolean(error)}
          // Loaded for a kept copy (not by a focus): the note about it keeps the focus.
          autofocus={loadEditor === 'on-focus' && !keptJson}
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
      ) : comingNow ? (
        // The editor's frame and toolbar, inert, around the textarea while the editor's code loads:
        // the editor then takes the same room, and the send button below does not jump away from
        // a finger (on a phone the toolbar is three rows, ~200 px). Without JavaScript the
        // toolbar is not drawn (app.css, scripting: none).
        <div className={`editor editor--pending${error ? ' editor--invalid' : ''}`}>
          <div className="editor__toolbar" aria-hidden="true">
            {toolbarButtons(features).map((b) => (
              <button key={b.key} type="button" className="editor__button" disabled tabIndex={-1}>
                <b.icon />
                <span className="editor__label">{t(`editor.${b.key}`)}</span>
              </button>
            ))}
          </div>
          {textarea}
        </div>
      ) : (
        textarea
      )}
      <FieldErrorText id={`${id}-error`} error={error} />
    </div>
  );
}
