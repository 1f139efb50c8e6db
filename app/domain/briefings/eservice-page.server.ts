import { Prisma } from '~/generated/prisma/client';
import { can, type AuthUser } from '~/auth/guards.server';
import { part, readTogether } from '~/db/read-together.server';
import { OPEN_STATUSES } from '~/domain/feedback/constants';
import { visibleFeedbackSql } from '~/domain/feedback/access.server';
import { readableSql } from '~/domain/library/access.server';
import { shown } from '~/domain/reports/small-groups';
import { canManageBriefings, isConfidential, visibleSql } from './access.server';
import { eserviceHelp, eserviceName } from './eservices.server';
import { readState } from './queries.server';

// An e-service's page (issue 12): the service and its contact people, its briefings, the open
// problems most advisers have met, the library material and threads tagged with it and a year's
// sessions, in one statement. As Prisma model queries and separate reads these were thirteen
// statements and most of the page's CPU.

type ServiceRow = {
  id: string;
  slug: string;
  nameFi: string;
  nameSv: string;
  nameEn: string;
  helpFi: string;
  helpSv: string;
  helpEn: string;
  owner: string;
  status: string;
  /** A calendar day as JSON gives it (`2026-12-01`). */
  launchDate: string | null;
  publicUrl: string;
  contacts: { id: string; name: string; email: string }[];
};

type BriefingRow = {
  id: string;
  title: string;
  language: string;
  status: string;
  launchAt: string;
  liveNumber: number;
  readVersion: number | null;
};

type ProblemRow = {
  id: string;
  whatHappened: string;
  status: string;
  seenCount: number;
  mine: boolean;
  seen: boolean;
};

type MaterialRow = { slug: string; title: string; language: string; groupId: string };
type ThreadRow = { id: string; title: string; language: string };

