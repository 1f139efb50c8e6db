import type { Tx } from '~/db.server';
import { indexDocument, removeDocument } from '~/domain/search/search.server';
import { isConfidential } from './access.server';

// A published briefing in the shared search index. While it is confidential the row holds only
// the title (so no snippet can show its text); the launch job adds the text. A briefing for
// selected roles has no row, as with events (ADR 009): the index cannot express a set of roles.

export const BRIEFING_KIND = 'briefing';

export async function reindexBriefing(tx: Tx, briefingId: string, now = new Date()) {
  const b = await tx.briefing.findUnique({
    where: { id: briefingId },
    select: {
      id: true,
      status: true,
      language: true,
      launchAt: true,
      audience: true,
      audienceOrgIds: true,
      liveNumber: true,
      createdById: true,
      publishedAt: true,
      versions: { orderBy: { number: 'desc' }, take: 1 },
    },
  });
  const live = b?.versions[0];
  if (!b || b.status !== 'published' || !live || b.audience === 'roles') {
    await removeDocument(tx, BRIEFING_KIND, briefingId);
    return;
  }
  await indexDocument(tx, {
    kind: BRIEFING_KIND,
    sourceId: b.id,
    language: b.language,
    title: live.title,
    body: isConfidential(b, now)
      ? ''
      : [live.forWhom, live.bodyText, live.knownProblems, live.adviceToResidents].filter(Boolean).join('\n'),
    url: `/briefings/${b.id}`,
    authorId: b.createdById,
    orgIds: b.audience === 'organisations' ? b.audienceOrgIds : [],
    publishedAt: b.publishedAt ?? new Date(),
  });
}
