// Every route × every role × anonymous × another organisation's admin × a member holding two
// roles, in one table. "login" = redirect to the login page; "home" = redirect to the home page.
// Each role's column is a member who holds the roles such a member usually holds (USUAL_ROLES:
// a trainer also advises); "twoRoles" is an org admin of organisation A who is also a trainer
// and nothing else, and gets what either role gets (roles combine, issue 15).
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLE_KEYS, type RoleKey } from '~/auth/roles';
import { db } from '~/db.server';
import { helsinkiToday } from '~/i18n/format';
import { addDays, dayDate } from '~/utils/calendar-days';
import {
  makeCategory,
  makeMaterial,
  makeOrganisation,
  makeSupportPoint,
  makeThread,
  makeUser,
  TEST_META,
} from '#tests/factories';
import {
  callAction,
  callLoader,
  cookieFor,
  makeRequest,
  memberAsActor,
  type WithAction,
  type WithLoader,
} from '#tests/helpers';
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
import * as adminSecurity from '~/routes/admin.security';
import * as myData from '~/routes/profile.data';
import * as myDataFile from '~/routes/profile.data.$id';
import * as removeAccount from '~/routes/profile.remove-account';
import * as erasure from '~/routes/members.erasure';
import * as loginCode from '~/routes/login_.code';
import * as ssoStart from '~/routes/sso.$org';
import * as ssoCallback from '~/routes/sso.callback';
import * as twoFactor from '~/routes/profile.security_.two-factor';
import * as outbox from '~/routes/admin.outbox._index';
import * as jobs from '~/routes/admin.jobs';
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
import * as library from '~/routes/library._index';
import * as libraryNew from '~/routes/library.new';
import * as libraryMaterial from '~/routes/library.$slug._index';
import * as libraryEdit from '~/routes/library.$slug.edit';
import * as libraryVersions from '~/routes/library.$slug.versions._index';
import * as libraryVersion from '~/routes/library.$slug.versions.$number';
import * as libraryCompare from '~/routes/library.$slug.compare';
import * as libraryStats from '~/routes/library.$slug.stats';
import * as libraryTranslations from '~/routes/library.translations';
import * as libraryPaths from '~/routes/library.paths._index';
import * as libraryPath from '~/routes/library.paths.$slug';
import * as libraryPromote from '~/routes/library.promote';
import { publishMaterial } from '~/domain/library/publish.server';
import * as events from '~/routes/events._index';
import * as eventsNew from '~/routes/events.new';
import * as eventPage from '~/routes/events.$id._index';
import * as eventEdit from '~/routes/events.$id.edit';
import * as eventIcs from '~/routes/events.$id.ics';
import * as eventsCalendar from '~/routes/events.calendar';
import * as eventCheckIn from '~/routes/events.$id.check-in';
import * as eventAttendance from '~/routes/events.$id.attendance';
import * as eventOrganise from '~/routes/events.$id.organise';
import * as announcementsList from '~/routes/announcements._index';
import * as eservicesList from '~/routes/eservices._index';
import * as eservicesNew from '~/routes/eservices.new';
import * as eservicePage from '~/routes/eservices.$slug._index';
import * as eserviceEdit from '~/routes/eservices.$slug.edit';
import * as briefingsList from '~/routes/briefings._index';
import * as briefingsNew from '~/routes/briefings.new';
import * as briefingPage from '~/routes/briefings.$id._index';
import * as briefingEdit from '~/routes/briefings.$id.edit';
import * as feedbackMine from '~/routes/feedback._index';
import * as feedbackPage from '~/routes/feedback.$id';
import * as feedbackNew from '~/routes/eservices.$slug.feedback.new';
import * as feedbackQueue from '~/routes/eservices.$slug.feedback._index';
import * as feedbackExport from '~/routes/eservices.$slug.feedback.export';
import * as reports from '~/routes/reports._index';
import * as reportsExport from '~/routes/reports.export';
import * as reportEvents from '~/routes/reports.events';
import * as guidanceLog from '~/routes/reports.log._index';
import * as guidanceEntry from '~/routes/reports.log.$id';
import * as guidanceSave from '~/routes/reports.log.save';
import * as residentFeedback from '~/routes/f.$code';
import * as supportPoints from '~/routes/support-points._index';
import * as supportPoint from '~/routes/support-points.$slug._index';
import * as supportPointNew from '~/routes/support-points.new';
import * as supportPointEdit from '~/routes/support-points.$slug.edit';
import * as slotNew from '~/routes/support-points.$slug.slots.new';
import * as slotEdit from '~/routes/support-points.$slug.slots.$id';
import * as myShifts from '~/routes/shifts._index';
import * as shiftSignUp from '~/routes/shifts.new';
import * as shiftCancel from '~/routes/shifts.$id.cancel';
import * as shiftOffer from '~/routes/shifts.$id.offer';
import * as coverage from '~/routes/roster._index';
import * as coverageGaps from '~/routes/roster.gaps';
import * as publicPoint from '~/routes/p.$slug';
import * as referralNew from '~/routes/referrals.new';
import * as referralSlip from '~/routes/r.$code';
import { newFeedbackCode } from '~/domain/guidance/feedback-link.server';

