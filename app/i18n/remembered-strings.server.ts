import type { i18n as I18n, TFunction } from 'i18next';

/** Far more than the app's keys in one language (a few thousand): a bound, not a working size. */
const MAX_REMEMBERED = 20_000;

/** What react-i18next's `t` always passes along: they pick the string, they are not put into it. */
const FIXED_OPTIONS = new Set(['lng', 'lngs', 'ns', 'keyPrefix']);

/**
 * i18next's own options besides those: any of them (a default value, a context, an ordinal, a
 * post-processor…) changes how the string is found or made, so such a call goes to i18next.
 */
const I18NEXT_OPTIONS = new Set([
  'defaultValue',
  'context',
  'replace',
  'fallbackLng',
  'nsSeparator',
  'keySeparator',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'interpolation',
  'skipInterpolation',
  'ordinal',
  'appendNamespaceToMissingKey',
  'nest',
  'missingInterpolationHandler',
]);

/** A string's placeholders, as i18next finds them (`{{name}}`, trimmed). */
const PLACEHOLDER = /\{\{(.+?)\}\}/g;

/** A string with values: text and placeholder names taking turns (text first), or one i18next makes. */
type Template = { parts: string[] } | 'i18next';

type Call = { fixed: Record<string, unknown>; id: string; count: number | undefined; valued: boolean };

/**
 * The call's fixed options and what identifies its string, or null when i18next must answer it:
 * a value that is not text or a number, or one of i18next's own options.
 */
function readCall(options: unknown): Call | null {
  if (options === undefined) return { fixed: {}, id: '|||', count: undefined, valued: false };
  if (typeof options !== 'object' || options === null) return null;
  const given = options as Record<string, unknown>;
  const fixed: Record<string, unknown> = {};
  let count: number | undefined;
  let valued = false;
  for (const name in given) {
    const value = given[name];
    if (value === undefined) continue;
    if (FIXED_OPTIONS.has(name)) fixed[name] = value;
    else if (name === 'count') {
      if (typeof value !== 'number' || !Number.isFinite(value)) return null;
      count = value;
    } else if (I18NEXT_OPTIONS.has(name) || name.startsWith('defaultValue')) return null;
    else if (typeof value !== 'string' && typeof value !== 'number') return null;
    else valued = true;
  }
  const o = fixed as {
    lng?: string;
    lngs?: readonly string[];
    ns?: string | readonly string[];
    keyPrefix?: string;
  };
  return {
    fixed,
    id: `${o.lng ?? ''}|${String(o.lngs ?? '')}|${String(o.ns ?? '')}|${o.keyPrefix ?? ''}`,
    count,
    valued,
  };
}

/** Text and placeholders, or 'i18next' for what a plain substitution would get wrong. */
function toTemplate(text: unknown): Template {
  // Nesting ($t(…)), unescaped ({{- name}}), formatted ({{name, number}}) and nested names
  // (a.b) are i18next's to make; the app's strings use none of them with values (tested).
  if (typeof text !== 'string' || text.includes('$t(')) return 'i18next';
  const parts: string[] = [];
  let from = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1]!.trim();
    if (name.startsWith('-') || name.includes(',') || name.includes('.')) return 'i18next';
    parts.push(text.slice(from, match.index), name);
    from = match.index! + match[0].length;
  }
  parts.push(text.slice(from));
  return { parts };
}

/** The template filled in, or undefined when a value is missing (i18next decides what then). */
function fill(parts: string[], values: Record<string, unknown>): string | undefined {
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const value = values[parts[i]!];
    if (typeof value !== 'string' && typeof value !== 'number') return undefined;
    out += String(value) + parts[i + 1]!;
  }
  return out;
}

/**
 * Keeps each string in memory, per language instance: a page asks for a few hundred (labels,
 * headings, buttons) and dozens with values (`{{count}} replies`, `by {{name}}`), and i18next
 * resolves each anew (key parsing, fallbacks, plural rules, interpolation by regular
 * expression, nesting checks: 6–7 % of a page's server CPU for the plain ones in a profile, and
 * as much again for those with values on a category page). A string without values is kept as
 * it is; one with values is kept as its template (found by i18next once per plural form, with
 * `skipInterpolation`) and filled in here the way i18next would (escaping is off on the server:
 * React escapes). Calls this cannot answer exactly go to i18next every time. Only for the
 * server's instances, whose language and resources never change (entry.server.tsx);
 * `remembered-strings.test.ts` checks every string of the app in every language against
 * i18next's own answer.
 */
