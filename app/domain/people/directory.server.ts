import { Prisma } from '~/generated/prisma/client';
import { part } from '~/db/read-together.server';
import { db } from '~/db.server';
import { isUuid } from '~/utils/ids';
import { containsPattern, pageWindow } from '~/utils/sql';
import { PEOPLE_PAGE_SIZE, type DirectoryField, type Person } from './constants';
import type { DirectoryFilter } from './schema.server';
import { sortedRoles } from '~/auth/roles';

// The member directory (issue 21): every active member by name, and by what they chose to
// show. A field a member keeps hidden is never sent, and never matched either: a search by a
// hidden field would tell what it holds.

type PersonRow = {
  id: string;
  name: string;
  roles: string[];
  shows: DirectoryField[];
  organisation: string;
  adviseLanguages: string[];
  knowDevices: string[];
  knowTopics: string[];
  email: string;
  phone: string;
  supportPoints: { slug: string; name: string }[];
};

function shown(row: PersonRow): Person {
  const has = (field: DirectoryField) => row.shows.includes(field);
  return {
    id: row.id,
    name: row.name,
    roles: sortedRoles(row.roles),
    ...(has('organisation') ? { organisation: row.organisation } : {}),
    ...(has('languages') ? { adviseLanguages: row.adviseLanguages } : {}),
    ...(has('supportPoints') ? { supportPoints: row.supportPoints } : {}),
    ...(has('skills') ? { knowDevices: row.knowDevices, knowTopics: row.knowTopics } : {}),
    ...(has('email') ? { email: row.email } : {}),
    ...(has('phone') && row.phone ? { phone: row.phone } : {}),
  };
}

const personColumns = Prisma.sql`u.id, u.name,
  ARRAY(SELECT r.key FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE ur.user_id = u.id) AS roles,
  u.directory_shows AS shows, o.name AS organisation,
  u.advise_languages AS "adviseLanguages", u.know_devices AS "knowDevices", u.know_topics AS "knowTopics",
  u.email, u.phone,
  coalesce((SELECT json_agg(json_build_object('slug', p.slug, 'name', p.name) ORDER BY p.name)
    FROM user_support_point usp JOIN support_point p ON p.id = usp.support_point_id AND p.active
    WHERE usp.user_id = u.id), '[]') AS "supportPoints"`;

/** One page of the directory and how many match: a part of the page's one statement. */
export function searchPeoplePart(filter: DirectoryFilter, page: number) {
  const conditions = [Prisma.sql`u.status = 'active'`];
  if (filter.q) conditions.push(Prisma.sql`u.name ILIKE ${containsPattern(filter.q)}`);
  if (filter.organisation)
    conditions.push(
      Prisma.sql`'organisation' = ANY(u.directory_shows) AND u.organisation_id = ${filter.organisation}::uuid`,
    );
  // Language, device and topic as `@>`, which their indexes answer (migration 20261206160000).
  if (filter.language)
    conditions.push(
      Prisma.sql`'languages' = ANY(u.directory_shows) AND u.advise_languages @> ARRAY[${filter.language}]::text[]`,
    );
  if (filter.point)
    conditions.push(Prisma.sql`'supportPoints' = ANY(u.directory_shows) AND EXISTS (
      SELECT 1 FROM user_support_point usp WHERE usp.user_id = u.id AND usp.support_point_id = ${filter.point}::uuid)`);
  if (filter.device)
    conditions.push(
      Prisma.sql`'skills' = ANY(u.directory_shows) AND u.know_devices @> ARRAY[${filter.device}]::text[]`,
    );
  if (filter.topic)
    conditions.push(
      Prisma.sql`'skills' = ANY(u.directory_shows) AND u.know_topics @> ARRAY[${filter.topic}]::text[]`,
    );
  if (filter.role)
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM user_role ur JOIN role r ON r.id = ur.role_id
      WHERE ur.user_id = u.id AND r.key = ${filter.role})`);
  // The page's members and the count first, their columns (roles, places) for those alone: with
  // the columns beside the count, they were worked out for every match (10,000 in the national
  // data; 17 ms of PostgreSQL's time per page). The page walks the index of active members by
  // name (migration 20261206140000) and the count is its own, so neither sorts every member; a
  // page past the last still says how many there are.
  const where = Prisma.join(conditions, ' AND ');
  return part<(PersonRow | { [K in keyof PersonRow]: null }) & { total: number }, PeoplePage>(
    Prisma.sql`
    WITH matched AS (
      SELECT u.id
      FROM app_user u
      WHERE ${where}
      ORDER BY u.name, u.id
      ${pageWindow(PEOPLE_PAGE_SIZE, (page - 1) * PEOPLE_PAGE_SIZE)}
    )
    SELECT ${personColumns}, n.total
    FROM (SELECT count(*)::int AS total FROM app_user u WHERE ${where}) n
    LEFT JOIN matched m ON true
    LEFT JOIN app_user u ON u.id = m.id
    LEFT JOIN organisation o ON o.id = u.organisation_id`,
    Prisma.sql`r.name, r.id`,
    (rows) => {
      const total = rows[0]?.total ?? 0;
      return {
        people: rows.flatMap((row) => (row.id === null ? [] : [shown(row)])),
        total,
        pages: Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE)),
      };
    },
  );
}

type PeoplePage = { people: Person[]; total: number; pages: number };

/**
 * A member's directory page: what they show, their latest answers in the forum that any
 * member can open, and how many of their answers were accepted. Null for a deactivated or
 * unknown member (a 404).
 */
export async function personPage(id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db.$queryRaw<PersonRow[]>`
    SELECT ${personColumns}
    FROM app_user u JOIN organisation o ON o.id = u.organisation_id
    WHERE u.id = ${id}::uuid AND u.status = 'active'`;
  if (!row) return null;
  // Forum threads are open to every member; hidden, removed and merged ones are not listed.
  const findable = {
    authorId: id,
    isQuestion: false,
    deletedAt: null,
    hiddenAt: null,
    thread: { hiddenAt: null, mergedIntoId: null },
  } as const;
  const [answers, accepted] = await Promise.all([
    db.forumPost.findMany({
      where: findable,
      orderBy: { createdAt: 'desc' },
      take: 5,
      select: { id: true, createdAt: true, thread: { select: { id: true, title: true } } },
    }),
    db.forumThread.count({
      where: { hiddenAt: null, mergedIntoId: null, acceptedPost: { is: { ...findable } } },
    }),
  ]);
  return { person: shown(row), answers, accepted };
}
