import type { MetaDescriptor } from '@remix-run/node';

type Match = { id: string; data: unknown };
type RootSlice = { resources?: Record<string, Record<string, unknown>> };

/** "<page> – Tukiverkko" in the current language, from the strings the root loader sent. */
export function pageTitle(matches: Match[], key: string): MetaDescriptor[] {
  const root = matches.find((m) => m.id === 'root')?.data as RootSlice | undefined;
  const [ns, path] = key.includes(':') ? (key.split(':') as [string, string]) : ['common', key];
  const value = path
    .split('.')
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      root?.resources?.[ns],
    );
  const app = (root?.resources?.common?.appName as string | undefined) ?? 'Tukiverkko';
  return [{ title: typeof value === 'string' ? `${value} – ${app}` : app }];
}

/** "<text> – Tukiverkko" for titles that are data (a thread's title), not strings. */
export function dataTitle(matches: Match[], text: string | undefined, fallbackKey: string): MetaDescriptor[] {
  if (!text) return pageTitle(matches, fallbackKey);
  const root = matches.find((m) => m.id === 'root')?.data as RootSlice | undefined;
  const app = (root?.resources?.common?.appName as string | undefined) ?? 'Tukiverkko';
  return [{ title: `${text} – ${app}` }];
}
