// Every route × every role × anonymous × another organisation's admin, in one table.
// "login" = redirect to the login page; "home" = redirect to the home page.
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLE_KEYS, type RoleKey } from '~/auth/roles';
import { db } from '~/db.server';
import { makeCategory, makeOrganisation, makeThread, makeUser } from '#tests/factories';
import { callAction, callLoader, cookieFor, makeRequest } from '#tests/helpers';
import * as home from '~/routes/_index';
import * as login from '~/routes/login';
import * as resetRequest from '~/routes/reset-password._index';
import * as invite from '~/routes/invite.$token';
import * as profile from '~/routes/profile._index';
import * as sessions from '~/routes/profile.sessions';
import * as members from '~/routes/members._index';
import * as membersInvite from '~/routes/members.invite';
import * as member from '~/routes/members.$id';
import * as admin from '~/routes/admin._index';
import * as organisations from '~/routes/admin.organisations._index';
import * as organisation from '~/routes/admin.organisations.$id';
import * as audit from '~/routes/admin.audit';
import * as outbox from '~/routes/admin.outbox._index';
import * as outboxEmail from '~/routes/admin.outbox.$id';
import * as forum from '~/routes/forum._index';
import * as forumCategory from '~/routes/forum.$slug';
import * as forumNew from '~/routes/forum.new';
import * as forumThread from '~/routes/forum.t.$id';
import * as forumPermalink from '~/routes/forum.p.$id._index';
import * as forumHistory from '~/routes/forum.p.$id.history';
import * as forumModeration from '~/routes/forum.moderation';
import * as forumCategories from '~/routes/forum.categories';
import * as forumMentions from '~/routes/forum.mentions';
import * as search from '~/routes/search';
import * as notifications from '~/routes/notifications._index';
import * as notificationPrefs from '~/routes/profile.notifications';
import * as upload from '~/routes/uploads.$id';

type Who = 'anonymous' | RoleKey | 'otherOrgAdmin';
const WHO: Who[] = ['anonymous', ...ROLE_KEYS, 'otherOrgAdmin'];
type Expect = number | 'login' | 'home';

let ids: {
  member: string;
  org: string;
  email: string;
  orgA: string;
  slug: string;
  thread: string;
  reply: string;
};

type Case = {
  name: string;
  run: (cookie: string | undefined) => Promise<Response>;
  //         anonymous adviser trainer eservice_rep org_admin coordinator admin otherOrgAdmin
  expect: [Expect, Expect, Expect, Expect, Expect, Expect, Expect, Expect];
};

const get =
  (route: { loader: never }, path: string, params: Record<string, string> = {}) =>
  (cookie?: string) =>
    callLoader(route, makeRequest(path, { cookie }), params);
const post =
  (
    route: { action: never },
    path: string,
    form: () => Record<string, string>,
    params: () => Record<string, string> = () => ({}),
  ) =>
  (cookie?: string) =>
    callAction(route, makeRequest(path, { cookie, form: form() }), params());

const ALL_MEMBERS: Case['expect'] = ['login', 200, 200, 200, 200, 200, 200, 200];
const MODERATORS: Case['expect'] = ['login', 404, 404, 404, 404, 200, 200, 404];
const threadAction = (form: Record<string, string>) => (cookie?: string) =>
  callAction(
    forumThread as never,
    makeRequest(`/forum/t/${ids.thread}`, { cookie, form: { postId: ids.reply, ...form } }),
    {
      id: ids.thread,
    },
  );