type Who = 'anonymous' | RoleKey | 'otherOrgAdmin' | 'twoRoles';
const WHO: Who[] = ['anonymous', ...ROLE_KEYS, 'otherOrgAdmin', 'twoRoles'];
type Expect = number | 'login' | 'home';

let ids: {
  member: string;
  org: string;
  email: string;
  orgA: string;
  slug: string;
  thread: string;
  reply: string;
  material: string;
  draft: string;
  otherOrgs: string;
  event: string;
  eventOrgB: string;
  briefing: string;
  feedback: string;
  session: string;
  sessionCode: string;
  point: string;
  slot: string;
  slotDay: string;
  referralCode: string;
  shift: string;
  failedJob: string;
};

type Case = {
  name: string;
  run: (cookie: string | undefined) => Promise<Response>;
  //         anonymous adviser trainer eservice_rep org_admin coordinator admin otherOrgAdmin
  expect: [Expect, Expect, Expect, Expect, Expect, Expect, Expect, Expect];
  /** The org admin + trainer, where it is not simply what the more permitted of the two gets. */
  twoRoles?: Expect;
};

const REFUSED = new Set<Expect>([404, 403, 'login', 'home']);
/** What a member holding both roles gets: the permitted answer of either (they agree otherwise). */
function unionOf(orgAdmin: Expect, trainer: Expect): Expect {
  if (orgAdmin === trainer || REFUSED.has(trainer)) return orgAdmin;
  if (REFUSED.has(orgAdmin)) return trainer;
  throw new Error(`org_admin ${orgAdmin} and trainer ${trainer} differ: say twoRoles for this case`);
}

const get =
  (route: WithLoader, path: string, params: Record<string, string> = {}) =>
  (cookie?: string) =>
    callLoader(route, makeRequest(path, { cookie }), params);
const post =
  (
    route: WithAction,
    path: string,
    form: () => Record<string, string>,
    params: () => Record<string, string> = () => ({}),
  ) =>
  (cookie?: string) =>
    callAction(route, makeRequest(path, { cookie, form: form() }), params());

const ALL_MEMBERS: Case['expect'] = ['login', 200, 200, 200, 200, 200, 200, 200];
// Trainers and coordinators; org admins and e-service reps no longer inherit this (issue 15).
const TRAINERS: Case['expect'] = ['login', 404, 200, 404, 404, 200, 200, 404];
const material =
  (route: WithLoader, suffix: string, which: 'material' | 'draft' | 'otherOrgs' = 'material') =>
  (cookie?: string) =>
    callLoader(route, makeRequest(`/library/${ids[which]}${suffix}`, { cookie }), {
      slug: ids[which],
      number: '1',
    });
const MODERATORS: Case['expect'] = ['login', 404, 404, 404, 404, 200, 200, 404];
const threadAction = (form: Record<string, string>) => (cookie?: string) =>
  callAction(
    forumThread,
    makeRequest(`/forum/t/${ids.thread}`, { cookie, form: { postId: ids.reply, ...form } }),
    {
      id: ids.thread,
    },
  );

