// What a member typed into a form survives a submit that the server could not take (database
// down, disk full, a crash): the error page replaces the form, so the browser keeps a copy of
// the last form sent, in this tab only (sessionStorage), and puts it back when the same page's
// form is shown again. A submit that worked leaves nothing behind (the copy is dropped on the
// next page). Passwords, files and one-time codes are never copied. Issue 20.

const KEY = 'tk:kept-form';
/** Older copies are not put back: the member has moved on. */
const KEEP_MS = 30 * 60 * 1000;
/** Only the submit just made can have failed: an older copy's submit went through. */
const ANSWER_MS = 2 * 60 * 1000;
const TEXT_TYPES = new Set([
  'text',
  'email',
  'search',
  'url',
  'tel',
  'number',
  'date',
  'time',
  'datetime-local',
]);
/** The editor's JSON travels in a hidden input; the editor reads it back itself. */
const HIDDEN_KEPT = new Set(['body']);

type KeptField = { name: string; value: string } | { name: string; checked: string[] };

type Kept = {
  path: string;
  action: string;
  savedAt: number;
  failed: boolean;
  fields: KeptField[];
};

// Pages read the copy's state with useSyncExternalStore: told here when it changes.
const listeners = new Set<() => void>();
export function subscribeKept(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
function changed() {
  for (const listener of listeners) listener();
}
/** The page (router location key) on which a copy was put back, for the note saying so. */
let restoredOn: string | null = null;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null; // storage refused (privacy mode): nothing is kept, nothing breaks
  }
}

function read(): Kept | null {
  const raw = storage()?.getItem(KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Kept;
  } catch {
    return null;
  }
}

function write(kept: Kept | null) {
  const store = storage();
  if (!store) return;
  try {
    if (kept) store.setItem(KEY, JSON.stringify(kept));
    else store.removeItem(KEY);
  } catch {
    // quota: the copy is a courtesy, the submit goes on
  }
}

function here() {
  return window.location.pathname + window.location.search;
}

function keptControl(
  element: Element,
): element is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
  if (!(element instanceof HTMLElement) || !('name' in element) || !element.name) return false;
  if (element.closest('[data-keep="no"]')) return false;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (!(element instanceof HTMLInputElement)) return false;
  if (element.autocomplete === 'one-time-code') return false;
  if (element.type === 'hidden') return HIDDEN_KEPT.has(element.name);
  return TEXT_TYPES.has(element.type) || element.type === 'radio' || element.type === 'checkbox';
}

function fieldsOf(form: HTMLFormElement): KeptField[] {
  const fields: KeptField[] = [];
  const choices = new Map<string, string[]>();
  for (const element of Array.from(form.elements)) {
    if (!keptControl(element)) continue;
    if (element instanceof HTMLInputElement && (element.type === 'radio' || element.type === 'checkbox')) {
      const list = choices.get(element.name) ?? [];
      if (element.checked) list.push(element.value);
      choices.set(element.name, list);
    } else if (element.value) {
      fields.push({ name: element.name, value: element.value });
    }
  }
  for (const [name, checked] of choices) fields.push({ name, checked });
  return fields;
}

/** On every POST form's submit (listened for on the document, so every form is covered). */
export function keepSubmitted(event: Event) {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post') return;
  const fields = fieldsOf(form);
  if (!fields.some((f) => 'value' in f)) return; // nothing typed: nothing to lose
  write({
    path: here(),
    action: form.getAttribute('action') ?? '',
    savedAt: Date.now(),
    failed: false,
    fields,
  });
}

/** The error page after a submit: the copy is to be put back when the form returns. */
export function markKeptFailed() {
  const kept = read();
  if (kept && !kept.failed && kept.path === here() && Date.now() - kept.savedAt < ANSWER_MS) {
    write({ ...kept, failed: true });
    changed();
  }
}

/** Whether this page has a copy to put back (the error page says so). */
export function hasKeptForm(): boolean {
  const kept = read();
  return Boolean(kept?.failed && kept.path === here() && Date.now() - kept.savedAt < KEEP_MS);
}

/** One kept value of a failed submit on this page (the editor reads its JSON this way). */
export function keptValue(name: string): string | undefined {
  if (!hasKeptForm()) return undefined;
  const field = read()?.fields.find((f) => f.name === name);
  return field && 'value' in field ? field.value : undefined;
}

// React tracks an input's value itself: set it through the element's own setter and send the
// input event a keystroke would, so controlled fields and onChange handlers see the change.
function setTyped(element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  const prototype = Object.getPrototypeOf(element) as object;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, value);
  element.dispatchEvent(new Event('input', { bubbles: true }));
  element.dispatchEvent(new Event('change', { bubbles: true }));
}

function restoreInto(form: HTMLFormElement, fields: KeptField[]) {
  for (const field of fields) {
    const controls = Array.from(form.elements).filter(
      (e): e is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement =>
        keptControl(e) && (e as HTMLInputElement).name === field.name,
    );
    if ('checked' in field) {
      for (const control of controls) {
        if (!(control instanceof HTMLInputElement)) continue;
        // A click, not `checked =`: the page's own handlers (tiles, "other" fields) follow.
        if (control.checked !== field.checked.includes(control.value)) control.click();
      }
      continue;
    }
    const control = controls[0];
    // Never over what the page now shows (an edit form's newer text, a value typed since).
    if (!control || control.type === 'hidden' || control.value === field.value) continue;
    if (
      control instanceof HTMLSelectElement ||
      control.value === '' ||
      control.value === control.defaultValue
    ) {
      setTyped(control, field.value);
    }
  }
}

export function restoredOnPage(locationKey: string): boolean {
  return restoredOn === locationKey;
}

/**
 * After a page renders: put a failed submit's copy back into the same form on the same page
 * (once), or drop a copy whose submit worked. `restoredOnPage(locationKey)` then says so.
 */
export function restoreKeptForm(locationKey: string) {
  const kept = read();
  if (!kept) return;
  const age = Date.now() - kept.savedAt;
  if (age >= KEEP_MS || (!kept.failed && (kept.path !== here() || age >= ANSWER_MS))) {
    // A submit that went through (it led on to another page, or it is past answering), or a
    // stale copy: keep no text longer than needed. Until then the error page may be next.
    write(null);
    return;
  }
  if (!kept.failed || kept.path !== here()) return;
  const forms = Array.from(document.querySelectorAll<HTMLFormElement>('main form')).filter(
    (f) => f.method.toLowerCase() === 'post' && (f.getAttribute('action') ?? '') === kept.action,
  );
  // The editor's `body` is there once its code has loaded; its textarea `bodyText` before.
  const has = (form: HTMLFormElement, name: string) =>
    form.elements.namedItem(name) !== null ||
    (name === 'body' && form.elements.namedItem('bodyText') !== null);
  const names = kept.fields.map((f) => f.name);
  const form =
    forms.find((f) => names.every((n) => has(f, n))) ?? forms.find((f) => names.some((n) => has(f, n)));
  if (!form) return; // not on this page (a panel still closed): tried again on the next
  write(null);
  restoreInto(form, kept.fields);
  restoredOn = locationKey;
  changed();
}
