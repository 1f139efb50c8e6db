// Issue 14, items 5 and 6 in a browser: the home feed on a phone, and the news digest e-mail as
// the test SMTP server receives it, with its one-click unsubscribe used the way a mail program
// uses it (a POST without cookie or Origin).
import { describe, expect, it } from 'vitest';
import { demo, expectNoAxeViolations, login, newPage, setupBrowser, waitForMail } from './browser';

setupBrowser();

const PHONE = { width: 390, height: 844, touch: true };

describe('home feed and news digest', () => {
  it('the feed lists what is new, one item a row, and "mark all seen" clears the badges', async () => {
    const page = await newPage(PHONE);
    await login(page, demo('adviser'));
    for (const lng of ['fi', 'sv', 'en']) {
      await page.goto(`/?lng=${lng}`);
      expect(await page.locator('ol.feed > li.feed__item').count()).toBeGreaterThan(3);
      await expectNoAxeViolations(page);
    }
    await page.setViewportSize({ width: 320, height: 844 });
    await page.goto('/?lng=fi');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await page.locator('.feed .badge--new').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Merkitse kaikki nähdyiksi' }).click();
    await expect.poll(() => page.locator('.feed .badge--new').count()).toBe(0);
  });

  it('the digest e-mail holds the feed items and its one-click unsubscribe works without login', async () => {
    const since = Date.now();
    const adviser = await newPage();
    await login(adviser, demo('adviser'));
    await adviser.goto('/?lng=fi');
    const titles = (await adviser.locator('ol.feed > li.feed__item a').allTextContents()).slice(0, 5);
    expect(titles.length).toBe(5);

    const admin = await newPage();
    await login(admin, demo('admin'));
    await admin.goto('/admin/jobs?lng=fi');
    await admin.getByRole('button', { name: 'Lähetä erääntyneet koosteet nyt' }).click();
    await admin.getByText('Erääntyneet koosteet lähetetään hetken kuluttua.').waitFor();

    const mail = await waitForMail(demo('adviser'), since);
    for (const title of titles) expect(mail).toContain(title);
    const headers = mail.slice(0, mail.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, ' ');
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    const link = /^List-Unsubscribe: <([^>]+)>$/m.exec(headers)?.[1];
    expect(link).toMatch(/\/unsubscribe\/[A-Za-z0-9_-]{32}$/);

    // Opening the link asks first (mail scanners open links); the page passes axe in each language.
    const anonymous = await newPage();
    for (const lng of ['fi', 'sv', 'en']) {
      await anonymous.goto(`${new URL(link!).pathname}?lng=${lng}`);
      await expectNoAxeViolations(anonymous);
    }
    const response = await fetch(link!, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
      redirect: 'manual',
    });
    expect(response.status).toBe(200);
    await adviser.goto('/profile/notifications?lng=fi');
    expect(await adviser.getByRole('radio', { name: 'Ei lainkaan' }).isChecked()).toBe(true);

    // Every digest of this run is delivered before the next test file waits for its own mail.
    await expect
      .poll(
        async () => {
          await admin.reload();
          return admin.locator('td', { hasText: /^email\.send$/ }).count();
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBe(0);
    // Two waits of up to a minute for the worker's jobs: more than the suite's 90 s on a busy machine.
  }, 180_000);
});

describe('installable', () => {
  it('the manifest and icons load, the service worker takes over, and a page opened offline says so', async () => {
    const page = await newPage({
      ...PHONE,
      expectedErrors: [/ERR_INTERNET_DISCONNECTED/, /Failed to load resource/],
    });
    await login(page, demo('adviser'));
    await page.goto('/?lng=fi');
    const href = (await page.locator('link[rel=manifest]').getAttribute('href'))!;
    const manifest = (await (await page.request.get(href)).json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({ name: 'Tukiverkko', start_url: '/', display: 'standalone' });
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) expect((await page.request.get(icon.src)).status()).toBe(200);
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null))
      .toMatch(/\/sw\.js$/);

    await page.context().setOffline(true);
    await page.goto('/forum?lng=sv');
    expect(await page.locator('h1').textContent()).toBe('Ei yhteyttä');
    expect(await page.locator('section[lang=sv] h2').textContent()).toBe('Ingen anslutning');
    expect(await page.locator('section[lang=en] h2').textContent()).toBe('No connection');
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Back online, "try again" opens the page that was asked for.
    await page.context().setOffline(false);
    await Promise.all([
      page.waitForURL(/\/forum/),
      page.getByRole('link', { name: 'Yritä uudelleen' }).click(),
    ]);
    await page.locator('h1', { hasText: 'Forum' }).waitFor();
  });
});
