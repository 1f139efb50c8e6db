import { describe, expect, it } from 'vitest';
import {
  baseURL,
  demo,
  expectNoAxeViolations,
  linkFrom,
  login,
  newPage,
  setupBrowser,
  waitForMail,
} from './browser';

setupBrowser();

const ROLES = ['adviser', 'trainer', 'eservice_rep', 'org_admin', 'coordinator', 'admin'] as const;

describe('logging in', () => {
  for (const role of ROLES) {
    it(`${role} logs in, sees only the areas of their role, and logs out`, async () => {
      const page = await newPage();
      await login(page, demo(role));
      await expect.poll(() => page.locator('h1').textContent()).toMatch(/^(Tervetuloa|Välkommen|Welcome), /);
      const nav = await page.locator('nav.main-nav a').allTextContents();
      const membersVisible = ['org_admin', 'coordinator', 'admin'].includes(role);
      expect(nav.some((t) => /Jäsenet|Medlemmar|Members/.test(t))).toBe(membersVisible);
      expect(nav.some((t) => /Ylläpito|Administration/.test(t))).toBe(role === 'admin');
      await page.locator('.user-menu form[action="/logout"] button').click();
      await page.waitForURL('**/login');
      await page.goto('/profile');
      expect(new URL(page.url()).pathname).toBe('/login');
    });
  }
});

describe('lockout and recovery', () => {
  it('after repeated wrong passwords the login says to wait or reset; the reset link e-mailed over SMTP recovers the account', async () => {
    const email = 'raili.laine@demo.tukiverkko.test';
    const page = await newPage({ expectedErrors: [/status of 4(00|29)/] });
    await page.goto('/login?lng=fi');
    for (let i = 0; i < 6; i++) {
      await page.locator('input[name=email]').fill(email);
      await page.locator('input[name=password]').fill(`väärä salasana ${i}`);
      await page.locator('form.form button[type=submit]').click();
      await page.locator('.notice--error').waitFor();
    }
    await expect
      .poll(() => page.locator('.notice--error').textContent())
      .toContain('Liian monta kirjautumisyritystä');
    await expectNoAxeViolations(page);

    const since = Date.now();
    await page.locator('.notice--error a').click();
    await page.waitForURL('**/reset-password');
    await page.locator('input[name=email]').fill(email);
    await page.locator('form.form button[type=submit]').click();
    await page.locator('.notice--success').waitFor();
    const mail = await waitForMail(email, since);
    expect(mail).toContain('Joku (toivottavasti sinä) pyysi uutta salasanaa');
    await page.goto(linkFrom(mail, '/reset-password/'));
    await expectNoAxeViolations(page);
    await page.locator('input[name=password]').fill('uusi pitkä salasana 2026');
    await page.locator('input[name=confirmPassword]').fill('uusi pitkä salasana 2026');
    await Promise.all([
      page.waitForURL(`${baseURL}/`),
      page.locator('form.form button[type=submit]').click(),
    ]);
    await expect.poll(() => page.locator('h1').textContent()).toContain('Raili Laine');
  });
});

describe('joining by invitation', () => {
  it('a coordinator invites; the invitee opens the e-mailed link, sets name and password and is logged in; the link then says it is used', async () => {
    const coordinator = await newPage();
    await login(coordinator, demo('coordinator'));
    await coordinator.goto('/members/invite?lng=en');
    await expectNoAxeViolations(coordinator);
    const email = `new.adviser.${Date.now()}@example.test`;
    await coordinator.getByLabel("Invitee's e-mail").fill(email);
    await coordinator.getByLabel('Organisation').selectOption({ label: 'HelsinkiMissio' });
    await coordinator.getByLabel('Role', { exact: true }).selectOption('adviser');
    await coordinator.getByLabel('Language of the invitation').selectOption('sv');
    const since = Date.now();
    await coordinator.getByRole('button', { name: 'Send invitation' }).click();
    await coordinator.getByText('The invitation has been sent.').waitFor();

    const mail = await waitForMail(email, since);
    const link = linkFrom(mail, '/invite/');
    const invitee = await newPage({ width: 360, height: 740 });
    await invitee.goto(`${link}?lng=sv`);
    await expect.poll(() => invitee.locator('h1').textContent()).toBe('Välkommen till Tukiverkko');
    await expectNoAxeViolations(invitee);
    await invitee.getByLabel('Namn').fill('Greta Lindblom');
    await invitee.getByLabel('Nytt lösenord').fill('hemligt men långt 123');
    await invitee.getByLabel('Lösenordet igen').fill('hemligt men långt 123');
    await Promise.all([
      invitee.waitForURL(`${baseURL}/`),
      invitee.getByRole('button', { name: 'Skapa konto' }).click(),
    ]);
    await expect.poll(() => invitee.locator('h1').textContent()).toBe('Välkommen, Greta Lindblom');

    const again = await newPage();
    await again.goto(link);
    await expect.poll(() => again.locator('.notice--error').textContent()).toContain('Kutsu on jo käytetty');
  });
});

describe('HTTP hardening', () => {
  it('refuses a write from another origin, or with no origin, with 403', async () => {
    const evil = await fetch(`${baseURL}/login`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'email=admin%40demo.tukiverkko.test&password=x',
      redirect: 'manual',
    });
    expect(evil.status).toBe(403);
    const none = await fetch(`${baseURL}/logout`, { method: 'POST', redirect: 'manual' });
    expect(none.status).toBe(403);
  });

  it('sends the security headers on pages, static files and 404s, with a fresh nonce each time', async () => {
    const urls = ['/login', '/favicon.svg', '/no-such-page', '/build/no-such-file.js'];
    const nonces = new Set<string>();
    for (const url of urls) {
      const response = await fetch(`${baseURL}${url}`, { redirect: 'manual' });
      const csp = response.headers.get('Content-Security-Policy') ?? '';
      expect(csp, url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(response.headers.get('Referrer-Policy')).toBe('same-origin');
      expect(response.headers.get('Content-Security-Policy-Report-Only')).toBeNull();
      nonces.add(csp.match(/nonce-([^']+)/)![1]!);
    }
    expect(nonces.size).toBe(urls.length);
    const missing = await fetch(`${baseURL}/no-such-page`);
    expect(missing.status).toBe(404);
    const html = await missing.text();
    expect(html).toContain('Sivua ei löytynyt');
    expect(html).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('answers /healthz and /readyz', async () => {
    expect(await (await fetch(`${baseURL}/healthz`)).text()).toBe('ok');
    expect((await fetch(`${baseURL}/readyz`)).status).toBe(200);
  });
});
