import type { AuthUser } from '~/auth/guards.server';
import type { Prisma } from '~/generated/prisma/client';
import { db } from '~/db.server';
import { isUuid } from '~/utils/ids';
import { isConfidential, visibleSql, visibleWhere } from './access.server';

// Reading briefings: the list, one briefing with its live version, and its history.

export type ReadState = 'unread' | 'read' | 'updated';

export function readState(liveNumber: number, read: { versionNumber: number } | undefined): ReadState {
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

type BriefingRow = {
  id: string;
  eserviceId: string;
  eventId: string | null;
  language: string;
  status: string;
  launchAt: Date;
  audience: string;
  audienceOrgIds: string[];
  audienceRoles: string[];
  title: string;
  forWhom: string;
  body: Prisma.JsonValue;
  knownProblems: string;
  adviceToResidents: string;
  liveNumber: number;
  publishedAt: Date | null;
  remindedAt: Date | null;
  createdById: string;
  createdAt: Date;
  updatedAt: Date;
  eservice: { id: string; slug: string; nameFi: string; nameSv: string; nameEn: string };
  event: { id: string; titleFi: string; titleSv: string; titleEn: string; startsAt: Date } | null;
  /** The viewer's reading, if any (one at most). */
  reads: { versionNumber: number; readAt: Date }[];
};

type FlatBriefingRow = Omit<BriefingRow, 'eservice' | 'event' | 'reads'> & {
  s_slug: string;
  s_name_fi: string;
  s_name_sv: string;
  s_name_en: string;
  e_title_fi: string | null;
  e_title_sv: string | null;
  e_title_en: string | null;
  e_starts_at: Date | null;
  r_version_number: number | null;
  r_read_at: Date | null;
};

/**
 * A briefing the viewer may see, with its e-service, its event and the viewer's reading: one
 * statement, in SQL through `visibleSql` (checked against `visibleWhere` in
 * tests/integration/access-rules-sql.test.ts). As a Prisma query, compiling it was an eighth of
 * the briefing page's server CPU in a profile.
 */
export async function findBriefing(viewer: AuthUser, id: string): Promise<BriefingRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.$queryRaw<FlatBriefingRow[]>`
    SELECT b.id, b.eservice_id AS "eserviceId", b.event_id AS "eventId", b.language, b.status,
      b.launch_at AS "launchAt", b.audience, b.audience_org_ids AS "audienceOrgIds",
      b.audience_roles AS "audienceRoles", b.title, b.for_whom AS "forWhom", b.body,
      b.known_problems AS "knownProblems", b.advice_to_residents AS "adviceToResidents",
      b.live_number AS "liveNumber", b.published_at AS "publishedAt", b.reminded_at AS "remindedAt",
      b.created_by_id AS "createdById", b.created_at AS "createdAt", b.updated_at AS "updatedAt",
      s.slug AS s_slug, s.name_fi AS s_name_fi, s.name_sv AS s_name_sv, s.name_en AS s_name_en,
      e.title_fi AS e_title_fi, e.title_sv AS e_title_sv, e.title_en AS e_title_en, e.starts_at AS e_starts_at,
      r.version_number AS r_version_number, r.read_at AS r_read_at
    FROM briefing b
    JOIN eservice s ON s.id = b.eservice_id
    LEFT JOIN event e ON e.id = b.event_id
    LEFT JOIN briefing_read r ON r.briefing_id = b.id AND r.user_id = ${viewer.id}::uuid
    WHERE b.id = ${id}::uuid AND ${visibleSql(viewer)}`;
  if (!row) return null;
  const {
    s_slug,
    s_name_fi,
    s_name_sv,
    s_name_en,
    e_title_fi,
    e_title_sv,
    e_title_en,
    e_starts_at,
    ...rest
  } = row;
  const { r_version_number, r_read_at, ...briefing } = rest;
  return {
    ...briefing,
    eservice: { id: row.eserviceId, slug: s_slug, nameFi: s_name_fi, nameSv: s_name_sv, nameEn: s_name_en },
    event:
      row.eventId && e_starts_at
        ? {
            id: row.eventId,
            titleFi: e_title_fi!,
            titleSv: e_title_sv!,
            titleEn: e_title_en!,
            startsAt: e_starts_at,
          }
        : null,
    reads: r_version_number === null ? [] : [{ versionNumber: r_version_number, readAt: r_read_at! }],
  };
}
export type FoundBriefing = BriefingRow;

type LiveVersion = {
  number: number;
  title: string;
  forWhom: string;
  bodyHtml: string;
  knownProblems: string;
  adviceToResidents: string;
  changeNote: string;
  publishedAt: Date;
};

export async function liveVersion(b: FoundBriefing): Promise<LiveVersion | null> {
  if (b.liveNumber < 1) return null;
  const [version] = await db.$queryRaw<LiveVersion[]>`
    SELECT v.number, v.title, v.for_whom AS "forWhom", v.body_html AS "bodyHtml",
      v.known_problems AS "knownProblems", v.advice_to_residents AS "adviceToResidents",
      v.change_note AS "changeNote", v.published_at AS "publishedAt"
    FROM briefing_version v WHERE v.briefing_id = ${b.id}::uuid AND v.number = ${b.liveNumber}::int`;
  return version ?? null;
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
