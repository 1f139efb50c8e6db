import Image from '@tiptap/extension-image';
import Mention from '@tiptap/extension-mention';
import { TableKit } from '@tiptap/extension-table';
import { EditorContent, useEditor, useEditorState, type Editor as TiptapEditor } from '@tiptap/react';
import { TextSelection } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { toolbarButtons, type EditorFeatures, type ToolbarKey } from './toolbar-buttons';
import { HEADING_LEVELS } from '~/domain/rich-text/limits';
import { Callout } from './callout.client';
import { mentionSuggestion } from './mention-suggestion.client';

/** The toolbar's button labels and the words of the editor's panels and lists. */
export type EditorStrings = Record<
  | ToolbarKey
  | 'toolbar'
  | 'linkUrl'
  | 'apply'
  | 'removeLink'
  | 'cancel'
  | 'imageAlt'
  | 'insertImage'
  | 'uploading'
  | 'uploadFailed'
  | 'mentionNone'
  | 'mentionLabel'
  | 'tableColumn',
  string
>;

type Props = {
  inputId: string;
  labelId: string;
  describedBy?: string;
  initialJson?: string;
  initialText: string;
  invalid: boolean;
  autofocus: boolean;
  strings: EditorStrings;
  features: EditorFeatures;
  uploadUrl: string;
};

function initialContent(json: string | undefined, text: string) {
  if (json) {
    try {
      return JSON.parse(json) as object;
    } catch {
      /* fall through to the text */
    }
  }
  return {
    type: 'doc',
    content: text
      .split(/\n{2,}/)
      .filter(Boolean)
      .map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })),
  };
}

async function upload(
  uploadUrl: string,
  file: File,
): Promise<{ ok: true; url: string } | { ok: false; message: string }> {
  const form = new FormData();
  form.append('image', file);
  const response = await fetch(uploadUrl, { method: 'POST', body: form });
  const data = (await response.json().catch(() => ({}))) as { url?: string; message?: string };
  return response.ok && data.url ? { ok: true, url: data.url } : { ok: false, message: data.message ?? '' };
}

export default function Editor({
  inputId,
  labelId,
  describedBy,
  initialJson,
  initialText,
  invalid,
  autofocus,
  strings,
  features,
  uploadUrl,
}: Props) {
  const [json, setJson] = useState(() => JSON.stringify(initialContent(initialJson, initialText)));
  const editor = useEditor({
    // Only ever rendered in the browser: the editor exists in the first render, so the commit that
    // replaces the loading textarea also shows and focuses it (no keystroke falls in between).
    immediatelyRender: true,
    // Our CSP forbids inline <style>; the few rules ProseMirror needs are in app.css.
    injectCSS: false,
    // Focused below, in that commit (Tiptap's own autofocus waits a tick).
    autofocus: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [...HEADING_LEVELS] },
        codeBlock: false,
        underline: false,
        link: { openOnClick: false, autolink: true, protocols: ['mailto'], defaultProtocol: 'https' },
      }),
      Image.configure({ inline: false }),
      ...(features === 'library'
        ? [TableKit.configure({ table: { resizable: false } }), Callout]
        : [
            Mention.configure({
              HTMLAttributes: { class: 'mention' },
              suggestion: mentionSuggestion({ none: strings.mentionNone, label: strings.mentionLabel }),
            }),
          ]),
    ],
    content: initialContent(initialJson, initialText),
    editorProps: {
      attributes: {
        id: inputId,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(invalid ? { 'aria-invalid': 'true' } : {}),
        class: 'editor__content',
      },
      handlePaste: (_view, event) => {
        const files = [...(event.clipboardData?.files ?? [])].filter((f) => f.type.startsWith('image/'));
        if (!files.length) return false;
        for (const file of files) void insertUploaded(file, '');
        return true;
      },
    },
    onUpdate: ({ editor: e }) => setJson(JSON.stringify(e.getJSON())),
  });
  useLayoutEffect(() => {
    if (!editor || !autofocus) return;
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.atEnd(editor.state.doc)));
    editor.view.focus();
  }, [editor, autofocus]);
  const [panel, setPanel] = useState<null | 'link' | 'image'>(null);
  const [status, setStatus] = useState('');
  // A panel closed without inserting anything hands focus back to the text (not to <body>).
  const closePanel = () => {
    setPanel(null);
    editor?.view.focus();
  };

  async function insertUploaded(file: File, alt: string) {
    setStatus(strings.uploading);
    const result = await upload(uploadUrl, file);
    if (!result.ok) {
      setStatus(`${strings.uploadFailed} ${result.message}`.trim());
      return;
    }
    setStatus('');
    editor?.chain().focus().setImage({ src: result.url, alt }).run();
  }

  return (
    <div className={`editor${invalid ? ' editor--invalid' : ''}`}>
      <input type="hidden" name="body" value={json} />
      {editor ? <Toolbar editor={editor} strings={strings} features={features} onPanel={setPanel} /> : null}
      {editor && panel === 'link' ? (
        <LinkPanel editor={editor} strings={strings} onClose={closePanel} />
      ) : null}
      {editor && panel === 'image' ? (
        <ImagePanel
          strings={strings}
          onInsert={(file, alt) => {
            setPanel(null);
            void insertUploaded(file, alt);
          }}
          onClose={closePanel}
        />
      ) : null}
      <EditorContent editor={editor} />
      <p className="editor__status" role="status">
        {status}
      </p>
    </div>
  );
}

type ToolbarAction = { run: () => void; active?: boolean };

