import { hash, verify } from '@node-rs/argon2';
import { normalisePassword } from './password-policy.server';

// OWASP password storage cheat sheet, argon2id option 2: m = 19 MiB, t = 2, p = 1.
const ARGON2ID = 2;
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes the NFKC form, so "ä" typed as one character or as "a" + a combining mark is one password. */
export function hashPassword(password: string): Promise<string> {
  return hash(normalisePassword(password), options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  const normalised = normalisePassword(password);
  try {
    if (await verify(passwordHash, normalised)) return true;
    // Hashes made before passwords were normalised hold the characters exactly as typed then.
    return normalised !== password && (await verify(passwordHash, password));
  } catch {
    return false;
  }
}

// Verifying against this keeps a login for an unknown address as slow as a real one,
// so response times do not reveal which addresses have accounts.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-password-for-timing');
  await verifyPassword(await dummyHash, password);
  return false;
}