const CASES: Case[] = [
  { name: 'GET /', run: get(home, '/'), expect: ['login', 200, 200, 200, 200, 200, 200, 200] },
  {
    name: 'GET /login',
    run: get(login, '/login'),
    expect: [200, 'home', 'home', 'home', 'home', 'home', 'home', 'home'],
  },
  {
    name: 'GET /reset-password',
    run: get(resetRequest, '/reset-password'),
    expect: [200, 'home', 'home', 'home', 'home', 'home', 'home', 'home'],
  },
  {
    name: 'GET /invite/:token',
    run: get(invite, '/invite/x', { token: 'x' }),
    expect: [200, 200, 200, 200, 200, 200, 200, 200],
  },
  {
    name: 'GET /login/code',
    run: get(loginCode, '/login/code'),
    expect: [200, 'home', 'home', 'home', 'home', 'home', 'home', 'home'],
  },
  {
    // An organisation without its own sign-in (none here): nothing to start.
    name: 'GET /sso/:org',
    run: (cookie) =>
      callLoader(ssoStart, makeRequest('/sso/no-such-org', { cookie }), { org: 'no-such-org' }),
    expect: [404, 'home', 'home', 'home', 'home', 'home', 'home', 'home'],
  },
  {
    // No sign-in pending in this browser: refused for everyone, nothing changes.
    name: 'GET /sso/callback',
    run: get(ssoCallback, '/sso/callback?code=x&state=y'),
    expect: [400, 400, 400, 400, 400, 400, 400, 400],
  },
  {
    name: 'GET /profile/data',
    run: get(myData, '/profile/data'),
    expect: ['login', 200, 200, 200, 200, 200, 200, 200],
  },
  {
    // Somebody's copy, or none: for everyone else it does not exist.
    name: 'GET /profile/data/:id',
    run: (cookie) =>
      callLoader(myDataFile, makeRequest(`/profile/data/${ids.member}`, { cookie }), {
        id: ids.member,
      }),
    expect: ['login', 404, 404, 404, 404, 404, 404, 404],
  },
  {
    name: 'GET /profile/security/two-factor',
    run: get(twoFactor, '/profile/security/two-factor'),
    expect: ['login', 200, 200, 200, 200, 200, 200, 200],
  },
  {
    name: 'GET /profile',
    run: get(profile, '/profile'),
    expect: ['login', 200, 200, 200, 200, 200, 200, 200],
  },
  {
    name: 'GET /profile/remove-account',
    run: get(removeAccount, '/profile/remove-account'),
    expect: ALL_MEMBERS,
  },
  {
    // Erasure is for the member's own organisation's admin and the installation's admins.
    name: 'GET /members/erasure',
    run: get(erasure, '/members/erasure'),
    expect: ['login', 404, 404, 404, 200, 404, 200, 200],
  },
  {
    // Not asked, not long deactivated: refused (409) to those who could erase them, unseen by others.
    name: 'POST /members/erasure',
    run: post(erasure, '/members/erasure', () => ({ intent: 'erase', memberId: ids.member })),
    expect: ['login', 404, 404, 404, 409, 404, 409, 404],
  },
  {
    name: 'GET /profile/sessions',
    run: get(sessions, '/profile/sessions'),
    expect: ['login', 200, 200, 200, 200, 200, 200, 200],
  },
  {
    name: 'GET /members',
    run: get(members, '/members'),
    expect: ['login', 404, 404, 404, 200, 200, 200, 200],
  },
  {
    name: 'GET /members/invite',
    run: get(membersInvite, '/members/invite'),
    expect: ['login', 404, 404, 404, 200, 200, 200, 200],
  },
  {
    name: 'POST /members/invite (into organisation A)',
    run: post(membersInvite, '/members/invite', () => ({
      email: `new-${Math.random()}@example.test`,
      organisationId: ids.orgA,
      roles: 'adviser',
      locale: 'fi',
    })),
    expect: ['login', 404, 404, 404, 200, 200, 200, 400],
  },
  {
    name: 'POST /members (withdraw an invitation into organisation A)',
    run: async (cookie) => {
      const admin = await db.user.findFirstOrThrow({
        where: { organisationId: ids.orgA, roles: { some: { role: { key: 'admin' } } } },
      });
      const invite = await db.invite.create({
        data: {
          tokenHash: `t-${Math.random()}`,
          email: 'pending@example.test',
          organisationId: ids.orgA,
          roles: ['adviser'],
          invitedById: admin.id,
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
      return callAction(
        members,
        makeRequest('/members', { cookie, form: { intent: 'withdraw-invite', inviteId: invite.id } }),
      );
    },
    expect: ['login', 404, 404, 404, 200, 200, 200, 404],
  },
  {
    name: 'GET /members/:id (member of organisation A)',
    run: (cookie) =>
      callLoader(member, makeRequest(`/members/${ids.member}`, { cookie }), { id: ids.member }),
    expect: ['login', 404, 404, 404, 200, 200, 200, 404],
  },
  {
    name: 'POST /members/:id reactivate',
    run: post(
      member,
      '/members/x',
      () => ({ intent: 'reactivate' }),
      () => ({ id: ids.member }),
    ),
    expect: ['login', 404, 404, 404, 200, 200, 200, 404],
  },
  {
    name: 'POST /members/:id give a role (trainer, to an adviser of organisation A)',
    run: post(
      member,
      '/members/x',
      () => ({ intent: 'give-role', role: 'trainer' }),
      () => ({ id: ids.member }),
    ),
    expect: ['login', 404, 404, 404, 200, 200, 200, 404],
  },
  {
    name: 'GET /admin',
    run: get(admin, '/admin'),
    expect: ['login', 404, 404, 404, 404, 404, 200, 404],
  },
  {
    name: 'GET /admin/organisations',
    run: get(organisations, '/admin/organisations'),
    expect: ['login', 404, 404, 404, 404, 404, 200, 404],
  },
  {
    name: 'POST /admin/organisations',
    run: post(organisations, '/admin/organisations', () => ({
      name: `Org ${Math.random()}`,
      kind: 'association',
      active: 'on',
    })),
    expect: ['login', 404, 404, 404, 404, 404, 302, 404],
  },
  {
    name: 'GET /admin/organisations/:id',
    run: (cookie) =>
      callLoader(organisation, makeRequest(`/admin/organisations/${ids.org}`, { cookie }), {
        id: ids.org,
      }),
    expect: ['login', 404, 404, 404, 404, 404, 200, 404],
  },
  {
    name: 'GET /admin/audit',
    run: get(audit, '/admin/audit'),
    expect: ['login', 404, 404, 404, 404, 404, 200, 404],
  },
  {
    name: 'GET /admin/security',
    run: get(adminSecurity, '/admin/security'),
    expect: ['login', 404, 404, 404, 404, 404, 200, 404],
  },
  {
    // Nothing ticked: the tests' own setting (one-step sign-in) stays as it was.
    name: 'POST /admin/security',
    run: post(adminSecurity, '/admin/security', () => ({})),
    expect: ['login', 404, 404, 404, 404, 404, 200, 404],
  },
  {
    name: 'GET /admin/outbox',
    run: get(outbox, '/admin/outbox'),
    expect: ['login', 404, 404, 404, 404, 404, 200, 404],
  },
  {
    name: 'GET /admin/jobs',
    run: get(jobs, '/admin/jobs'),
    expect: ['login', 404, 404, 404, 404, 404, 200, 404],
  },
  {
    name: 'POST /admin/jobs (run a failed job again)',
    run: (cookie) =>
      callAction(
        jobs,
        makeRequest('/admin/jobs', { cookie, form: { intent: 'retry', jobId: ids.failedJob } }),
      ),
    expect: ['login', 404, 404, 404, 404, 404, 200, 404],
  },
  {
    name: 'GET /admin/outbox/:id',
    run: (cookie) =>
      callLoader(outboxEmail, makeRequest(`/admin/outbox/${ids.email}`, { cookie }), {
        id: ids.email,
      }),
    expect: ['login', 404, 404, 404, 404, 404, 200, 404],
  },
  { name: 'GET /forum', run: get(forum, '/forum'), expect: ALL_MEMBERS },
  {
    name: 'GET /forum/:slug',
    run: (cookie) =>
      callLoader(forumCategory, makeRequest(`/forum/${ids.slug}`, { cookie }), { slug: ids.slug }),
    expect: ALL_MEMBERS,
  },
  { name: 'GET /forum/new', run: get(forumNew, '/forum/new'), expect: ALL_MEMBERS },
  {
    name: 'GET /forum/t/:id',
    run: (cookie) =>
      callLoader(forumThread, makeRequest(`/forum/t/${ids.thread}`, { cookie }), { id: ids.thread }),
    expect: ALL_MEMBERS,
  },
  {
    name: 'GET /forum/p/:id (permalink)',
    run: (cookie) =>
      callLoader(forumPermalink, makeRequest(`/forum/p/${ids.reply}`, { cookie }), {
        id: ids.reply,
      }),
    expect: ['login', 302, 302, 302, 302, 302, 302, 302],
  },
  {
    name: 'GET /forum/p/:id/history',
    run: (cookie) =>
      callLoader(forumHistory, makeRequest(`/forum/p/${ids.reply}/history`, { cookie }), {
        id: ids.reply,
      }),
    expect: ALL_MEMBERS,
  },
  {
    name: 'POST /forum/t/:id accept (not the asker)',
    run: threadAction({ intent: 'accept' }),
    expect: ['login', 404, 200, 404, 404, 200, 200, 404],
  },
  {
    name: 'POST /forum/t/:id verify',
    run: threadAction({ intent: 'verify' }),
    expect: ['login', 404, 200, 404, 404, 200, 200, 404],
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
    run: get(forumModeration, '/forum/moderation'),
    expect: MODERATORS,
  },
  {
    name: 'GET /forum/categories',
    run: get(forumCategories, '/forum/categories'),
    expect: MODERATORS,
  },
  {
    name: 'GET /forum/mentions',
    run: get(forumMentions, '/forum/mentions?q=a'),
    expect: ALL_MEMBERS,
  },
  { name: 'GET /search', run: get(search, '/search?q=kirjasto'), expect: ALL_MEMBERS },
  { name: 'GET /notifications', run: get(notifications, '/notifications'), expect: ALL_MEMBERS },
  {
    name: 'GET /profile/notifications',
    run: get(notificationPrefs, '/profile/notifications'),
    expect: ALL_MEMBERS,
  },
  {
    name: 'GET /uploads/:id (no such image)',
    run: get(upload, '/uploads/x', { id: '6f1d2c3b-0000-4000-8000-000000000000' }),
    expect: ['login', 404, 404, 404, 404, 404, 404, 404],
  },
  { name: 'GET /library', run: get(library, '/library'), expect: ALL_MEMBERS },
  { name: 'GET /library/new', run: get(libraryNew, '/library/new'), expect: TRAINERS },
  {
    name: 'GET /library/:slug (published)',
    run: material(libraryMaterial, ''),
    expect: ALL_MEMBERS,
  },
  {
    name: 'GET /library/:slug (draft)',
    run: material(libraryMaterial, '', 'draft'),
    expect: TRAINERS,
  },
  {
    name: 'GET /library/:slug (for organisation B only)',
    run: material(libraryMaterial, '', 'otherOrgs'),
    // Those who manage the library, and organisation B's members (the other org admin).
    expect: ['login', 404, 200, 404, 404, 200, 200, 200],
  },
  {
    name: 'POST /library/:slug (mark done)',
    run: post(
      libraryMaterial,
      '/library/x',
      () => ({ intent: 'done' }),
      () => ({ slug: ids.material }),
    ),
    expect: ALL_MEMBERS,
  },
  { name: 'GET /library/:slug/edit', run: material(libraryEdit, '/edit'), expect: TRAINERS },
  {
    name: 'POST /library/:slug/edit (save)',
    run: post(
      libraryEdit,
      '/library/x/edit',
      () => ({ intent: 'save', title: 'Uusi otsikko', type: 'guide', audience: 'all', bodyText: 'Teksti' }),
      () => ({ slug: ids.draft }),
    ),
    expect: TRAINERS,
  },
  {
    name: 'GET /library/:slug/versions',
    run: material(libraryVersions, '/versions'),
    expect: ALL_MEMBERS,
  },
  {
    name: 'GET /library/:slug/versions/1',
    run: material(libraryVersion, '/versions/1'),
    expect: ALL_MEMBERS,
  },
  {
    name: 'GET /library/:slug/versions/1 (for organisation B only)',
    run: material(libraryVersion, '/versions/1', 'otherOrgs'),
    // Those who manage the library, and organisation B's members (the other org admin).
    expect: ['login', 404, 200, 404, 404, 200, 200, 200],
  },
  {
    name: 'GET /library/:slug/compare',
    run: (cookie) =>
      callLoader(libraryCompare, makeRequest(`/library/${ids.material}/compare?a=1&b=2`, { cookie }), {
        slug: ids.material,
      }),
    expect: TRAINERS,
  },
  { name: 'GET /library/:slug/stats', run: material(libraryStats, '/stats'), expect: TRAINERS },
  {
    name: 'GET /library/translations',
    run: get(libraryTranslations, '/library/translations'),
    expect: TRAINERS,
  },
  { name: 'GET /library/paths', run: get(libraryPaths, '/library/paths'), expect: ALL_MEMBERS },
  {
    name: 'POST /library/paths (create)',
    run: post(libraryPaths, '/library/paths', () => ({
      slug: `polku-${Math.random().toString(36).slice(2, 8)}`,
      titleFi: 'Polku',
      titleSv: 'Stig',
      titleEn: 'Path',
    })),
    expect: ['login', 404, 302, 404, 404, 302, 302, 404],
  },
  {
    name: 'GET /library/paths/:slug',
    run: get(libraryPath, '/library/paths/matriisi', { slug: 'matriisi' }),
    expect: ALL_MEMBERS,
  },
  { name: 'GET /events', run: get(events, '/events'), expect: ALL_MEMBERS },
  {
    name: 'GET /events?view=month',
    run: get(events, '/events?view=month&month=2026-12'),
    expect: ALL_MEMBERS,
  },
  {
    name: 'GET /events/new',
    run: get(eventsNew, '/events/new'),
    expect: ['login', 404, 200, 404, 404, 200, 200, 404],
  },
  {
    name: 'GET /events/:id',
    run: (cookie) =>
      callLoader(eventPage, makeRequest(`/events/${ids.event}`, { cookie }), { id: ids.event }),
    expect: ALL_MEMBERS,
  },
  {
    name: 'GET /events/:id (for organisation B only)',
    run: (cookie) =>
      callLoader(eventPage, makeRequest(`/events/${ids.eventOrgB}`, { cookie }), {
        id: ids.eventOrgB,
      }),
    expect: ['login', 404, 404, 404, 404, 200, 200, 200],
  },
  {
    name: 'GET /events/:id/ics',
    run: (cookie) =>
      callLoader(eventIcs, makeRequest(`/events/${ids.event}/ics`, { cookie }), { id: ids.event }),
    expect: ALL_MEMBERS,
  },
  {
    name: 'GET /events/:id/edit (a network meeting)',
    run: (cookie) =>
      callLoader(eventEdit, makeRequest(`/events/${ids.event}/edit`, { cookie }), { id: ids.event }),
    expect: ['login', 404, 404, 404, 404, 200, 200, 404],
  },
  {
    name: 'POST /events/:id (answer)',
    run: post(
      eventPage,
      '/events/x',
      () => ({ intent: 'rsvp', status: 'maybe' }),
      () => ({ id: ids.event }),
    ),
    expect: ALL_MEMBERS,
  },
  {
    name: 'GET /events/calendar',
    run: get(eventsCalendar, '/events/calendar'),
    expect: ALL_MEMBERS,
  },
  {
    name: 'GET /events/:id/check-in (a network meeting)',
    run: (cookie) =>
      callLoader(eventCheckIn, makeRequest(`/events/${ids.event}/check-in`, { cookie }), {
        id: ids.event,
      }),
    expect: ['login', 404, 404, 404, 404, 200, 200, 404],
  },
  {
    name: 'GET /events/:id/organise (a network meeting)',
    run: (cookie) =>
      callLoader(eventOrganise, makeRequest(`/events/${ids.event}/organise`, { cookie }), {
        id: ids.event,
      }),
    expect: ['login', 404, 404, 404, 404, 200, 200, 404],
  },
  { name: 'GET /eservices', run: get(eservicesList, '/eservices'), expect: ALL_MEMBERS },
  {
    name: 'GET /eservices/new',
    run: get(eservicesNew, '/eservices/new'),
    expect: ['login', 404, 404, 404, 404, 200, 200, 404],
  },
  {
    name: 'GET /eservices/:slug',
    run: get(eservicePage, '/eservices/matriisi', { slug: 'matriisi' }),
    expect: ALL_MEMBERS,
  },
  {
    name: 'GET /eservices/:slug/edit',
    run: get(eserviceEdit, '/eservices/matriisi/edit', { slug: 'matriisi' }),
    expect: ['login', 404, 404, 404, 404, 200, 200, 404],
  },
  { name: 'GET /briefings', run: get(briefingsList, '/briefings'), expect: ALL_MEMBERS },
  {
    name: 'GET /briefings/new (writers of an e-service)',
    run: get(briefingsNew, '/briefings/new'),
    expect: ['login', 404, 404, 200, 404, 200, 200, 404],
  },
  {
    name: 'GET /briefings/:id (for organisation B only)',
    run: (cookie) =>
      callLoader(briefingPage, makeRequest(`/briefings/${ids.briefing}`, { cookie }), {
        id: ids.briefing,
      }),
    expect: ['login', 404, 404, 200, 404, 200, 200, 200],
  },
  {
    name: 'GET /briefings/:id/edit',
    run: (cookie) =>
      callLoader(briefingEdit, makeRequest(`/briefings/${ids.briefing}/edit`, { cookie }), {
        id: ids.briefing,
      }),
    expect: ['login', 404, 404, 200, 404, 200, 200, 404],
  },
  { name: 'GET /feedback', run: get(feedbackMine, '/feedback'), expect: ALL_MEMBERS },
  {
    name: 'GET /eservices/:slug/feedback/new',
    run: get(feedbackNew, '/eservices/matriisi/feedback/new', { slug: 'matriisi' }),
    expect: ALL_MEMBERS,
  },
  {
    name: 'GET /eservices/:slug/feedback (the queue)',
    run: get(feedbackQueue, '/eservices/matriisi/feedback', { slug: 'matriisi' }),
    expect: ['login', 404, 404, 200, 404, 200, 200, 404],
  },
  {
    name: 'GET /eservices/:slug/feedback/export',
    run: get(feedbackExport, '/eservices/matriisi/feedback/export', { slug: 'matriisi' }),
    expect: ['login', 404, 404, 200, 404, 200, 200, 404],
  },
  {
    name: 'GET /feedback/:id',
    run: (cookie) =>
      callLoader(feedbackPage, makeRequest(`/feedback/${ids.feedback}`, { cookie }), {
        id: ids.feedback,
      }),
    expect: ALL_MEMBERS,
  },
  {
    name: 'GET /announcements',
    run: get(announcementsList, '/announcements'),
    expect: ['login', 404, 404, 404, 404, 200, 200, 404],
  },
  {
    name: 'GET /events/:id/attendance (CSV)',
    run: (cookie) =>
      callLoader(eventAttendance, makeRequest(`/events/${ids.event}/attendance`, { cookie }), {
        id: ids.event,
      }),
    expect: ['login', 404, 404, 404, 404, 200, 200, 404],
  },
  {
    name: 'POST /library/promote (a forum answer)',
    run: post(libraryPromote, '/library/promote', () => ({ postId: ids.reply })),
    expect: ['login', 404, 302, 404, 404, 302, 302, 404],
  },
  { name: 'GET /reports', run: get(reports, '/reports'), expect: ALL_MEMBERS },
  {
    name: 'GET /reports/export',
    run: get(reportsExport, '/reports/export?chart=device'),
    expect: ALL_MEMBERS,
  },
  {
    name: 'GET /reports/log',
    run: get(guidanceLog, '/reports/log'),
    expect: ALL_MEMBERS,
    // Logging sessions is the adviser's: an org admin who trains but does not advise has no log.
    twoRoles: 404,
  },
  {
    name: 'GET /reports/events (attendance: organisation admins and above)',
    run: get(reportEvents, '/reports/events'),
    expect: ['login', 404, 404, 404, 200, 200, 200, 200],
  },
  {
    name: "GET /reports/log/:id (the adviser's own entry)",
    run: (cookie) =>
      callLoader(guidanceEntry, makeRequest(`/reports/log/${ids.session}`, { cookie }), {
        id: ids.session,
      }),
    expect: ['login', 200, 404, 404, 404, 404, 404, 404],
  },
  {
    name: "POST /reports/log/save (correcting the adviser's own entry)",
    run: post(guidanceSave, '/reports/log/save', () => ({
      sessionId: ids.session,
      idempotencyKey: crypto.randomUUID(),
      date: new Date().toISOString().slice(0, 10),
      supportPointId: '',
      device: 'iphone',
      topics: 'email',
      channel: 'phone',
      serviceLevel: '1',
      durationMinutes: '15',
      language: 'fi',
      outcome: 'solved',
    })),
    expect: ['login', 200, 404, 404, 404, 404, 404, 404],
  },
  {
    name: 'GET /f/:code (residents, no login)',
    run: (cookie) =>
      callLoader(residentFeedback, makeRequest(`/f/${ids.sessionCode}`, { cookie }), {
        code: ids.sessionCode,
      }),
    expect: [200, 200, 200, 200, 200, 200, 200, 200],
  },
  { name: 'GET /support-points', run: get(supportPoints, '/support-points'), expect: ALL_MEMBERS },
  {
    name: 'GET /support-points/:slug',
    run: (cookie) =>
      callLoader(supportPoint, makeRequest(`/support-points/${ids.point}`, { cookie }), {
        slug: ids.point,
      }),
    expect: ALL_MEMBERS,
  },
  {
    name: 'GET /support-points/new',
    run: get(supportPointNew, '/support-points/new'),
    expect: ['login', 404, 404, 404, 404, 200, 200, 404],
  },
  {
    name: 'POST /support-points/new',
    run: post(supportPointNew, '/support-points/new', () => ({
      name: `Piste ${Math.random()}`,
      kind: 'library',
      address: 'Katu 1',
      district: 'Kallio',
      active: 'on',
    })),
    expect: ['login', 404, 404, 404, 404, 302, 302, 404],
  },
  {
    name: 'GET /support-points/:slug/edit',
    run: (cookie) =>
      callLoader(supportPointEdit, makeRequest(`/support-points/${ids.point}/edit`, { cookie }), {
        slug: ids.point,
      }),
    expect: ['login', 404, 404, 404, 404, 200, 200, 404],
  },
  // The roster (ADR 030): every adviser signs up (an org admin who is only a trainer besides
  // does not advise); coordinators keep every slot, org admins their organisation's.
  {
    name: 'GET /shifts',
    run: get(myShifts, '/shifts'),
    expect: ['login', 200, 200, 200, 200, 200, 200, 200],
    twoRoles: 404,
  },
  {
    name: 'GET /shifts/new',
    run: (cookie) =>
      callLoader(shiftSignUp, makeRequest(`/shifts/new?slot=${ids.slot}&date=${ids.slotDay}`, { cookie })),
    expect: ['login', 200, 200, 200, 200, 200, 200, 200],
    twoRoles: 404,
  },
  {
    name: "GET /shifts/:id/cancel (an adviser's shift of org A)",
    run: (cookie) =>
      callLoader(shiftCancel, makeRequest(`/shifts/${ids.shift}/cancel`, { cookie }), { id: ids.shift }),
    expect: ['login', 404, 404, 404, 404, 404, 404, 404],
  },
  {
    name: "GET /shifts/:id/offer (an adviser's shift of org A)",
    run: (cookie) =>
      callLoader(shiftOffer, makeRequest(`/shifts/${ids.shift}/offer`, { cookie }), { id: ids.shift }),
    expect: ['login', 404, 404, 404, 404, 404, 404, 404],
  },
  {
    name: 'GET /roster (coverage)',
    run: get(coverage, '/roster?view=month'),
    expect: ['login', 404, 404, 404, 200, 200, 200, 200],
  },
  {
    name: 'GET /roster/gaps',
    run: get(coverageGaps, '/roster/gaps'),
    expect: ['login', 404, 404, 404, 200, 200, 200, 200],
  },
  {
    name: "GET /p/:slug (residents' page, public)",
    run: (cookie) => callLoader(publicPoint, makeRequest(`/p/${ids.point}`, { cookie }), { slug: ids.point }),
    expect: [200, 200, 200, 200, 200, 200, 200, 200],
    twoRoles: 200,
  },
  {
    name: 'GET /referrals/new',
    run: get(referralNew, '/referrals/new'),
    expect: ['login', 200, 200, 200, 200, 200, 200, 200],
    twoRoles: 404,
  },
  {
    name: 'GET /r/:code (a referral slip, public)',
    run: (cookie) =>
      callLoader(referralSlip, makeRequest(`/r/${ids.referralCode}`, { cookie }), { code: ids.referralCode }),
    expect: [200, 200, 200, 200, 200, 200, 200, 200],
    twoRoles: 200,
  },
  {
    name: 'GET /support-points/:slug/slots/new',
    run: (cookie) =>
      callLoader(slotNew, makeRequest(`/support-points/${ids.point}/slots/new`, { cookie }), {
        slug: ids.point,
      }),
    expect: ['login', 404, 404, 404, 200, 200, 200, 200],
  },
  {
    name: "GET /support-points/:slug/slots/:id (org A's slot)",
    run: (cookie) =>
      callLoader(slotEdit, makeRequest(`/support-points/${ids.point}/slots/${ids.slot}`, { cookie }), {
        slug: ids.point,
        id: ids.slot,
      }),
    expect: ['login', 404, 404, 404, 200, 200, 200, 404],
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
  const trainerUser = await makeUser(db, { role: 'trainer', organisationId: orgA.id });
  const published = await makeMaterial({ actorId: trainerUser.id, title: 'Matriisin materiaali' });
  await publishMaterial(
    await memberAsActor(trainerUser.id),
    (await db.libraryMaterial.findUniqueOrThrow({ where: { slug: published.slug } })).id,
    { changeNote: 'Toinen', publishAt: null },
    TEST_META,
  );
  const draft = await makeMaterial({ actorId: trainerUser.id, title: 'Matriisin luonnos', publish: false });
  const otherOrgs = await makeMaterial({
    actorId: trainerUser.id,
    title: 'Vain organisaatiolle B',
    audience: 'organisations',
    audienceOrgIds: [orgB.id],
  });
  await db.learningPath.create({
    data: {
      slug: 'matriisi',
      titleFi: 'Polku',
      titleSv: 'Stig',
      titleEn: 'Path',
      createdById: trainerUser.id,
      items: { create: [{ groupId: published.groupId, position: 0 }] },
    },
  });
  const coordinatorUser = await makeUser(db, { role: 'coordinator', organisationId: orgA.id });
  const when = {
    startsAt: new Date(Date.now() + 10 * 86_400_000),
    endsAt: new Date(Date.now() + 10 * 86_400_000 + 7_200_000),
  };
  const event = await db.event.create({
    data: {
      type: 'network_meeting',
      titleFi: 'Matriisin tapaaminen',
      placeKind: 'online',
      joinUrl: 'https://x.test',
      createdById: coordinatorUser.id,
      ...when,
    },
  });
  const eventOrgB = await db.event.create({
    data: {
      type: 'network_meeting',
      titleFi: 'Vain B',
      placeKind: 'online',
      audience: 'organisations',
      audienceOrgIds: [orgB.id],
      createdById: coordinatorUser.id,
      ...when,
    },
  });
  ids = {
    event: event.id,
    eventOrgB: eventOrgB.id,
    material: published.slug,
    draft: draft.slug,
    otherOrgs: otherOrgs.slug,
    member: target.id,
    org: orgB.id,
    email: email.id,
    orgA: orgA.id,
    slug: category.slug,
    thread: thread.id,
    reply: thread.replyIds[0]!,
    briefing: '',
    feedback: '',
    session: '',
    sessionCode: '',
    point: '',
    slot: '',
    slotDay: '',
    referralCode: '',
    shift: '',
    failedJob: '',
  };
  cookies.set('anonymous', undefined);
  for (const role of ROLE_KEYS)
    cookies.set(role, await cookieFor((await makeUser(db, { role, organisationId: orgA.id })).id));
  cookies.set(
    'otherOrgAdmin',
    await cookieFor((await makeUser(db, { role: 'org_admin', organisationId: orgB.id })).id),
  );
  cookies.set(
    'twoRoles',
    await cookieFor((await makeUser(db, { roles: ['org_admin', 'trainer'], organisationId: orgA.id })).id),
  );
  // An e-service whose contact is the eservice_rep above, and its briefing for organisation B.
  const rep = await db.user.findFirstOrThrow({
    where: { organisationId: orgA.id, roles: { some: { role: { key: 'eservice_rep' } } } },
    orderBy: { createdAt: 'desc' },
  });
  const service = await db.eService.create({
    data: { slug: 'matriisi', nameFi: 'Matriisipalvelu', contacts: { create: [{ userId: rep.id }] } },
  });
  const briefing = await db.briefing.create({
    data: {
      eserviceId: service.id,
      title: 'Vain B:lle',
      status: 'published',
      liveNumber: 1,
      launchAt: new Date(Date.now() + 86_400_000),
      audience: 'organisations',
      audienceOrgIds: [orgB.id],
      createdById: rep.id,
      versions: {
        create: [
          { number: 1, title: 'Vain B:lle', bodyHtml: '<p>x</p>', bodyText: 'x', publishedById: rep.id },
        ],
      },
    },
  });
  ids.briefing = briefing.id;
  ids.failedJob = (
    await db.job.create({
      data: { type: 'test.gave-up', status: 'failed', lastError: 'SMTP down', finishedAt: new Date() },
      select: { id: true },
    })
  ).id;
  // A guidance session logged by the adviser above (only they may correct it) at a point.
  const adviser = await db.user.findFirstOrThrow({
    where: { organisationId: orgA.id, roles: { every: { role: { key: 'adviser' } } } },
    orderBy: { createdAt: 'desc' },
  });
  const point = await makeSupportPoint(db, { slug: 'matriisipiste' });
  const session = await db.guidanceSession.create({
    data: {
      adviserId: adviser.id,
      organisationId: orgA.id,
      supportPointId: point.id,
      date: new Date(),
      device: 'android',
      topics: ['email'],
      channel: 'support_point',
      serviceLevel: 1,
      durationMinutes: 20,
      language: 'fi',
      outcome: 'solved',
      idempotencyKey: crypto.randomUUID(),
      feedbackCode: newFeedbackCode(),
    },
  });
  Object.assign(ids, { session: session.id, sessionCode: session.feedbackCode, point: point.slug });
  const slotDay = addDays(helsinkiToday(), 2);
  const slot = await db.helpSlot.create({
    data: {
      supportPointId: point.id,
      organisationId: ids.orgA,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      startsAt: '10:00',
      endsAt: '12:00',
      validFrom: dayDate(helsinkiToday()),
      needed: 9,
    },
  });
  // Someone else's shift: no other member may see or cancel it.
  const shiftOwner = await makeUser(db, { role: 'adviser', organisationId: ids.orgA });
  const shift = await db.shift.create({
    data: { slotId: slot.id, date: dayDate(slotDay), userId: shiftOwner.id },
  });
  Object.assign(ids, { slot: slot.id, slotDay, shift: shift.id });
  ids.referralCode = (
    await db.referral.create({ data: { code: 'matrix23', toOther: 'Pankki', language: 'fi' } })
  ).code;
  ids.feedback = (
    await db.fieldFeedback.create({
      data: {
        eserviceId: service.id,
        reporterId: rep.id,
        whatHappened: 'Ei aukea',
        device: 'android',
        frequency: 'often',
        severity: 'blocks',
      },
    })
  ).id;
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
        expected[who] = who === 'twoRoles' ? (c.twoRoles ?? unionOf(c.expect[4], c.expect[2])) : c.expect[i]!;
      }
      expect(actual).toEqual(expected);
    });
  }
});
