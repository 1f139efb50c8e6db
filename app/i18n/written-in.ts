// Content written in the languages its author chose (event titles, e-service names and help):
// readers get theirs, else Finnish, else Swedish, else English. Client-safe.

export type Suffix = 'Fi' | 'Sv' | 'En';

const ORDER: Record<string, Suffix[]> = {
  fi: ['Fi', 'Sv', 'En'],
  sv: ['Sv', 'Fi', 'En'],
  en: ['En', 'Fi', 'Sv'],
};

/** The `prefix` field in the reader's language or the nearest one written, with its language. */
export function writtenIn<P extends string>(
  record: Record<`${P}${Suffix}`, string>,
  prefix: P,
  language: string,
): { text: string; lang: string } {
  for (const suffix of ORDER[language] ?? ORDER.fi!) {
    const text = record[`${prefix}${suffix}`];
    if (text) return { text, lang: suffix.toLowerCase() };
  }
  return { text: '', lang: language };
}

/** The `prefix` field for a reader of each language: what a notification says to each recipient. */
export function inEachLanguage<P extends string>(
  record: Record<`${P}${Suffix}`, string>,
  prefix: P,
): { fi: string; sv: string; en: string } {
  return {
    fi: writtenIn(record, prefix, 'fi').text,
    sv: writtenIn(record, prefix, 'sv').text,
    en: writtenIn(record, prefix, 'en').text,
  };
}
