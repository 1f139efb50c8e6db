import type { MentionOptions } from '@tiptap/extension-mention';

type Member = { id: string; name: string; organisation: string };

/**
 * The @-mention list: plain DOM (no React) under the caret, a listbox whose active option the
 * editor announces through aria-activedescendant; arrows move, Enter picks, Escape closes.
 */
export function mentionSuggestion(strings: { none: string; label: string }): MentionOptions['suggestion'] {
  return {
    items: async ({ query }) => {
      const response = await fetch(`/forum/mentions?q=${encodeURIComponent(query)}`);
      if (!response.ok) return [];
      return ((await response.json()) as { members: Member[] }).members;
    },
    render: () => {
      let list: HTMLUListElement | null = null;
      let items: Member[] = [];
      let active = 0;
      let command: ((attrs: { id: string; label: string }) => void) | null = null;
      let editorDom: HTMLElement | null = null;

      const draw = () => {
        if (!list) return;
        list.replaceChildren(
          ...(items.length
            ? items.map((m, i) => {
                const li = document.createElement('li');
                li.id = `mention-option-${m.id}`;
                li.role = 'option';
                li.className = 'mention-list__option';
                li.setAttribute('aria-selected', String(i === active));
                li.textContent = `${m.name} · ${m.organisation}`;
                li.addEventListener('mousedown', (e) => {
                  e.preventDefault();
                  command?.({ id: m.id, label: m.name });
                });
                return li;
              })
            : [
                Object.assign(document.createElement('li'), {
                  textContent: strings.none,
                  className: 'mention-list__empty',
                }),
              ]),
        );
        const current = items[active];
        if (current) editorDom?.setAttribute('aria-activedescendant', `mention-option-${current.id}`);
        else editorDom?.removeAttribute('aria-activedescendant');
      };
      const place = (rect: DOMRect | null | undefined) => {
        if (!list || !rect) return;
        list.style.top = `${rect.bottom + window.scrollY + 4}px`;
        list.style.left = `${Math.max(8, Math.min(rect.left + window.scrollX, window.innerWidth - 288))}px`;
      };
      return {
        onStart: (props) => {
          editorDom = props.editor.view.dom as HTMLElement;
          list = document.createElement('ul');
          list.role = 'listbox';
          list.id = 'mention-list';
          list.className = 'mention-list';
          list.setAttribute('aria-label', strings.label);
          // Inside the page's main landmark (all content belongs to one); positioned on the page.
          (editorDom.closest('main') ?? document.body).append(list);
          // No aria-expanded: a textbox may not carry it. aria-controls and aria-activedescendant
          // tell assistive technology which list and option the typing drives.
          editorDom.setAttribute('aria-controls', 'mention-list');
          items = props.items as Member[];
          active = 0;
          command = props.command as typeof command;
          draw();
          place(props.clientRect?.());
        },
        onUpdate: (props) => {
          items = props.items as Member[];
          active = 0;
          command = props.command as typeof command;
          draw();
          place(props.clientRect?.());
        },
        onKeyDown: ({ event }) => {
          if (event.key === 'Escape') {
            list?.remove();
            list = null;
            return true;
          }
          if (!items.length) return false;
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            active = (active + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
            draw();
            return true;
          }
          if (event.key === 'Enter' || event.key === 'Tab') {
            const m = items[active];
            if (m) command?.({ id: m.id, label: m.name });
            return true;
          }
          return false;
        },
        onExit: () => {
          list?.remove();
          list = null;
          editorDom?.removeAttribute('aria-activedescendant');
          editorDom?.removeAttribute('aria-controls');
        },
      };
    },
  };
}