const CASES: Case[] = [
  { name: 'GET /', run: get(home as never, '/'), expect: ['login', 200, 200, 200, 200, 200, 200, 200] },
  {
    name: 'GET /login',
    run: get(login as never, '/login'),
    expect: [200, 'home', 'home', 'home', 'home', 'home', 'home', 'home'],
  },
  {
    name: 'GET /reset-password',
    run: get(resetRequest as never, '/reset-password'),
    expect: [200, 'home', 'home', 'home', 'home', 'home', 'home', 'home'],
  },
  {
    name: 'GET /invite/:token',
    run: get(invite as never, '/invite/x', { token: 'x' }),
    expect: [200, 200, 200, 200, 200, 200, 200, 200],
  },
  {
    name: 'GET /profile',
    run: get(profile as never, '/profile'),
    expect: ['login', 200, 200, 200, 200, 200, 200, 200],
  },
  {
    name: 'GET /profile/sessions',
    run: get(sessions as never, '/profile/sessions'),
    expect: ['login', 200, 200, 200, 200, 200, 200, 200],
  },
  {
    name: 'GET /members',
    run: get(members as never, '/members'),
    expect: ['login', 404, 404, 404, 200, 200, 200, 200],
  },
  {
    name: 'GET /members/invite',
    run: get(membersInvite as never, '/members/invite'),
    expect: ['login', 404, 404, 404, 200, 200, 200, 200],
  },
  {
    name: 'POST /members/invite (into organisation A)',
    run: post(membersInvite as never, '/members/invite', () => ({
      email: `new-${Math.random()}@example.test`,
      organisationId: ids.orgA,
      role: 'adviser',
      locale: 'fi',
    })),
    expect: ['login', 404, 404, 404, 200, 200, 200, 400],
  },
  {
    name: 'POST /members (withdraw an invitation into organisation A)',
    run: async (cookie) => {
      const admin = await db.user.findFirstOrThrow({
        where: { organisationId: ids.orgA, role: { key: 'admin' } },
      });
      const invite = await db.invite.create({
        data: {
          tokenHash: `t-${Math.random()}`,
          email: 'pending@example.test',
          organisationId: ids.orgA,
          roleId: (await db.role.findUniqueOrThrow({ where: { key: 'adviser' } })).id,
          invitedById: admin.id,
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
      return callAction(
        members as never,
        makeRequest('/members', { cookie, form: { intent: 'withdraw-invite', inviteId: invite.id } }),
      );
    },
    expect: ['login', 404, 404, 404, 200, 200, 200, 404],
  },
  {
    name: 'GET /members/:id (member of organisation A)',
    run: (cookie) =>
      callLoader(member as never, makeRequest(`/members/${ids.member}`, { cookie }), { id: ids.member }),
    expect: ['login', 404, 404, 404, 200, 200, 200, 404],
  },
  {
    name: 'POST /members/:id reactivate',
    run: post(
      member as never,
      '/members/x',
      () => ({ intent: 'reactivate' }),
      () => ({ id: ids.member }),
    ),
    expect: ['login', 404, 404, 404, 200, 200, 200, 404],
  },
  {
    name: 'POST /members/:id change-role',
    run: post(
      member as never,
      '/members/x',
      () => ({ intent: 'change-role', role: 'adviser' }),
      () => ({ id: ids.member }),
    ),
    expect: ['login', 404, 404, 404, 404, 404, 200, 404],
  },
  {
    name: 'GET /admin',
    run: get(admin as never, '/admin'),
    expect: ['login', 404, 404, 404, 404, 404, 200, 404],
  },
  {
    name: 'GET /admin/organisations',
    run: get(organisations as never, '/admin/organisations'),
    expect: ['login', 404, 404, 404, 404, 404, 200, 404],
  },
  {
    name: 'POST /admin/organisations',
    run: post(organisations as never, '/admin/organisations', () => ({
      name: `Org ${Math.random()}`,
      kind: 'association',
      active: 'on',
    })),
    expect: ['login', 404, 404, 404, 404, 404, 302, 404],
  },
  {
    name: 'GET /admin/organisations/:id',
    run: (cookie) =>
      callLoader(organisation as never, makeRequest(`/admin/organisations/${ids.org}`, { cookie }), {
        id: ids.org,
      }),
    expect: ['login', 404, 404, 404, 404, 404, 200, 404],
  },
  {
    name: 'GET /admin/audit',
    run: get(audit as never, '/admin/audit'),
    expect: ['login', 404, 404, 404, 404, 404, 200, 404],
  },
  {
    name: 'GET /admin/outbox',
    run: get(outbox as never, '/admin/outbox'),
    expect: ['login', 404, 404, 404, 404, 404, 200, 404],
  },
  {
    name: 'GET /admin/outbox/:id',
    run: (cookie) =>
      callLoader(outboxEmail as never, makeRequest(`/admin/outbox/${ids.email}`, { cookie }), {
        id: ids.email,
      }),
    expect: ['login', 404, 404, 404, 404, 404, 200, 404],
  },
  { name: 'GET /forum', run: get(forum as never, '/forum'), expect: ALL_MEMBERS },
  {
    name: 'GET /forum/:slug',
    run: (cookie) =>
      callLoader(forumCategory as never, makeRequest(`/forum/${ids.slug}`, { cookie }), { slug: ids.slug }),
    expect: ALL_MEMBERS,
  },
  { name: 'GET /forum/new', run: get(forumNew as never, '/forum/new'), expect: ALL_MEMBERS },
  {
    name: 'GET /forum/t/:id',
    run: (cookie) =>
      callLoader(forumThread as never, makeRequest(`/forum/t/${ids.thread}`, { cookie }), { id: ids.thread }),
    expect: ALL_MEMBERS,
  },
  {
    name: 'GET /forum/p/:id (permalink)',
    run: (cookie) =>
      callLoader(forumPermalink as never, makeRequest(`/forum/p/${ids.reply}`, { cookie }), {
        id: ids.reply,
      }),
    expect: ['login', 302, 302, 302, 302, 302, 302, 302],
  },
  {
    name: 'GET /forum/p/:id/history',
    run: (cookie) =>
      callLoader(forumHistory as never, makeRequest(`/forum/p/${ids.reply}/history`, { cookie }), {
        id: ids.reply,
      }),
    expect: ALL_MEMBERS,
  },
  {
    name: 'POST /forum/t/:id accept (not the asker)',
    run: threadAction({ intent: 'accept' }),
    expect: ['login', 404, 200, 200, 200, 200, 200, 200],
  },
  {
    name: 'POST /forum/t/:id verify',
    run: threadAction({ intent: 'verify' }),
    expect: ['login', 404, 200, 200, 200, 200, 200, 200],
  },
  {
    name: 'POST /forum/t/:id react',
    run: threadAction({ intent: 'react', kind: 'thanks' }),
    expect: ALL_MEMBERS,
  },
  {
    name: 'POST /forum/t/:id hide a post',
    run: threadAction({ intent: 'dismiss', reason: 'ok' }),
    expect: MODERATORS,
  },
  {
    name: 'POST /forum/t/:id pin the thread',
    run: threadAction({ intent: 'moderate-thread', action: 'pin', reason: 'Tärkeä' }),
    expect: MODERATORS,
  },
  {
    name: 'GET /forum/moderation',
    run: get(forumModeration as never, '/forum/moderation'),
    expect: MODERATORS,
  },
  {
    name: 'GET /forum/categories',
    run: get(forumCategories as never, '/forum/categories'),
    expect: MODERATORS,
  },
  {
    name: 'GET /forum/mentions',
    run: get(forumMentions as never, '/forum/mentions?q=a'),
    expect: ALL_MEMBERS,
  },
  { name: 'GET /search', run: get(search as never, '/search?q=kirjasto'), expect: ALL_MEMBERS },
  { name: 'GET /notifications', run: get(notifications as never, '/notifications'), expect: ALL_MEMBERS },
  {
    name: 'GET /profile/notifications',
    run: get(notificationPrefs as never, '/profile/notifications'),
    expect: ALL_MEMBERS,
  },
  {
    name: 'GET /uploads/:id (no such image)',
    run: get(upload as never, '/uploads/x', { id: '6f1d2c3b-0000-4000-8000-000000000000' }),
    expect: ['login', 404, 404, 404, 404, 404, 404, 404],
  },
];

const cookies = new Map<Who, string | undefined>();

beforeAll(async () => {
  const orgA = await makeOrganisation(db);
  const orgB = await makeOrganisation(db);
  const target = await makeUser(db, { role: 'adviser', organisationId: orgA.id });
  const email = await db.email.create({ data: { to: 'x@example.test', subject: 's', text: 't', html: 'h' } });
  const category = await makeCategory(db);
  const answerer = await makeUser(db, { role: 'adviser', organisationId: orgB.id });
  const thread = await makeThread(db, {
    categoryId: category.id,
    authorId: target.id,
    replies: [{ authorId: answerer.id, text: 'Vastaus' }],
  });
  ids = {
    member: target.id,
    org: orgB.id,
    email: email.id,
    orgA: orgA.id,
    slug: category.slug,
    thread: thread.id,
    reply: thread.replyIds[0]!,
  };
  cookies.set('anonymous', undefined);
  for (const role of ROLE_KEYS)
    cookies.set(role, await cookieFor((await makeUser(db, { role, organisationId: orgA.id })).id));
  cookies.set(
    'otherOrgAdmin',
    await cookieFor((await makeUser(db, { role: 'org_admin', organisationId: orgB.id })).id),
  );
});

function outcome(response: Response): Expect {
  if (response.status === 302) {
    const location = response.headers.get('Location') ?? '';
    if (location.startsWith('/login')) return 'login';
    if (location === '/') return 'home';
  }
  return response.status;
}

describe('permission matrix', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const actual: Record<string, Expect> = {};
      const expected: Record<string, Expect> = {};
      for (const [i, who] of WHO.entries()) {
        actual[who] = outcome(await c.run(cookies.get(who)));
        expected[who] = c.expect[i]!;
      }
      expect(actual).toEqual(expected);
    });
  }
});
