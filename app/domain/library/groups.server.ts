import type { AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import { readableWhere } from './access.server';
import { containsPattern } from '~/utils/sql';

// Paths and events point at a material group, not one language version; each reader is shown
// the version in their language, else Finnish, else any they may read, with their reading state.

export type GroupMaterial = {
  groupId: string;
  slug: string;
  title: string;
  language: string;
  status: string;
  state: 'todo' | 'done' | 'updated';
};

/** The reader's material of each group they may read (groups they may not read are left out). */
export async function materialsForGroups(viewer: AuthUser, groupIds: string[], language: string) {
  if (!groupIds.length) return new Map<string, GroupMaterial>();
  const materials = await db.libraryMaterial.findMany({
    where: { groupId: { in: groupIds }, liveNumber: { gt: 0 }, ...readableWhere(viewer) },
    select: {
      id: true,
      groupId: true,
      slug: true,
      title: true,
      language: true,
      status: true,
      liveNumber: true,
      completions: { where: { userId: viewer.id }, select: { versionNumber: true } },
    },
  });
  const rank = (l: string) => (l === language ? 0 : l === 'fi' ? 1 : 2);
  const found = new Map<string, GroupMaterial>();
  for (const m of materials.sort((a, b) => rank(a.language) - rank(b.language))) {
    const existing = found.get(m.groupId);
    const done = m.completions[0];
    const state: GroupMaterial['state'] = done
      ? done.versionNumber < m.liveNumber
        ? 'updated'
        : 'done'
      : 'todo';
    if (!existing) {
      found.set(m.groupId, {
        groupId: m.groupId,
        slug: m.slug,
        title: m.title,
        language: m.language,
        status: m.status,
        state,
      });
    } else if (existing.state === 'todo' && state !== 'todo') {
      // Read in another language: it still counts, shown on the preferred one.
      existing.state = state;
    }
  }
  return found;
}

/** Published material groups whose title matches, in the searcher's language first (for pickers). */
export async function findMaterialGroups(query: string, language: string, exclude: string[], limit = 10) {
  const rows = await db.$queryRaw<{ group_id: string; title: string; language: string }[]>`
    SELECT group_id, title, language FROM (
      SELECT DISTINCT ON (group_id) group_id, title, language FROM library_material
      WHERE status = 'published' AND NOT (group_id = ANY(${exclude}::uuid[]))
        AND group_id IN (SELECT group_id FROM library_material WHERE status = 'published' AND title ILIKE ${containsPattern(query)})
      ORDER BY group_id, (language = ${language}) DESC, (language = 'fi') DESC
    ) g ORDER BY title LIMIT ${limit}::int`;
  return rows.map((r) => ({ groupId: r.group_id, title: r.title, language: r.language }));
}
