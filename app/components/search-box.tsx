import { useNavigate } from '@remix-run/react';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from '~/i18n/use-translation';

export type SuggestionItem = { kind: string; url: string; title: string };

/** Waits this long after the last key before asking: a word typed quickly is one request. */
const DEBOUNCE_MS = 200;

/**
 * Suggestions from /search/suggest for what is typed, asked a moment after the typing stops;
 * an answer that arrives after newer typing is dropped. Empty below two letters.
 */
export function useSuggestions(text: string, params: Record<string, string> = {}): SuggestionItem[] {
  const [items, setItems] = useState<SuggestionItem[]>([]);
  const query = new URLSearchParams({ q: text.trim(), ...params }).toString();
  const tooShort = [...text.trim()].length < 2;
  useEffect(() => {
    if (tooShort) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/search/suggest?${query}`, {
        signal: controller.signal,
        headers: { Accept: 'application/json' },
      })
        .then((r) => (r.ok ? (r.json() as Promise<{ items: SuggestionItem[] }>) : { items: [] }))
        .then((body) => setItems(body.items))
        .catch(() => {
          // Aborted by newer typing, or offline: the search page still works.
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, tooShort]);
  return tooShort ? [] : items;
}

/**
 * The search field with suggestions as you type (the ARIA combobox pattern: arrows move through
 * them, Enter opens the one chosen, Escape closes the list). Without JavaScript, or with no
 * suggestion chosen, it is a plain field of a GET form to /search.
 */
export function SearchBox({
  id,
  label,
  labelHidden = false,
  defaultValue = '',
  placeholder,
}: {
  id: string;
  label: string;
  labelHidden?: boolean;
  defaultValue?: string;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState(defaultValue);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // Asked once something is typed (not for the query a results page opened with); kept while
  // the list is closed, so the arrow keys open it again.
  const [typed, setTyped] = useState(false);
  const items = useSuggestions(typed ? value : '');
  const listId = `${id}-suggestions`;
  const shown = open && items.length > 0;

  // A new results page (another query in the address) shows its query.
  const [shownDefault, setShownDefault] = useState(defaultValue);
  if (defaultValue !== shownDefault) {
    setShownDefault(defaultValue);
    setValue(defaultValue);
  }

  const go = (item: SuggestionItem) => {
    setOpen(false);
    setActive(-1);
    navigate(item.url);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!items.length) return;
      event.preventDefault();
      setOpen(true);
      setActive((a) =>
        event.key === 'ArrowDown' ? (a + 1) % items.length : a <= 0 ? items.length - 1 : a - 1,
      );
    } else if (event.key === 'Enter' && shown && active >= 0) {
      event.preventDefault();
      go(items[active]!);
    } else if (event.key === 'Escape' && shown) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div className="search-box">
      <label htmlFor={id} className={labelHidden ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        name="q"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        maxLength={200}
        placeholder={placeholder}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setTyped(true);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t('shell.suggestions')}
        className="search-box__list"
        hidden={!shown}
      >
        {items.map((item, i) => (
          <li
            key={item.url}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            // Chosen before the field loses focus (which closes the list).
            onMouseDown={(event) => {
              event.preventDefault();
              go(item);
            }}
          >
            <span className="search-box__kind">{t(`shell.suggestionKinds.${item.kind}`)}</span>
            {item.title}
          </li>
        ))}
      </ul>
      <p className="visually-hidden" aria-live="polite">
        {shown ? t('shell.suggestionCount', { count: items.length }) : ''}
      </p>
    </div>
  );
}
