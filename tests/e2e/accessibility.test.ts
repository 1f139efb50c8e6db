// axe (WCAG 2.1 A and AA) on every page in all three languages; the layout at 320 px and at
// 200 % zoom (640 CSS px) without horizontal scrolling; keyboard: the skip link comes first.
import { describe, expect, it } from 'vitest';
import {
  demo,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  login,
  newPage,
  setupBrowser,
} from './browser';

setupBrowser();

const ANONYMOUS = ['/login', '/reset-password', '/reset-password/not-a-token', '/invite/not-a-token'];
const MEMBER = [
  '/',
  '/profile',
  '/profile/sessions',
  '/profile/security',
  '/members',
  '/members?role=adviser&status=active',
  '/members/invite',
  '/admin',
  '/admin/organisations',
  '/admin/audit',
  '/admin/outbox',
  '/admin/jobs',
];

// Forum pages get axe in all languages in forum.test.ts; here they are checked for small screens.
const FORUM = [
  '/forum',
  '/forum/kela-omakanta-suomifi',
  '/forum/new',
  '/forum/moderation',
  '/forum/categories',
  '/search?q=kirjastossa',
  '/notifications',
  '/profile/notifications',
];

// Library pages get axe in all languages in library.test.ts; here they are checked for small screens.
const SEEDED = '/library/omakanta-kirjautuminen-ja-reseptin-uusiminen';
const LIBRARY = [
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
];

async function detailPages(page: import('playwright-core').Page) {
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

describe.each(['fi', 'sv', 'en'])('pages in %s', (lng) => {
  it('anonymous pages and the 404 page pass axe', async () => {
    const page = await newPage({ expectedErrors: [/status of 404/] });
    for (const path of [...ANONYMOUS, '/no-such-page']) {
      await page.goto(`${path}?lng=${lng}`);
      expect(await page.getAttribute('html', 'lang')).toBe(lng);
      await expectNoAxeViolations(page);
    }
  });

  it('every page of an admin passes axe', async () => {
    const page = await newPage();
    await login(page, demo('admin'));
    for (const path of [...MEMBER, ...(await detailPages(page))]) {
      await page.goto(`${path}${path.includes('?') ? '&' : '?'}lng=${lng}`);
      expect(await page.getAttribute('html', 'lang')).toBe(lng);
      expect(await page.locator('h1').count()).toBe(1);
      await expectNoAxeViolations(page);
    }
  });
});

describe('small screens and zoom', () => {
  for (const width of [320, 640]) {
    it(`no horizontal scrolling at ${width} px`, async () => {
      const page = await newPage({ width, height: 800 });
      for (const path of ANONYMOUS) {
        await page.goto(path);
        await expectNoHorizontalScroll(page);
      }
      await login(page, demo('admin'));
      await page.goto('/forum/kela-omakanta-suomifi');
      const thread = (await page.locator('.thread-row a').first().getAttribute('href'))!;
      for (const path of [...MEMBER, ...FORUM, ...LIBRARY, thread, ...(await detailPages(page))]) {
        await page.goto(path);
        await expectNoHorizontalScroll(page);
      }
    });
  }

  it('touch targets in the header are at least 44 px tall', async () => {
    const page = await newPage({ width: 360 });
    await login(page, demo('coordinator'));
    const heights = await page
      .locator('header a, header button')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
  });
});

describe('keyboard', () => {
  it('the first Tab reaches the skip link, which moves focus to the main content; the login works by keyboard alone', async () => {
    const page = await newPage();
    await page.goto('/login?lng=en');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.locator('input[name=email]').focus();
    await page.keyboard.type(demo('trainer'));
    await page.keyboard.press('Tab');
    await page.keyboard.type('Tukiverkko-demo-2026');
    await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.keyboard.press('Enter')]);
    const focusVisible = await page.evaluate(() => {
      const link = document.querySelector('nav.main-nav a') as HTMLElement;
      link.focus();
      return getComputedStyle(link).outlineStyle;
    });
    expect(focusVisible).not.toBe('none');
  });
});