/** WAI-ARIA toolbar: one Tab stop, arrow keys move between buttons, Home/End jump. */
function Toolbar({
  editor,
  strings,
  features,
  onPanel,
}: {
  editor: TiptapEditor;
  strings: EditorStrings;
  features: EditorFeatures;
  onPanel: (p: 'link' | 'image') => void;
}) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      heading: e.isActive('heading'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      table: e.isActive('table'),
      callout: e.isActive('callout'),
    }),
  });
  const [current, setCurrent] = useState(0);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  // Focus the view synchronously (Tiptap's focus() waits a frame and then resets the selection,
  // which loses a mark chosen before typing), then run the command on the kept selection.
  const chain = () => {
    editor.view.focus();
    return editor.chain();
  };
  const actions: Record<ToolbarKey, ToolbarAction> = {
    bold: { active: state.bold, run: () => chain().toggleBold().run() },
    italic: { active: state.italic, run: () => chain().toggleItalic().run() },
    heading: { active: state.heading, run: () => chain().toggleHeading({ level: HEADING_LEVELS[0] }).run() },
    bulletList: { active: state.bulletList, run: () => chain().toggleBulletList().run() },
    orderedList: { active: state.orderedList, run: () => chain().toggleOrderedList().run() },
    quote: { active: state.quote, run: () => chain().toggleBlockquote().run() },
    link: { active: state.link, run: () => onPanel('link') },
    image: { run: () => onPanel('image') },
    table: {
      run: () => {
        chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run();
        nameHeaderCells(editor, strings.tableColumn);
      },
    },
    addRow: { run: () => chain().addRowAfter().run() },
    addColumn: { run: () => chain().addColumnAfter().run() },
    deleteTable: { run: () => chain().deleteTable().run() },
    callout: { active: state.callout, run: () => chain().toggleCallout('info').run() },
    undo: { run: () => chain().undo().run() },
    redo: { run: () => chain().redo().run() },
  };
  const buttons = toolbarButtons(features, state.table).map((b) => ({ ...b, ...actions[b.key] }));
  function onKeyDown(event: KeyboardEvent) {
    const moves: Record<string, number> = {
      ArrowRight: current + 1,
      ArrowLeft: current - 1,
      Home: 0,
      End: buttons.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = (moves[event.key]! + buttons.length) % buttons.length;
    setCurrent(next);
    refs.current[next]?.focus();
  }
  return (
    <div role="toolbar" aria-label={strings.toolbar} className="editor__toolbar" onKeyDown={onKeyDown}>
      {buttons.map((b, i) => (
        <button
          key={b.key}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          className="editor__button"
          tabIndex={i === current ? 0 : -1}
          aria-pressed={b.active === undefined ? undefined : b.active}
          title={strings[b.key]}
          onFocus={() => setCurrent(i)}
          onClick={b.run}
        >
          <b.icon />
          {/* Shown under the icon on a touch screen (no hover tooltip there), read everywhere. */}
          <span className="editor__label">{strings[b.key]}</span>
        </button>
      ))}
    </div>
  );
}

/**
 * Names the header cells of the table the cursor is in "Column 1" … and selects the first name,
 * so what the writer types replaces it (a header cell without text is an accessibility error,
 * and an empty one gives no hint what belongs there).
 */
function nameHeaderCells(editor: TiptapEditor, column: string) {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const table = $from.node(depth);
    if (table.type.name !== 'table') continue;
    // The first row starts just inside the table; each cell's text just inside its paragraph.
    const rowStart = $from.before(depth) + 2;
    const textAt: number[] = [];
    table.child(0).forEach((_cell, offset) => textAt.push(rowStart + offset + 2));
    const tr = editor.state.tr;
    for (let i = textAt.length - 1; i >= 0; i--) tr.insertText(`${column} ${i + 1}`, textAt[i]);
    tr.setSelection(TextSelection.create(tr.doc, textAt[0]!, textAt[0]! + `${column} 1`.length));
    editor.view.dispatch(tr);
    return;
  }
}

function LinkPanel({
  editor,
  strings,
  onClose,
}: {
  editor: TiptapEditor;
  strings: EditorStrings;
  onClose: () => void;
}) {
  const [url, setUrl] = useState(() => String(editor.getAttributes('link').href ?? ''));
  const apply = () => {
    const href = url.trim();
    if (href) editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    else editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  };
  return (
    <div className="editor__panel">
      <label>
        {strings.linkUrl}
        <input
          type="url"
          value={url}
          // eslint-disable-next-line jsx-a11y/no-autofocus -- the panel opens for this one field
          autoFocus
          onChange={(e) => setUrl(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              apply();
            } else if (e.key === 'Escape') onClose();
          }}
        />
      </label>
      <button type="button" className="button" onClick={apply}>
        {strings.apply}
      </button>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          editor.chain().focus().extendMarkRange('link').unsetLink().run();
          onClose();
        }}
      >
        {strings.removeLink}
      </button>
    </div>
  );
}

function ImagePanel({
  strings,
  onInsert,
  onClose,
}: {
  strings: EditorStrings;
  onInsert: (file: File, alt: string) => void;
  onClose: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  return (
    <div className="editor__panel">
      <label>
        {strings.image}
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif"
          // eslint-disable-next-line jsx-a11y/no-autofocus -- the panel opens for this one field
          autoFocus
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          onKeyDown={(e) => e.key === 'Escape' && onClose()}
        />
      </label>
      <label>
        {strings.imageAlt}
        <input
          type="text"
          value={alt}
          maxLength={300}
          onChange={(e) => setAlt(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && onClose()}
        />
      </label>
      <button type="button" className="button" disabled={!file} onClick={() => file && onInsert(file, alt)}>
        {strings.insertImage}
      </button>
      <button type="button" className="button button--secondary" onClick={onClose}>
        {strings.cancel}
      </button>
    </div>
  );
}
