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
