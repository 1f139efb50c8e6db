// The privacy notice is drawn from the data inventory: every table that refers to a member must
// be in one of its categories, so the notice cannot fall behind the schema unnoticed.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { PRIVACY_CATEGORIES } from '~/domain/privacy/inventory';
import { LANGUAGES } from '~/i18n/config';

describe('the privacy notice', () => {
  it('names every table that refers to a member, once, and only tables that exist', async () => {
    const referring = await db.$queryRaw<{ table_name: string }[]>`
      SELECT DISTINCT tc.table_name::text AS table_name
      FROM information_schema.table_constraints tc
      JOIN information_schema.constraint_column_usage ccu
        ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
      WHERE tc.constraint_type = 'FOREIGN KEY' AND ccu.table_name = 'app_user'
        AND tc.table_schema = current_schema()`;
    const tables = await db.$queryRaw<{ table_name: string }[]>`
      SELECT table_name::text AS table_name FROM information_schema.tables WHERE table_schema = current_schema()`;
    const listed = PRIVACY_CATEGORIES.flatMap((c) => c.tables);
    expect(new Set(listed).size, 'a table in two categories').toBe(listed.length);
    const missing = ['app_user', ...referring.map((r) => r.table_name)].filter((t) => !listed.includes(t));
    expect(missing, 'tables about members that the notice does not mention').toEqual([]);
    const existing = new Set(tables.map((t) => t.table_name));
    expect(listed.filter((t) => !existing.has(t))).toEqual([]);
    // A sample of the ones that hold addresses without referring to a member row.
    expect(listed).toEqual(expect.arrayContaining(['email', 'rate_limit', 'search_document']));
  });

  it('explains every category in every language', () => {
    for (const language of LANGUAGES) {
      const strings = JSON.parse(fs.readFileSync(`locales/${language}/privacy.json`, 'utf8')) as {
        categories: Record<string, { title: string; what: string; kept: string }>;
      };
      for (const { key } of PRIVACY_CATEGORIES) {
        const c = strings.categories[key];
        expect(c?.title && c.what && c.kept, `${language} ${key}`).toBeTruthy();
      }
    }
  });
});
