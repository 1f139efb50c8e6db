import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { isLanguage, type Language } from './config';
import { resources } from './resources.server';

// A language's strings, all namespaces, as one script the browser keeps (ADR 012): pages then
// carry only their own data, not the ~70 KB of strings every page needs again.

export const STRINGS_GLOBAL = '__tukiverkkoStrings';

type Script = { body: string; version: string; br?: Uint8Array<ArrayBuffer>; gzip?: Uint8Array<ArrayBuffer> };
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

/**
 * The script for `/i18n/<language>.js`, or null for anything else; compressed (Brotli, else
 * gzip) when the browser takes it. Each language is compressed once per process and kept.
 */
export function stringsScript(file: string, version: string | null, encoding?: 'br' | 'gzip') {
  const language = file.replace(/\.js$/, '');
  if (!file.endsWith('.js') || !isLanguage(language)) return null;
  const script = scriptFor(language);
  const current = version === script.version;
  if (encoding === 'br') {
    script.br ??= new Uint8Array(
      zlib.brotliCompressSync(script.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
    return { body: script.br, encoding, current };
  }
  if (encoding === 'gzip') {
    script.gzip ??= new Uint8Array(zlib.gzipSync(script.body, { level: 9 }));
    return { body: script.gzip, encoding, current };
  }
  return { body: script.body, encoding: undefined, current };
}
