import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { FormValues } from '~/utils/forms';

// A question typed on /forum/new is kept on this device until the forum has it: a session that
// ended while the adviser wrote (the submit then goes to the login page) or a closed tab does
// not lose it. Kept per member, like the guidance log's unsent entry; gone once the thread
// exists or the member discards it.

const keyFor = (userId: string) => `tukiverkko:question-draft:${userId}`;

function stored(userId: string): string | null {
  try {
    return localStorage.getItem(keyFor(userId));
  } catch {
    return null;
  }
}

// The draft as the page found it when it opened: read again at each visit, not after the
// submit stores the form (the page must not turn into "restored" while it sends).
const shown = new Map<string, string | null>();
const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
function snapshot(userId: string) {
  if (!shown.has(userId)) shown.set(userId, stored(userId));
  return shown.get(userId) ?? null;
}
function lookAgain(userId: string) {
  shown.delete(userId);
  for (const listener of listeners) listener();
}

function write(userId: string, form: HTMLFormElement) {
  const values: FormValues = {};
  for (const [name, value] of new FormData(form).entries()) {
    if (typeof value !== 'string') continue;
    const previous = values[name];
    values[name] = previous === undefined ? value : [previous, value].flat();
  }
  // The editor not loaded yet (its chunk still coming): the kept text is still the text.
  if (values.body === undefined && !String(values.bodyText ?? '').trim()) {
    const before = stored(userId);
    let body: FormValues[string] | undefined;
    try {
      body = before ? (JSON.parse(before) as FormValues).body : undefined;
    } catch {
      body = undefined;
    }
    if (body !== undefined) values.body = body;
  }
  // Nothing typed yet: nothing to keep.
  const typed =
    String(values.title ?? '').trim() ||
    String(values.bodyText ?? '').trim() ||
    String(values.body ?? '').includes('"text"');
  if (!typed) return;
  try {
    localStorage.setItem(keyFor(userId), JSON.stringify(values));
  } catch {
    // Private browsing or full storage: the question is still on the page.
  }
}

export function discardQuestionDraft(userId: string) {
  try {
    localStorage.removeItem(keyFor(userId));
  } catch {
    // Nothing to remove.
  }
  shown.set(userId, null);
  for (const listener of listeners) listener();
}

/**
 * The kept draft (null until the page has looked, and when there is none), and `keep`, which
 * stores the form as it is now. The form is kept on submit and when the page is left; the draft
 * is removed when the page is left for the new thread.
 */
export function useQuestionDraft(userId: string, form: React.RefObject<HTMLFormElement | null>) {
  // Read on the device only: the server renders the page without a draft.
  const raw = useSyncExternalStore(
    subscribe,
    () => snapshot(userId),
    () => null,
  );
  const draft = useMemo(() => {
    try {
      return raw ? (JSON.parse(raw) as FormValues) : null;
    } catch {
      return null;
    }
  }, [raw]);
  useEffect(() => {
    lookAgain(userId);
    const keep = () => form.current && write(userId, form.current);
    window.addEventListener('pagehide', keep);
    return () => {
      window.removeEventListener('pagehide', keep);
      // Left for the thread just created: the forum has the question now.
      if (/^\/forum\/t\//.test(window.location.pathname)) discardQuestionDraft(userId);
    };
  }, [userId, form]);
  return {
    draft,
    keep: () => form.current && write(userId, form.current),
    discard: () => discardQuestionDraft(userId),
  };
}
