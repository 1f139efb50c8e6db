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
import { ANONYMOUS, detailPages, FORUM, LIBRARY, MEMBER, SEEDED, threadPage } from './pages';

setupBrowser();

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

describe('page titles', () => {
  it('a page under another has its own title, not the title of the page above it', async () => {
    const page = await newPage();
    await login(page, demo('admin'));
    await page.goto('/events');
    const event = (await page
      .locator('main a[href^="/events/"]')
      .evaluateAll((links) =>
        links.map((a) => a.getAttribute('href')).find((h) => /^\/events\/[0-9a-f-]{20,}$/.test(h ?? '')),
      ))!;
    const families = [
      [SEEDED, `${SEEDED}/edit`, `${SEEDED}/versions`, `${SEEDED}/stats`, `${SEEDED}/compare?a=1&b=2`],
      [event, `${event}/edit`, `${event}/organise`, `${event}/check-in`],
      ['/support-points/oodi', '/support-points/oodi/edit'],
      ['/eservices/omakanta', '/eservices/omakanta/edit'],
    ];
    for (const family of families) {
      const titles: string[] = [];
      for (const path of family) {
        await page.goto(path);
        titles.push(await page.title());
      }
      expect(new Set(titles).size, titles.join(' | ')).toBe(family.length);
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
      const thread = await threadPage(page);
      for (const path of [...MEMBER, ...FORUM, ...LIBRARY, thread, ...(await detailPages(page))]) {
        await page.goto(path);
        await expectNoHorizontalScroll(page);
      }
    });
  }

  it('touch targets in the header are at least 44 px tall, with the menu open too', async () => {
    const page = await newPage({ width: 360 });
    await login(page, demo('coordinator'));
    await page.locator('details.app-menu summary').click();
    const heights = await page
      .locator('header a, header button, header summary')
      .evaluateAll((els) =>
        els.filter((e) => e.getClientRects().length > 0).map((e) => e.getBoundingClientRect().height),
      );
    expect(heights.length).toBeGreaterThan(10);
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
  });

  it('the summaries that open a category or the detailed settings are at least 44 px tall', async () => {
    const page = await newPage({ width: 360 });
    await login(page, demo('admin'));
    for (const path of ['/forum/categories', '/profile/notifications']) {
      await page.goto(path);
      const heights = await page
        .locator('main summary')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(heights.length, path).toBeGreaterThan(0);
      expect(Math.min(...heights), path).toBeGreaterThanOrEqual(44);
    }
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

  it('a link in the app opens its page without loading a document; focus goes to its heading, the navigation marks it', async () => {
    const page = await newPage();
    await login(page, demo('adviser'));
    await page.goto('/?lng=en');
    // Set on the window of this document: a document load would lose it.
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    const forum = page.locator('nav.main-nav a[href="/forum"]');
    expect(await forum.getAttribute('aria-current')).toBeNull();
    await forum.press('Enter');
    await page.waitForURL((u) => u.pathname === '/forum');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await forum.getAttribute('aria-current')).toBe('page');
    expect(await page.locator('nav.main-nav a[href="/"]').getAttribute('aria-current')).toBeNull();
    // A link in the page (a category), then back: still the same document.
    await page.locator('main a[href^="/forum/"]').first().click();
    await page.waitForURL((u) => u.pathname.startsWith('/forum/') && u.pathname !== '/forum');
    expect(await forum.getAttribute('aria-current')).toBe('page');
    await page.goBack();
    await page.waitForURL((u) => u.pathname === '/forum');
    expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });
});
