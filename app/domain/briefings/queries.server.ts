import type { AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import { isUuid } from '~/utils/ids';
import { isConfidential, visibleSql, visibleWhere } from './access.server';

// Reading briefings: the list, one briefing with its live version, and its history.

export type ReadState = 'unread' | 'read' | 'updated';

function readState(liveNumber: number, read: { versionNumber: number } | undefined): ReadState {
  if (!read) return 'unread';
  return read.versionNumber < liveNumber ? 'updated' : 'read';
}

export async function listBriefings(
  viewer: AuthUser,
  filter: { eserviceId?: string; publishedOnly?: boolean; take?: number } = {},
) {
  const rows = await db.briefing.findMany({
    where: {
      ...visibleWhere(viewer),
      ...(filter.eserviceId ? { eserviceId: filter.eserviceId } : {}),
      ...(filter.publishedOnly ? { status: 'published' } : {}),
    },
    orderBy: [{ launchAt: 'desc' }],
    take: filter.take ?? 100,
    select: {
      id: true,
      title: true,
      language: true,
      status: true,
      launchAt: true,
      liveNumber: true,
      eservice: { select: { slug: true, nameFi: true, nameSv: true, nameEn: true } },
      versions: { orderBy: { number: 'desc' }, take: 1, select: { title: true } },
      reads: { where: { userId: viewer.id }, select: { versionNumber: true } },
    },
  });
  const now = new Date();
  return rows.map((b) => ({
    id: b.id,
    // Readers see the live title; a draft's writers their working title.
    title: b.versions[0]?.title ?? b.title,
    language: b.language,
    status: b.status,
    launchAt: b.launchAt,
    confidential: isConfidential(b, now),
    eservice: b.eservice,
    state: b.status === 'published' ? readState(b.liveNumber, b.reads[0]) : null,
  }));
}

export async function findBriefing(viewer: AuthUser, id: string) {
  if (!isUuid(id)) return null;
  return db.briefing.findFirst({
    where: { id, ...visibleWhere(viewer) },
    include: {
      eservice: { select: { id: true, slug: true, nameFi: true, nameSv: true, nameEn: true } },
      event: { select: { id: true, titleFi: true, titleSv: true, titleEn: true, startsAt: true } },
      reads: { where: { userId: viewer.id }, select: { versionNumber: true, readAt: true } },
    },
  });
}
export type FoundBriefing = NonNullable<Awaited<ReturnType<typeof findBriefing>>>;

export async function liveVersion(b: FoundBriefing) {
  if (b.liveNumber < 1) return null;
  return db.briefingVersion.findUnique({
    where: { briefingId_number: { briefingId: b.id, number: b.liveNumber } },
    select: {
      number: true,
      title: true,
      forWhom: true,
      bodyHtml: true,
      knownProblems: true,
      adviceToResidents: true,
      changeNote: true,
      publishedAt: true,
    },
  });
}

type HistoryRow = { number: number; changeNote: string; publishedAt: Date; publishedBy: { name: string } };

/** The published versions, newest first, with who published each: one statement. */
export async function versionHistory(briefingId: string): Promise<HistoryRow[]> {
  return db.$queryRaw<HistoryRow[]>`
    SELECT v.number, v.change_note AS "changeNote", v.published_at AS "publishedAt",
           json_build_object('name', u.name) AS "publishedBy"
    FROM briefing_version v JOIN app_user u ON u.id = v.published_by_id
    WHERE v.briefing_id = ${briefingId}::uuid
    ORDER BY v.number DESC`;
}

export function myReadState(b: FoundBriefing): ReadState {
  return readState(b.liveNumber, b.reads[0]);
}

/** Published briefings presented at an event, for its page: titles only, to their audience. */
export async function briefingsForEvent(viewer: AuthUser, eventId: string) {
  // Raw, with the live version's title: on the event page Prisma's query compiler cost more
  // CPU than the read.
  const rows = await db.$queryRaw<{ id: string; language: string; launchAt: Date; title: string }[]>`
    SELECT b.id, b.language, b.launch_at AS "launchAt",
      coalesce((SELECT v.title FROM briefing_version v WHERE v.briefing_id = b.id ORDER BY v.number DESC LIMIT 1),
        b.title) AS title
    FROM briefing b
    WHERE b.event_id = ${eventId}::uuid AND b.status = 'published' AND ${visibleSql(viewer)}
    ORDER BY b.launch_at`;
  const now = new Date();
  return rows.map((b) => ({
    id: b.id,
    language: b.language,
    title: b.title,
    confidential: isConfidential(b, now),
  }));
}
