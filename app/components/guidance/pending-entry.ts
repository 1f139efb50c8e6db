// A new guidance entry that could not be sent waits on the device (localStorage, per adviser)
// until the page is opened again; only string fields are kept.

const pendingKey = (userId: string) => `tukiverkko:guidance-pending:${userId}`;

export function storePending(userId: string, form: FormData) {
  try {
    localStorage.setItem(
      pendingKey(userId),
      JSON.stringify([...form.entries()].filter(([, v]) => typeof v === 'string')),
    );
  } catch {
    // Private browsing or a full storage: the entry is still on the page.
  }
}

export function readPending(userId: string): [string, string][] | null {
  try {
    const raw = localStorage.getItem(pendingKey(userId));
    return raw ? (JSON.parse(raw) as [string, string][]) : null;
  } catch {
    return null;
  }
}

export function clearPending(userId: string) {
  try {
    localStorage.removeItem(pendingKey(userId));
  } catch {
    // Nothing to clear.
  }
}

/** Puts a stored entry back into the form's fields. */
export function restore(form: HTMLFormElement, entries: [string, string][]) {
  for (const element of Array.from(form.elements)) {
    if (!(
      element instanceof HTMLInputElement ||
      element instanceof HTMLSelectElement ||
      element instanceof HTMLTextAreaElement
    ))
      continue;
    if (!element.name) continue;
    const values = entries.filter(([name]) => name === element.name).map(([, value]) => value);
    if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) {
      element.checked = values.includes(element.value);
    } else if (element.name !== 'sessionId') {
      element.value = values[0] ?? '';
    }
  }
}
