import { createHash } from 'node:crypto';
import { isLanguage, type Language } from './config';
import { resources } from './resources.server';

// A language's strings, all namespaces, as one script the browser keeps (ADR 012): pages then
// carry only their own data, not the ~70 KB of strings every page needs again.

export const STRINGS_GLOBAL = '__tukiverkkoStrings';

type Script = { body: string; version: string };
const scripts = new Map<Language, Script>();

function scriptFor(language: Language): Script {
  let script = scripts.get(language);
  if (!script) {
    const json = JSON.stringify(resources[language]);
    script = {
      // JSON is a JavaScript expression; the language key lets two languages coexist in a tab.
      body: `(window.${STRINGS_GLOBAL} = window.${STRINGS_GLOBAL} || {})[${JSON.stringify(language)}] = ${json};\n`,
      version: createHash('sha256').update(json).digest('hex').slice(0, 12),
    };
    scripts.set(language, script);
  }
  return script;
}

/** The address of the current strings: a new version is a new address, so it can be cached forever. */
export function stringsUrl(language: Language): string {
  return `/i18n/${language}.js?v=${scriptFor(language).version}`;
}

/** The script for `/i18n/<language>.js`, or null for anything else. */
export function stringsScript(file: string, version: string | null) {
  const language = file.replace(/\.js$/, '');
  if (!file.endsWith('.js') || !isLanguage(language)) return null;
  const script = scriptFor(language);
  return { body: script.body, current: version === script.version };
}
