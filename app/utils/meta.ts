import type { MetaDescriptor } from '@remix-run/node';

type Match = { id: string; data: unknown };
type RootSlice = { language?: string };
type Strings = Record<string, Record<string, Record<string, unknown>>>;

/**
 * The strings of the page's language: in the browser from the strings script (ADR 012), on the
 * server from the same global, which entry.server.tsx fills with every language.
 */
function stringsOf(matches: Match[]): Record<string, Record<string, unknown>> | undefined {
  const language = (matches.find((m) => m.id === 'root')?.data as RootSlice | undefined)?.language;
  const all = (globalThis as { __tukiverkkoStrings?: Strings }).__tukiverkkoStrings;
  return language ? all?.[language] : undefined;
}

function lookup(matches: Match[], key: string): string | undefined {
  const strings = stringsOf(matches);
  const [ns, path] = key.includes(':') ? (key.split(':') as [string, string]) : ['common', key];
  const value = path
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], strings?.[ns]);
  return typeof value === 'string' ? value : undefined;
}

const appName = (matches: Match[]) => lookup(matches, 'appName') ?? 'Tukiverkko';

/** "<page> – Tukiverkko" in the current language, from the strings the root loader sent. */
export function pageTitle(matches: Match[], key: string): MetaDescriptor[] {
  const value = lookup(matches, key);
  return [{ title: value ? `${value} – ${appName(matches)}` : appName(matches) }];
}

/**
 * "<what this page does>: <what it is about> – Tukiverkko" for a page under another (a
 * material's edit page, an event's check-in), so that its title differs from its parent's.
 */
export function subPageTitle(matches: Match[], key: string, about: string | undefined): MetaDescriptor[] {
  const page = lookup(matches, key);
  if (!page || !about) return pageTitle(matches, key);
  return [{ title: `${page}: ${about} – ${appName(matches)}` }];
}

/** "<text> – Tukiverkko" for titles that are data (a thread's title), not strings. */
export function dataTitle(matches: Match[], text: string | undefined, fallbackKey: string): MetaDescriptor[] {
  if (!text) return pageTitle(matches, fallbackKey);
  return [{ title: `${text} – ${appName(matches)}` }];
}
