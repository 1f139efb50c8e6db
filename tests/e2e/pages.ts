// The app's pages, by who can open them: the accessibility and phone tests walk all of them.
import type { Page } from 'playwright-core';

export const ANONYMOUS = [
  '/login',
  '/login/code',
  '/reset-password',
  '/reset-password/not-a-token',
  '/invite/not-a-token',
  '/accessibility',
  '/privacy',
  // Pages for residents (issue 17).
  '/p/oodi',
  '/r/demoref0',
];
export const MEMBER = [
  '/',
  '/help',
  '/help/forum',
  '/help/guidance',
  '/help/support-points',
  '/help/coordinators',
  '/people',
  '/people?language=uk',
  '/profile',
  '/profile/sessions',
  '/profile/security',
  '/profile/security/two-factor',
  '/profile/data',
  '/profile/remove-account',
  '/members',
  '/members?role=adviser&status=active',
  '/members/invite',
  '/admin',
  '/admin/organisations',
  '/admin/audit',
  '/admin/security',
  '/members/erasure',
  '/admin/outbox',
  '/admin/jobs',
];

// Forum pages get axe in all languages in forum.test.ts; here they are checked for small screens.
export const FORUM = [
  '/forum',
  '/forum/kela-omakanta-suomifi',
  '/forum/new',
  '/forum/moderation',
  '/forum/categories',
  '/search?q=kirjastossa',
  '/search?q=mobilcertifkat',
  '/search?q=bibliotek&kind=support_point',
  '/notifications',
  '/profile/notifications',
];

// Library pages get axe in all languages in library.test.ts; here they are checked for small screens.
export const SEEDED = '/library/omakanta-kirjautuminen-ja-reseptin-uusiminen';
export const LIBRARY = [
  '/library',
  SEEDED,
  `${SEEDED}/edit`,
  `${SEEDED}/versions`,
  `${SEEDED}/compare?a=1&b=2`,
  `${SEEDED}/stats`,
  '/library/new',
  '/library/translations',
  '/library/paths',
  '/library/paths/uusi-opastaja',
  '/events',
  '/events?view=month',
  '/events/new',
  '/events/calendar',
  // Briefings, the e-service catalogue and field feedback (axe in briefings.test.ts).
  '/briefings',
  '/briefings/new',
  '/eservices',
  '/eservices/omakanta',
  '/eservices/omakanta/edit',
  '/eservices/maisa/feedback',
  '/eservices/maisa/feedback/new',
  '/feedback',
  // The guidance log, dashboards and support points (axe in guidance.test.ts).
  '/reports',
  '/reports?interval=week&scope=mine',
  '/reports/log',
  '/support-points',
  '/support-points/oodi',
  '/support-points/new',
  '/support-points/oodi/edit',
  // The roster (axe in roster.test.ts).
  '/shifts',
  '/support-points/oodi/slots/new',
  '/roster',
  '/roster?view=month',
  '/roster/gaps',
  '/referrals/new',
];

export async function detailPages(page: Page) {
  await page.goto('/members');
  const member = await page.locator('tbody a').first().getAttribute('href');
  await page.goto('/admin/organisations');
  const organisation = await page.locator('tbody a').first().getAttribute('href');
  await page.goto('/briefings');
  const briefing = await page.locator('.material-card h2 a').last().getAttribute('href');
  await page.goto('/eservices/maisa/feedback');
  const report = await page.locator('tbody a').first().getAttribute('href');
  return [member!, organisation!, briefing!, report!];
}

/** A thread page of the seeded forum. */
export async function threadPage(page: Page) {
  await page.goto('/forum/kela-omakanta-suomifi');
  return (await page.locator('.thread-row a').first().getAttribute('href'))!;
}