/** The e-service at `slug` as its page shows it to `viewer`; null when there is none. */
export async function eservicePage(viewer: AuthUser, slug: string, language: string, now = new Date()) {
  const serviceId = Prisma.sql`(SELECT id FROM eservice WHERE slug = ${slug})`;
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  const [service, briefings, problems, materials, threads, sessions] = await readTogether(
    part<ServiceRow, ServiceRow | null>(
      Prisma.sql`
        SELECT s.id, s.slug, s.name_fi AS "nameFi", s.name_sv AS "nameSv", s.name_en AS "nameEn",
          s.help_fi AS "helpFi", s.help_sv AS "helpSv", s.help_en AS "helpEn", s.owner, s.status,
          s.launch_date AS "launchDate", s.public_url AS "publicUrl",
          (SELECT coalesce(json_agg(json_build_object('id', u.id, 'name', u.name, 'email', u.email)
                                    ORDER BY u.name, u.id), '[]'::json)
           FROM eservice_contact c JOIN app_user u ON u.id = c.user_id WHERE c.eservice_id = s.id) AS contacts
        FROM eservice s WHERE s.slug = ${slug}`,
      Prisma.sql`r.id`,
      (rows) => rows[0] ?? null,
    ),
    // Readers see the live title; a draft's writers their working title.
    part<BriefingRow, BriefingRow[]>(
      Prisma.sql`
        SELECT b.id, coalesce((SELECT v.title FROM briefing_version v WHERE v.briefing_id = b.id
                               ORDER BY v.number DESC LIMIT 1), b.title) AS title,
          b.language, b.status, b.launch_at AS "launchAt", b.live_number AS "liveNumber",
          (SELECT r.version_number FROM briefing_read r WHERE r.briefing_id = b.id AND r.user_id = ${viewer.id}::uuid) AS "readVersion"
        FROM briefing b
        WHERE b.eservice_id = ${serviceId} AND ${visibleSql(viewer, 'b')}
        ORDER BY b.launch_at DESC, b.id LIMIT 100`,
      Prisma.sql`r."launchAt" DESC, r.id`,
      (rows) => rows,
    ),
    // Open problems most advisers have met, for everyone on the page.
    part<ProblemRow & { createdAt: string }, ProblemRow[]>(
      Prisma.sql`
        SELECT f.id, left(f.what_happened, 160) AS "whatHappened", f.status, f.seen_count AS "seenCount",
          f.created_at AS "createdAt", f.reporter_id = ${viewer.id}::uuid AS mine,
          EXISTS (SELECT 1 FROM feedback_seen s WHERE s.feedback_id = f.id AND s.user_id = ${viewer.id}::uuid) AS seen
        FROM field_feedback f
        WHERE f.eservice_id = ${serviceId} AND f.status = ANY(${OPEN_STATUSES}::text[])
          AND ${visibleFeedbackSql(viewer, 'f')}
        ORDER BY f.seen_count DESC, f.created_at DESC, f.id LIMIT 5`,
      Prisma.sql`r."seenCount" DESC, r."createdAt" DESC, r.id`,
      (rows) => rows.map(({ createdAt: _, ...problem }) => problem),
    ),
    // One version of each material, in the reader's language where there is one: the twenty
    // newest materials (a LIMIT on versions could cut a group between its languages).
    part<MaterialRow & { publishedAt: string; id: string }, MaterialRow[]>(
      Prisma.sql`
        SELECT * FROM (
          SELECT DISTINCT ON (m.group_id) m.id, m.slug, m.title, m.language, m.group_id AS "groupId",
            m.published_at AS "publishedAt"
          FROM library_material m
          WHERE m.eservice_tags @> ARRAY[${slug}]::text[] AND m.status = 'published' AND ${readableSql(viewer, 'm')}
          ORDER BY m.group_id, m.language = ${language} DESC, m.published_at DESC, m.id
        ) g ORDER BY g."publishedAt" DESC, g.id LIMIT 20`,
      Prisma.sql`r."publishedAt" DESC, r.id`,
      (rows) =>
        rows.map(({ slug: s, title, language: l, groupId }) => ({ slug: s, title, language: l, groupId })),
    ),
    // The tagged threads first, through their tag index, then the newest of them: asked as one
    // query PostgreSQL walked every thread newest first looking for tagged ones (20,000 in the
    // national data: 10-15 ms for a service few or no threads are tagged with).
    part<ThreadRow & { lastPostAt: string }, ThreadRow[]>(
      Prisma.sql`
        WITH tagged AS MATERIALIZED (
          SELECT id, title, language, last_post_at FROM forum_thread
          WHERE eservice_tags @> ARRAY[${slug}]::text[] AND hidden_at IS NULL
        )
        SELECT id, title, language, last_post_at AS "lastPostAt" FROM tagged ORDER BY last_post_at DESC, id LIMIT 10`,
      Prisma.sql`r."lastPostAt" DESC, r.id`,
      (rows) => rows.map(({ id, title, language: l }) => ({ id, title, language: l })),
    ),
    // Network-wide, under the small-group rule.
    part<{ n: number }, number | null>(
      Prisma.sql`SELECT count(*)::int AS n FROM guidance_session
        WHERE eservice_id = ${serviceId} AND date >= ${yearAgo}::date`,
      Prisma.sql`r.n`,
      (rows) => shown(rows[0]?.n ?? 0, true),
    ),
  );
  if (!service) return null;
  const { nameFi, nameSv, nameEn } = service;
  return {
    service: {
      slug: service.slug,
      name: eserviceName(service, language),
      help: eserviceHelp(service, language),
      owner: service.owner,
      status: service.status,
      launchDate: service.launchDate === null ? null : new Date(service.launchDate),
      publicUrl: service.publicUrl,
      contacts: service.contacts,
    },
    serviceId: service.id,
    briefings: briefings.map((b) => {
      const launchAt = new Date(b.launchAt);
      return {
        id: b.id,
        title: b.title,
        language: b.language,
        status: b.status,
        launchAt,
        confidential: isConfidential({ launchAt }, now),
        eservice: { slug: service.slug, nameFi, nameSv, nameEn },
        state:
          b.status === 'published'
            ? readState(b.liveNumber, b.readVersion === null ? undefined : { versionNumber: b.readVersion })
            : null,
      };
    }),
    problems,
    sessions,
    materials,
    threads,
    // Coordinators write for any e-service; a rep only for the e-services they are a contact of.
    canWrite:
      canManageBriefings(viewer) ||
      (can(viewer, 'briefings:write') && service.contacts.some((c) => c.id === viewer.id)),
  };
}
