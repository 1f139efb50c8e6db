// The visibility rules that exist twice, once for the query builder and once in SQL (for the
// statements it cannot say in one round trip: the home feed, the library list), must pick the
// same rows for every kind of member. Rows of every audience, status and relation, read by
// members of every role, from two organisations.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { memberById, type AuthUser } from '~/auth/guards.server';
import type { RoleKey } from '~/auth/roles';
import { db } from '~/db.server';
import { Prisma } from '~/generated/prisma/client';
import { readableSql, readableWhere } from '~/domain/library/access.server';
import { visibleSql as eventSql, visibleWhere as eventWhere } from '~/domain/events/access.server';
import { visibleSql as briefingSql, visibleWhere as briefingWhere } from '~/domain/briefings/access.server';
import { visibleFeedbackSql, visibleFeedbackWhere } from '~/domain/feedback/access.server';
import {
  visibleTo as memberVisibleTo,
  visibleToSql as memberVisibleToSql,
} from '~/domain/members/members.server';
import {
  unreadAnnouncements,
  visibleWhere as announcementWhere,
} from '~/domain/announcements/announcements.server';
import { makeOrganisation, makeUser } from '#tests/factories';

const ROLES: RoleKey[] = ['adviser', 'trainer', 'eservice_rep', 'org_admin', 'coordinator', 'admin'];
const viewers: AuthUser[] = [];
let orgA = '';
let orgB = '';
const ids = {
  materials: [] as string[],
  events: [] as string[],
  briefings: [] as string[],
  feedback: [] as string[],
};

const sorted = (list: string[]) => [...list].sort();
/** What each viewer saw, per rule: the rows must tell members apart, or agreeing proves little. */
const seen = new Map<string, Set<string>>();
function agree(rule: string, viewer: AuthUser, raw: string[], built: string[]) {
  expect(sorted(raw), `${rule}, ${viewer.roles.join('+')}`).toEqual(sorted(built));
  seen.set(rule, (seen.get(rule) ?? new Set()).add(sorted(built).join()));
}

beforeAll(async () => {
  orgA = (await makeOrganisation(db)).id;
  orgB = (await makeOrganisation(db)).id;
  for (const org of [orgA, orgB])
    for (const role of ROLES)
      viewers.push((await memberById((await makeUser(db, { role, organisationId: org })).id))!);
  const author = viewers[0]!;
  const organiser = viewers.find((v) => v.roles.join() === 'adviser' && v.organisationId === orgB)!;
  const rep = viewers.find((v) => v.roles.includes('eservice_rep') && v.organisationId === orgA)!;

  const audiences = [
    { audience: 'all', audienceOrgIds: [] as string[], audienceRoles: [] as string[] },
    { audience: 'organisations', audienceOrgIds: [orgA], audienceRoles: [] },
    { audience: 'organisations', audienceOrgIds: [orgB, orgA], audienceRoles: [] },
    { audience: 'roles', audienceOrgIds: [], audienceRoles: ['trainer'] },
    { audience: 'roles', audienceOrgIds: [], audienceRoles: ['coordinator', 'eservice_rep'] },
  ];

  for (const status of ['draft', 'published', 'archived', 'scheduled'])
    for (const audience of ['all', 'trainers', 'organisations']) {
      const groupId = (await db.libraryGroup.create({ data: {} })).id;
      const m = await db.libraryMaterial.create({
        data: {
          groupId,
          slug: `saanto-${groupId}`,
          language: 'fi',
          title: 'Sääntö',
          draftTitle: 'Sääntö',
          draftBody: {},
          type: 'guide',
          createdById: author.id,
          status,
          audience,
          audienceOrgIds: audience === 'organisations' ? [orgA] : [],
        },
      });
      ids.materials.push(m.id);
    }

  for (const a of audiences) {
    const e = await db.event.create({
      data: {
        type: 'meetup',
        startsAt: new Date(Date.now() + 86_400_000),
        endsAt: new Date(Date.now() + 90_000_000),
        placeKind: 'online',
        createdById: author.id,
        ...a,
      },
    });
    ids.events.push(e.id);
  }
  // Not for anyone's audience but seen by the one who created it and the one who organises it.
  const own = await db.event.create({
    data: {
      type: 'meetup',
      startsAt: new Date(),
      endsAt: new Date(),
      placeKind: 'online',
      createdById: organiser.id,
      audience: 'roles',
      audienceRoles: ['admin'],
    },
  });
  const organised = await db.event.create({
    data: {
      type: 'meetup',
      startsAt: new Date(),
      endsAt: new Date(),
      placeKind: 'online',
      createdById: author.id,
      audience: 'organisations',
      audienceOrgIds: [randomUUID()],
      organisers: { create: { userId: organiser.id } },
    },
  });
  ids.events.push(own.id, organised.id);

  const [contactOf, other] = await Promise.all(
    ['a', 'b'].map((s) =>
      db.eService.create({ data: { slug: `saanto-${s}-${randomUUID()}`, nameFi: 'Palvelu' } }),
    ),
  );
  await db.eServiceContact.create({ data: { eserviceId: contactOf!.id, userId: rep.id } });
  for (const eservice of [contactOf!, other!])
    for (const status of ['draft', 'published'])
      for (const a of audiences) {
        const b = await db.briefing.create({
          data: {
            eserviceId: eservice.id,
            launchAt: new Date(),
            title: 'Ennakko',
            createdById: author.id,
            status,
            ...a,
          },
        });
        ids.briefings.push(b.id);
      }
  // A report from each briefing (seen by those who may read it) and one from none (seen by all).
  for (const briefingId of [null, ...ids.briefings]) {
    const f = await db.fieldFeedback.create({
      data: {
        eserviceId: contactOf!.id,
        briefingId,
        reporterId: author.id,
        whatHappened: 'Ei toimi',
        device: 'android',
        frequency: 'often',
        severity: 'blocks',
      },
    });
    ids.feedback.push(f.id);
  }
  for (const org of [orgA, orgB]) {
    const gone = await makeUser(db, { role: 'adviser', organisationId: org });
    await db.user.update({ where: { id: gone.id }, data: { erasedAt: new Date(), status: 'deactivated' } });
    erased.push(gone.id);
  }
  for (const [i, a] of audiences.entries())
    await db.announcement.create({
      data: {
        title: `Tiedote ${i}`,
        body: 'Teksti',
        language: 'fi',
        createdById: author.id,
        endedAt: i === 0 ? new Date() : null,
        ...a,
      },
    });
});

