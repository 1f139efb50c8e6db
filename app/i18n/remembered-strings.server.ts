import type { i18n as I18n, TFunction } from 'i18next';

/** Far more than the app's keys in one language (a few thousand): a bound, not a working size. */
const MAX_REMEMBERED = 20_000;

/** What react-i18next's `t` always passes along; any other option (a value, a count) changes the string. */
const FIXED_OPTIONS = new Set(['lng', 'lngs', 'ns', 'keyPrefix']);

function onlyFixedOptions(options: unknown) {
  if (options === undefined) return true;
  if (typeof options !== 'object' || options === null) return false;
  for (const name in options) {
    if (!FIXED_OPTIONS.has(name) && (options as Record<string, unknown>)[name] !== undefined) return false;
  }
  return true;
}

/**
 * Keeps each string asked for without values in memory, per language instance: a page asks for
 * a few hundred (labels, headings, buttons), and i18next resolves each anew (key parsing,
 * fallbacks, plural and nesting checks: 6–7 % of a page's server CPU in a profile). Strings with
 * values or a count are resolved every time. Only for the server's instances, whose language
 * and resources never change (entry.server.tsx).
 */
export function rememberPlainStrings(instance: I18n): I18n {
  const resolve = instance.t.bind(instance) as (key: unknown, options?: Record<string, unknown>) => unknown;
  const remembered = new Map<string, unknown>();
  const t = (key: unknown, options?: unknown) => {
    const plain = typeof key === 'string' && onlyFixedOptions(options);
    if (!plain) return resolve(key, options as Record<string, unknown> | undefined);
    const o = (options ?? {}) as {
      lng?: string;
      lngs?: readonly string[];
      ns?: string | readonly string[];
      keyPrefix?: string;
    };
    const id = `${o.lng ?? ''}|${String(o.lngs ?? '')}|${String(o.ns ?? '')}|${o.keyPrefix ?? ''}|${key}`;
    if (remembered.has(id)) return remembered.get(id);
    const value = resolve(key, options as Record<string, unknown> | undefined);
    if (remembered.size < MAX_REMEMBERED) remembered.set(id, value);
    return value;
  };
  instance.t = t as TFunction;
  return instance;
}
