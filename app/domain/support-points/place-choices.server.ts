import { Prisma } from '~/generated/prisma/client';
import type { AuthUser } from '~/auth/guards.server';
import { part, readTogether } from '~/db/read-together.server';
import { POINT_LIST_MAX } from '~/domain/reports/point-choices';
import { isUuid } from '~/utils/ids';

// The support points a member's form offers (the guidance log, the profile, a referral slip, an
// event, the people directory's filter). A network of the usual size (~150 places) lists them
// all. A large one (the national data has 1,500: a select of them was 240 KB of a phone's page,
// 1,529 checkboxes were 457 KB, and neither could be used) lists the member's own places and
// those `chosen`; any other is a tap away from its page in the support point directory, which
// finds places by name, district, kind and language and links back to the form with the place
// ("Log a session here", "Add to my support points", "Refer a resident here", …). The limit is
// the dashboards' filter's (POINT_LIST_MAX, domain/reports/point-choices.ts).

export type PlaceChoice = { id: string; slug: string; name: string; district: string };
/** With `near`, each place says whether it is one of the member's own (not merely chosen). */
export type NearPlaceChoice = PlaceChoice & { own: boolean };

/**
 * The places as a readTogether part, active ones in name order. A member's own: their profile's,
 * those they logged a session at in the last year and the last one, their help shifts' of the
 * last year, their organisation's; and `chosen` (ids or slugs: the entry's or the event's own, or
 * one picked in the directory). `near`: also every place in the districts of their profile's
 * places (a referral sends a resident somewhere near where the adviser usually is), each
 * marked whether it is one of the former (`own`).
 */
export function placesPart(member: AuthUser, chosen: string[] = [], { near = false } = {}) {
  const me = Prisma.sql`${member.id}::uuid`;
  const ids = chosen.filter(isUuid);
  const slugs = chosen.filter((c) => c && !isUuid(c));
  return part(
    Prisma.sql`
      WITH counted AS (SELECT count(*)::int AS active FROM support_point WHERE active),
      profile AS (SELECT support_point_id AS id FROM user_support_point WHERE user_id = ${me}),
      own AS (
        SELECT id FROM profile
        UNION SELECT support_point_id FROM guidance_session
          WHERE adviser_id = ${me} AND created_at > now() - interval '1 year' AND support_point_id IS NOT NULL
        -- The last entry's, however old: the log form starts from it (entryDefaults).
        UNION (SELECT support_point_id FROM guidance_session WHERE adviser_id = ${me}
          ORDER BY created_at DESC LIMIT 1)
        -- Each shift's slot looked up by its key: as a join, PostgreSQL hashed all the network's
        -- slots (6,000 in the national data, 2 ms) for the few dozen shifts of one member.
        UNION SELECT (SELECT h.support_point_id FROM help_slot h WHERE h.id = s.slot_id) FROM shift s
          WHERE s.user_id = ${me} AND s.date > current_date - 365
        UNION SELECT id FROM support_point WHERE host_organisation_id = ${member.organisationId}::uuid
      ),
      listed AS (
        SELECT id FROM own
        UNION SELECT unnest(${ids}::uuid[])
        ${slugs.length ? Prisma.sql`UNION SELECT id FROM support_point WHERE slug = ANY(${slugs}::text[])` : Prisma.empty}
        ${
          near
            ? Prisma.sql`UNION SELECT p.id FROM support_point p WHERE p.active
                AND p.district IN (SELECT o.district FROM support_point o JOIN profile USING (id))`
            : Prisma.empty
        }
      )
      -- One row at least, to carry the count (a new member of a large network has no places yet).
      SELECT p.id, p.slug, p.name, p.district, c.active > ${POINT_LIST_MAX}::int AS shortened
        ${near ? Prisma.sql`, p.id IN (SELECT id FROM own) AS own` : Prisma.empty}
      FROM counted c
      LEFT JOIN support_point p ON p.active
        AND (c.active <= ${POINT_LIST_MAX}::int OR p.id IN (SELECT id FROM listed))`,
    Prisma.sql`r.name, r.id`,
    (rows: (Partial<NearPlaceChoice> & { shortened: boolean })[]) => ({
      places: rows.flatMap(({ id, slug, name, district, own }) =>
        id ? [{ id, slug: slug!, name: name!, district: district!, ...(near ? { own: own! } : {}) }] : [],
      ),
      shortened: rows[0]?.shortened ?? false,
    }),
  );
}

/** The places a member's form offers (placesPart), read on their own. */
export async function placeChoices(
  member: AuthUser,
  chosen: string[] = [],
  options: { near?: boolean } = {},
) {
  const [choices] = await readTogether(placesPart(member, chosen, options));
  return choices;
}
