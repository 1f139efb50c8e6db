import { appOrigin } from '~/env.server';

// A resident's quick-feedback link: /f/<code>. Codes are short enough to type from paper and
// use no look-alike characters (0/o, 1/l/i); 31^8 ≈ 8.5·10^11 makes them unguessable in practice,
// and the page is rate-limited besides.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const CODE_LENGTH = 8;

export function newFeedbackCode(): string {
  const bytes = new Uint8Array(CODE_LENGTH);
  crypto.getRandomValues(bytes);
  // 256 is not a multiple of 31: a byte ≥ 248 would make the first letters likelier; re-roll it.
  let code = '';
  for (const byte of bytes) {
    let b = byte;
    while (b >= 248) b = crypto.getRandomValues(new Uint8Array(1))[0]!;
    code += ALPHABET[b % ALPHABET.length];
  }
  return code;
}

export function isFeedbackCode(value: string): boolean {
  return /^[a-z0-9]{6,16}$/.test(value);
}

/** The link as printed and shown under the QR code. */
export function feedbackUrl(code: string): string {
  return `${appOrigin()}/f/${code}`;
}
