import { dictionary } from '@zxcvbn-ts/language-common';

// NIST SP 800-63B 5.1.1.2: refuse passwords that are known to be common and ones built from
// words of this very context (the service's name, the member's own name and address). Length
// is the form's rule (password-schema.ts); no rules on character classes.

// ~49,000 passwords seen most often in breaches (zxcvbn-ts's list), plus the Finnish and Swedish
// words that such lists miss but people here reach for first.
const LOCAL_WORDS = [
  'salasana',
  'salainen',
  'tunnussana',
  'kirjaudu',
  'helsinki',
  'suomi',
  'suomi100',
  'perkele',
  'kissa',
  'koira',
  'aurinko',
  'rakkaus',
  'kesä',
  'talvi',
  'kevät',
  'syksy',
  'hellevi',
  'lösenord',
  'hemligt',
  'sverige',
  'stockholm',
  'sommar',
  'vinter',
  'katten',
  'hunden',
  'enter',
  'kirjasto',
  'bibliotek',
  'qwertyuiopå',
  'asdfghjklöä',
];
const COMMON = new Set([...dictionary['passwords-common'], ...LOCAL_WORDS]);
const SERVICE_WORDS = ['tukiverkko', 'stödnätverket', 'helsinki', 'helsingfors'];
// What is left of a password once its context words are taken out must be worth something.
const MIN_REMAINDER = 6;

export type PasswordProblem = 'auth:password.common' | 'auth:password.context';

/** How a password is compared and hashed: the same characters typed on any keyboard. */
export function normalisePassword(password: string): string {
  return password.normalize('NFKC');
}

function contextWords(who: { email?: string; name?: string }): string[] {
  const local = who.email?.split('@')[0] ?? '';
  const words = [...SERVICE_WORDS, local, ...local.split(/[._+-]+/), ...(who.name ?? '').split(/\s+/)];
  return (
    [...new Set(words.map((w) => normalisePassword(w).toLowerCase()).filter((w) => w.length >= 3))]
      // Longest first, so that "anna.virtanen" goes before "anna".
      .sort((a, b) => b.length - a.length)
  );
}

/** Null when the password may be used; otherwise the i18n key of the reason. */
export function passwordProblem(
  password: string,
  who: { email?: string; name?: string } = {},
): PasswordProblem | null {
  const lower = normalisePassword(password).toLowerCase();
  // "Password12!" is "password" with a suffix everyone tries.
  const stem = lower.replace(/[\p{N}\p{P}\p{S}\s]+$/u, '');
  if (COMMON.has(lower) || COMMON.has(stem)) return 'auth:password.common';
  let rest = lower;
  for (const word of contextWords(who)) rest = rest.split(word).join('');
  if (rest !== lower && rest.replace(/[\p{N}\p{P}\p{S}\s]/gu, '').length < MIN_REMAINDER)
    return 'auth:password.context';
  return null;
}