export function rememberPlainStrings(instance: I18n): I18n {
  const resolve = instance.t.bind(instance) as (key: unknown, options?: Record<string, unknown>) => unknown;
  const remembered = new Map<string, unknown>();
  const templates = new Map<string, Template>();
  const pluralRules = new Map<string, Intl.PluralRules>();
  const pluralForm = (lng: string, count: number) => {
    // i18next looks for a `_zero` string first when the count is 0 (zero's own form otherwise).
    if (count === 0) return 'zero';
    let rules = pluralRules.get(lng);
    if (!rules) pluralRules.set(lng, (rules = new Intl.PluralRules(lng)));
    return rules.select(count);
  };
  const t = (key: unknown, options?: unknown) => {
    const call = typeof key === 'string' ? readCall(options) : null;
    if (!call) return resolve(key, options as Record<string, unknown> | undefined);
    const values = options as Record<string, unknown> | undefined;
    if (call.count === undefined && !call.valued) {
      const id = `${call.id}|${key}`;
      if (remembered.has(id)) return remembered.get(id);
      const value = resolve(key, values);
      if (remembered.size < MAX_REMEMBERED) remembered.set(id, value);
      return value;
    }
    const lng = String(call.fixed.lng ?? instance.language);
    const form = call.count === undefined ? '' : pluralForm(lng, call.count);
    const id = `${call.id}|${form}|${key}`;
    let template = templates.get(id);
    if (!template) {
      const options = call.count === undefined ? call.fixed : { ...call.fixed, count: call.count };
      template = toTemplate(resolve(key, { ...options, skipInterpolation: true }));
      if (templates.size < MAX_REMEMBERED) templates.set(id, template);
    }
    const filled = template === 'i18next' ? undefined : fill(template.parts, values!);
    return filled ?? resolve(key, values);
  };
  instance.t = t as TFunction;
  rememberFixedT(instance);
  return instance;
}

/** i18next's fixed t as called here, with the properties it carries. */
type FixedT = ((key: unknown, options?: unknown) => unknown) & {
  lng?: string;
  lngs?: readonly string[];
  ns?: string | readonly string[];
  keyPrefix?: string;
};

/** Fixed t functions kept at once (a language, a namespace and a key prefix each; the app uses ~20). */
const MAX_FIXED = 200;

/**
 * i18next's fixed t copies its options into a new object on every call before `t` sees them
 * (3.8 % of a category page's server CPU in a profile, on its own, when react-i18next still
 * asked for a fixed t in every component on every render; components now get theirs once per
 * namespace, `use-translation.ts`). The same fixed t is handed out for the same language,
 * namespace and prefix, and answers a string without values from its own memory; everything
 * else goes the usual way.
 */
function rememberFixedT(instance: I18n) {
  const made = instance.getFixedT.bind(instance) as (...args: unknown[]) => TFunction;
  const kept = new Map<string, TFunction>();
  instance.getFixedT = ((lng: unknown, ns: unknown, keyPrefix: unknown) => {
    const id = `${String(lng)}|${String(ns)}|${String(keyPrefix)}`;
    const known = kept.get(id);
    if (known) return known;
    const fixed = made(lng, ns, keyPrefix) as unknown as FixedT;
    const strings = new Map<string, unknown>();
    const fast = (key: unknown, options?: unknown) => {
      if (options !== undefined || typeof key !== 'string') return fixed(key, options);
      if (strings.has(key)) return strings.get(key);
      const value = fixed(key);
      if (strings.size < MAX_REMEMBERED) strings.set(key, value);
      return value;
    };
    // What i18next's fixed t carries besides (react-i18next and Trans read them).
    const copy = Object.assign(fast, {
      lng: fixed.lng,
      lngs: fixed.lngs,
      ns: fixed.ns,
      keyPrefix: fixed.keyPrefix,
    });
    if (kept.size < MAX_FIXED) kept.set(id, copy as unknown as TFunction);
    return copy as unknown as TFunction;
  }) as I18n['getFixedT'];
}
