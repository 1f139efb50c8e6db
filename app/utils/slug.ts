/** "Kallion kirjasto" -> "kallion-kirjasto": lower-case ASCII words joined by hyphens. */
export function slugify(name: string, fallback: string, maxLength = 60): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  return base || fallback;
}

/** `base`, or `base-2`, `base-3`… : the first that is not taken. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