/** The member rule's scope as `requirePermission(…, 'member:read')` gives it (its own organisation without one). */
const scopeOf = (v: AuthUser) => v.permissions['member:read'] ?? 'organisation';
/** Every viewer and an erased member of each organisation. */
const memberIds = () => [...viewers.map((v) => v.id), ...erased];
const erased: string[] = [];

const only = (list: string[]) =>
  Prisma.sql`id IN (${Prisma.join(list.map((id) => Prisma.sql`${id}::uuid`))})`;

const idsOf = (rows: { id: string }[]) => rows.map((r) => r.id);

/** Each rule: the rows the query builder's form picks, and the rows the SQL form picks. */
const RULES: Record<string, { built(v: AuthUser): Promise<string[]>; raw(v: AuthUser): Promise<string[]> }> =
  {
    'library materials': {
      built: async (v) =>
        idsOf(
          await db.libraryMaterial.findMany({
            where: { AND: [readableWhere(v), { id: { in: ids.materials } }] },
            select: { id: true },
          }),
        ),
      raw: async (v) =>
        idsOf(
          await db.$queryRaw`SELECT m.id FROM library_material m WHERE ${readableSql(v, 'm')} AND m.${only(ids.materials)}`,
        ),
    },
    events: {
      built: async (v) =>
        idsOf(
          await db.event.findMany({
            where: { AND: [eventWhere(v), { id: { in: ids.events } }] },
            select: { id: true },
          }),
        ),
      raw: async (v) =>
        idsOf(
          await db.$queryRaw`SELECT e.id FROM event e WHERE ${eventSql(v, 'e')} AND e.${only(ids.events)}`,
        ),
    },
    briefings: {
      built: async (v) =>
        idsOf(
          await db.briefing.findMany({
            where: { AND: [briefingWhere(v), { id: { in: ids.briefings } }] },
            select: { id: true },
          }),
        ),
      raw: async (v) =>
        idsOf(
          await db.$queryRaw`SELECT b.id FROM briefing b WHERE ${briefingSql(v, 'b')} AND b.${only(ids.briefings)}`,
        ),
    },
    // The member list (SQL) against the rule a member's own page checks with, in each scope.
    members: {
      built: async (v) =>
        idsOf(
          await db.user.findMany({
            where: { AND: [memberVisibleTo(v, scopeOf(v)), { id: { in: memberIds() } }] },
            select: { id: true },
          }),
        ),
      raw: async (v) =>
        idsOf(
          await db.$queryRaw`SELECT u.id FROM app_user u WHERE ${memberVisibleToSql(v, scopeOf(v), 'u')} AND u.${only(memberIds())}`,
        ),
    },
    // The e-service page's problems (SQL) against the rule a report's own page checks with.
    'field feedback': {
      built: async (v) =>
        idsOf(
          await db.fieldFeedback.findMany({
            where: { AND: [visibleFeedbackWhere(v), { id: { in: ids.feedback } }] },
            select: { id: true },
          }),
        ),
      raw: async (v) =>
        idsOf(
          await db.$queryRaw`SELECT f.id FROM field_feedback f WHERE ${visibleFeedbackSql(v, 'f')} AND f.${only(ids.feedback)}`,
        ),
    },
    // The home page's list (SQL) against the rule markAnnouncementRead checks with.
    announcements: {
      built: async (v) =>
        (
          await db.announcement.findMany({
            where: {
              AND: [announcementWhere(v), { title: { startsWith: 'Tiedote ' }, createdById: viewers[0]!.id }],
            },
            select: { title: true },
          })
        ).map((a) => a.title),
      raw: async (v) =>
        (await unreadAnnouncements(v)).map((a) => a.title).filter((title) => title.startsWith('Tiedote ')),
    },
  };

describe('each rule in SQL picks the same rows as the query builder', () => {
  it.each(Object.keys(RULES))('%s', async (rule) => {
    for (const viewer of viewers)
      agree(rule, viewer, await RULES[rule]!.raw(viewer), await RULES[rule]!.built(viewer));
  });
});

it('the rows cover what each rule tells apart', () => {
  // Managers see everything, members of each role and organisation something else.
  for (const rule of Object.keys(RULES)) expect(seen.get(rule)?.size, rule).toBeGreaterThanOrEqual(3);
  expect(ids.materials).toHaveLength(12);
  expect(ids.events).toHaveLength(7);
  expect(ids.briefings).toHaveLength(20);
  expect(ids.feedback).toHaveLength(21);
});
