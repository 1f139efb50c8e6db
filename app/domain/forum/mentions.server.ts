import { db } from '~/db.server';
import { searchText } from '~/utils/forms.server';

/** Active members whose name contains the typed text, for @-mention suggestions. */
export async function mentionCandidates(query: string) {
  const q = searchText(50).parse(query);
  const members = await db.user.findMany({
    where: { status: 'active', ...(q ? { name: { contains: q, mode: 'insensitive' } } : {}) },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: 8,
    select: { id: true, name: true, organisation: { select: { name: true } } },
  });
  return members.map((m) => ({ id: m.id, name: m.name, organisation: m.organisation.name }));
}
