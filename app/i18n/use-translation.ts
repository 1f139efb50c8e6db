import { useContext } from 'react';
import type { i18n as I18n, TFunction } from 'i18next';
import { I18nContext } from 'react-i18next';

/** What a component gets to translate with: the page language's strings of one namespace. */
export type Translation = { t: TFunction; i18n: I18n };

const made = new WeakMap<I18n, Map<string, Translation>>();

/**
 * The app's `useTranslation`: react-i18next's hook without its bookkeeping, for an app whose
 * pages never change language (the switcher loads the page anew, `entry.client.tsx`; the server
 * keeps one i18next instance per language, `entry.server.tsx`) and which has every string loaded
 * before the first render (no suspending, no namespaces loaded late).
 *
 * react-i18next's hook runs six React hooks, copies its options and checks every namespace on
 * every call: a thread page calls it ~100 times, which allocated ~270 KB a page (an eighth of
 * everything the page allocated, in a heap profile under load). Here a component gets the same
 * fixed `t` (namespace as react-i18next chooses it: the first one named, else the default) from
 * a memo per instance and namespace: one context read, nothing allocated.
 */
export function useTranslation(ns?: string | readonly string[]): Translation {
  const { i18n } = useContext(I18nContext);
  return translationFor(i18n, typeof ns === 'string' ? ns : ns?.[0]);
}

function translationFor(i18n: I18n, ns: string | undefined): Translation {
  let byNamespace = made.get(i18n);
  if (!byNamespace) made.set(i18n, (byNamespace = new Map()));
  const key = ns ?? '';
  let translation = byNamespace.get(key);
  if (!translation) {
    translation = { t: i18n.getFixedT(null, ns ?? null), i18n };
    byNamespace.set(key, translation);
  }
  return translation;
}
