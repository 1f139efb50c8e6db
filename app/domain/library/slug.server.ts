import type { Tx } from '~/db.server';
import { firstFreeSlug, slugify } from '~/utils/slug';
import { isReservedSlug } from './schema.server';

/** "OmaKanta: kirjautuminen" -> "omakanta-kirjautuminen"; unique among materials. */
export async function uniqueSlug(tx: Tx, title: string, language: string) {
  const base = slugify(title, `material-${language}`, 70);
  const start = isReservedSlug(base) ? `${base}-${language}` : base;
  const taken = new Set(
    (
      await tx.libraryMaterial.findMany({ where: { slug: { startsWith: start } }, select: { slug: true } })
    ).map((m) => m.slug),
  );
  if (!taken.has(start)) return start;
  if (!taken.has(`${start}-${language}`)) return `${start}-${language}`;
  return firstFreeSlug(start, taken);
}
