import { describe, expect, it } from 'vitest';
import http from 'node:http';
import zlib from 'node:zlib';
import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import * as OTPAuth from 'otpauth';
import { startTestProvider } from '../oidc/test-provider';
import {
  baseURL,
  DEMO_PASSWORD,
  demo,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  joinAsNewMember,
  linkFrom,
  login,
  newPage,
  openMenu,
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
      await openMenu(page);
      await page.locator('.app-menu form[action="/logout"] button').click();
      await page.waitForURL('**/login');
      await page.goto('/profile');
      expect(new URL(page.url()).pathname).toBe('/login');
    });
  }
});

describe('lockout and recovery', () => {
  it('after 10 wrong passwords the login says how long to wait; the reset link e-mailed over SMTP recovers the account', async () => {
    const email = 'raili.laine@demo.tukiverkko.test';
    const page = await newPage({ expectedErrors: [/status of 4(00|29)/] });
    await page.goto('/login?lng=fi');
    // Ten failures are counted; the eleventh attempt is refused.
    for (let i = 0; i < 11; i++) {
      await page.locator('input[name=email]').fill(email);
      await page.locator('input[name=password]').fill(`väärä salasana ${i}`);
      await page.locator('form.form button[type=submit]').click();
      await page.locator('.error-summary').waitFor();
    }
    await expect
      .poll(() => page.locator('.error-summary').textContent())
      .toContain('Liian monta epäonnistunutta kirjautumisyritystä');
    await expectNoAxeViolations(page);

    const since = Date.now();
    // The refusal does not push a password change; the page's own link is there for the owner.
    expect(await page.locator('.error-summary a[href="/reset-password"]').count()).toBe(0);
    await page.locator('main a[href="/reset-password"]').click();
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
    await coordinator.getByLabel('Organisation', { exact: true }).selectOption({ label: 'HelsinkiMissio' });
    // Roles combine: an adviser (ticked already) who also trains.
    expect(await coordinator.getByRole('checkbox', { name: 'Adviser' }).isChecked()).toBe(true);
    await coordinator.getByRole('checkbox', { name: 'Trainer' }).check();
    await coordinator.getByLabel('Language of the invitation').selectOption('sv');
    const since = Date.now();
    await coordinator.getByRole('button', { name: 'Send invitation' }).click();
    await coordinator.getByText('The invitation has been sent.').waitFor();

    const mail = await waitForMail(email, since);
    const link = linkFrom(mail, '/invite/');
    const invitee = await newPage({ width: 360, height: 740 });
    // The link opens the page in the invitation's language (Swedish), not the browser's.
    await invitee.goto(link);
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
    expect(await invitee.locator('.lead').first().textContent()).toBe(
      'Dina roller: Digistödjare och Utbildare, HelsinkiMissio.',
    );

    // The used link still opens in the invitation's language, and says it is used.
    const again = await newPage();
    await again.goto(link);
    await expect
      .poll(() => again.locator('.notice--error').textContent())
      .toContain('Inbjudan har redan använts');
  });
});

describe('roles that combine', () => {
  it('a coordinator on a phone gives a member a second role, removes one after confirming, and undoes it; axe clean in three languages', async () => {
    const page = await newPage({ width: 390, height: 844, touch: true });
    await login(page, demo('coordinator'));
    await page.goto('/members?q=Seppo&lng=en');
    await page.getByRole('link', { name: 'Seppo Järvinen' }).click();
    await page.getByRole('heading', { name: 'Seppo Järvinen', level: 1 }).waitFor();
    const roles = page.locator('.role-list');
    await expect.poll(() => roles.textContent()).toBe('Adviser');
    for (const lng of ['fi', 'sv', 'en']) {
      await page.goto(`${new URL(page.url()).pathname}?lng=${lng}`);
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
    }

    await page.getByLabel('Give a role').selectOption('trainer');
    await page.getByRole('button', { name: 'Give the role' }).click();
    await page.getByText('The role was given.').waitFor();
    await expect.poll(() => roles.locator('li > span').allTextContents()).toEqual(['Adviser', 'Trainer']);
    // The coordinator may not hand out the admin role.
    expect(await page.getByLabel('Give a role').locator('option[value=admin]').count()).toBe(0);

    await page.getByRole('button', { name: 'Remove the role Adviser' }).click();
    const question = page.getByRole('heading', { name: 'Remove the role Adviser from Seppo Järvinen?' });
    await question.waitFor();
    // The question takes focus, as the error summary does.
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('confirm-panel');
    await expect.poll(() => roles.locator('li > span').allTextContents()).toEqual(['Adviser', 'Trainer']);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Yes, remove the role' }).click();
    await page.getByText('The role was removed.').waitFor();
    await expect.poll(() => roles.locator('li > span').allTextContents()).toEqual(['Trainer']);
    await page.screenshot({ path: '/tmp/member-roles.png', fullPage: true });

    await page.getByRole('button', { name: 'Undo: give Adviser back' }).click();
    await page.getByText('The role was given.').waitFor();
    await expect.poll(() => roles.locator('li > span').allTextContents()).toEqual(['Adviser', 'Trainer']);
    // Back as it was, for other tests.
    await page.getByRole('button', { name: 'Remove the role Trainer' }).click();
    await page.getByRole('button', { name: 'Yes, remove the role' }).click();
    await expect.poll(() => roles.locator('li > span').allTextContents()).toEqual(['Adviser']);
  });
});

/** A GET as it comes over the wire (not decompressed), asking for `encoding`. */
const raw = (path: string, encoding: string) =>
  new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(`${baseURL}${path}`, { headers: { 'Accept-Encoding': encoding } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });

describe('HTTP hardening', () => {
  it('sends scripts, styles and the strings compressed as the browser asks, made once, not per request', async () => {
    const page = await (await fetch(`${baseURL}/login`)).text();
    const script = page.match(/\/build\/[^"]*entry\.client[^"]*\.js/)![0];
    const strings = page.match(/\/i18n\/fi\.js\?v=[0-9a-f]+/)![0];
    for (const path of [script, strings]) {
      const plain = await raw(path, 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      const br = await raw(path, 'gzip, deflate, br');
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-type']).toMatch(/^text\/javascript/);
      expect(br.headers.vary).toMatch(/Accept-Encoding/);
      expect(zlib.brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
      expect(br.body.length).toBeLessThan(plain.body.length / 2);
      const gzip = await raw(path, 'gzip');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(zlib.gunzipSync(gzip.body).equals(plain.body)).toBe(true);
      // "br;q=0" refuses Brotli.
      expect((await raw(path, 'br;q=0, gzip')).headers['content-encoding']).toBe('gzip');
    }
    expect((await raw(script, 'br')).headers['cache-control']).toMatch(/immutable/);
  });

  it('sends pages compressed as the browser asks, except public pages the server keeps and re-nonces', async () => {
    const plain = await raw('/login', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
    const br = await raw('/login', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    const html = zlib.brotliDecompressSync(br.body).toString('utf8');
    expect(html).toContain('<h1');
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    const gzip = await raw('/login', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.body).toString('utf8')).toContain('<h1');
    // A residents' page is public: kept by the server for a few seconds, sent as it is.
    const resident = await raw('/p/oodi', 'br');
    expect(resident.headers['cache-control']).toMatch(/^public/);
    expect(resident.headers['content-encoding']).toBeUndefined();
  });

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

  it('judges a write by APP_ORIGIN, not by a Host header the client chose; refuses TRACE', async () => {
    // node:http, because fetch will not send a Host header or TRACE of the caller's choosing.
    const raw = (method: string, headers: Record<string, string>, body = '') =>
      new Promise<number>((resolve, reject) => {
        const request = http.request(`${baseURL}/reset-password`, { method, headers }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        request.on('error', reject);
        request.end(body);
      });
    const forged = await raw(
      'POST',
      {
        Host: 'evil.example:3102',
        Origin: 'http://evil.example:3102',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      'email=adviser%40demo.tukiverkko.test',
    );
    expect(forged).toBe(403);
    expect(await raw('TRACE', { Origin: baseURL })).toBe(405);
  });

  it('keeps no page or data of a logged-in member in any cache, and says so once per header', async () => {
    const login = await fetch(`${baseURL}/login`, {
      method: 'POST',
      headers: { Origin: baseURL, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `email=admin%40demo.tukiverkko.test&password=${DEMO_PASSWORD}`,
      redirect: 'manual',
    });
    const cookie = login.headers.get('Set-Cookie')!.split(';')[0]!;
    // Walk the links an admin can follow from the home page, like someone clicking around.
    const seen = new Set<string>();
    const queue = [
      '/',
      '/profile',
      '/profile/security',
      '/admin/outbox',
      '/forum',
      '/library',
      '/events',
      '/briefings',
      '/reports',
    ];
    const skip =
      /^\/(logout|build|i18n|uploads|calendar|f\/)|\.(ics|csv|svg|png|js|webmanifest)(\?|$)|export/;
    const failures: string[] = [];
    while (queue.length && seen.size < 120) {
      const path = queue.shift()!;
      if (seen.has(path) || skip.test(path)) continue;
      seen.add(path);
      for (const url of [path, `${path}${path.includes('?') ? '&' : '?'}_data=root`]) {
        const response = await fetch(`${baseURL}${url}`, { headers: { Cookie: cookie }, redirect: 'manual' });
        if (response.headers.get('Cache-Control') !== 'no-store')
          failures.push(`${url} ${response.status}: ${response.headers.get('Cache-Control')}`);
        for (const name of ['X-Content-Type-Options', 'Referrer-Policy', 'X-Frame-Options'])
          if (response.headers.get(name)?.includes(',')) failures.push(`${url}: ${name} twice`);
        if (url !== path || !response.headers.get('Content-Type')?.startsWith('text/html')) continue;
        const html = await response.text();
        for (const [, href] of html.matchAll(/href="(\/[^"#]*)"/g))
          if (!seen.has(href!.replaceAll('&amp;', '&'))) queue.push(href!.replaceAll('&amp;', '&'));
      }
    }
    expect(seen.size).toBeGreaterThan(40);
    expect(failures).toEqual([]);
    // A member's calendar feed and the open files keep their own rules, without repeating headers.
    const ics = await fetch(`${baseURL}${[...seen].find((p) => p.startsWith('/events/')) ?? '/events'}`, {
      headers: { Cookie: cookie },
    });
    expect(ics.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('answers /healthz and /readyz', async () => {
    expect(await (await fetch(`${baseURL}/healthz`)).text()).toBe('ok');
    expect((await fetch(`${baseURL}/readyz`)).status).toBe(200);
  });

  it('serves /metrics in Prometheus format to this machine only, and names each response with a request id', async () => {
    const page = await fetch(`${baseURL}/login`);
    expect(page.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
    const metrics = await fetch(`${baseURL}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('Content-Type')).toContain('text/plain');
    const text = await metrics.text();
    expect(text).toMatch(
      /^tukiverkko_http_requests_total\{route="routes\/login",method="GET",status="200"\} \d+$/m,
    );
    expect(text).toMatch(
      /^tukiverkko_http_request_duration_seconds_bucket\{route="routes\/login",le="\+Inf"\} \d+$/m,
    );
    expect(text).toMatch(/^tukiverkko_database_up 1$/m);
    expect(text).toMatch(/^tukiverkko_emails\{status="sent"\} \d+$/m);
    expect(text).toMatch(/^process_resident_memory_bytes [1-9]\d+$/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes [1-9]\d+$/m);
    // The embedded database's WebAssembly memory, when the server runs on it.
    if (!process.env.TEST_DATABASE_URL)
      expect(text).toMatch(/^tukiverkko_embedded_database_memory_bytes [1-9]\d+$/m);
    // Through the public proxy (a forwarded address), it is not there.
    expect(
      (await fetch(`${baseURL}/metrics`, { headers: { 'X-Forwarded-For': '203.0.113.9' } })).status,
    ).toBe(404);
  });
});

describe('two-step verification', () => {
  it('a new member on a phone sets it up with the key typed by hand, sees the recovery codes, and logs in with a code; axe clean in three languages', async () => {
    // A member of their own: the demo accounts stay one-step for the other tests.
    const password = 'two steps are safer 2026';
    // The wrong code below answers 400.
    const page = await newPage({ width: 390, height: 844, touch: true, expectedErrors: [/status of 400/] });
    const email = await joinAsNewMember(page, { name: 'Tuula Kaksinen', password });

    await page.goto('/profile/security?lng=en');
    await page.getByRole('link', { name: 'Set up two-step verification' }).click();
    await page.getByRole('heading', { name: 'Two-step verification', level: 1 }).waitFor();
    expect(await page.getByRole('img', { name: /QR code for the authenticator app/ }).isVisible()).toBe(true);
    for (const lng of ['fi', 'sv', 'en']) {
      await page.goto(`/profile/security/two-factor?lng=${lng}`);
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
    }
    // What a member types into the app by hand.
    const key = (await page.locator('.secret-key').textContent())!.replace(/\s/g, '');
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(key), digits: 6, period: 30 });
    await page.getByLabel('Code from the app').fill(totp.generate());
    await page.getByLabel('Current password').fill(password);
    await page.getByRole('button', { name: 'Turn on' }).click();
    const codesHeading = page.getByRole('heading', { name: 'Your recovery codes' });
    await codesHeading.waitFor();
    expect(await codesHeading.evaluate((h) => h === document.activeElement)).toBe(true);
    expect(await page.locator('.recovery-codes__list li').count()).toBe(10);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    await openMenu(page);
    await page.locator('.app-menu form[action="/logout"] button').click();
    await page.waitForURL('**/login');
    await page.locator('input[name=email]').fill(email);
    await page.locator('input[name=password]').fill(password);
    await Promise.all([
      page.waitForURL('**/login/code'),
      page.locator('form.form button[type=submit]').click(),
    ]);
    for (const lng of ['fi', 'sv', 'en']) {
      await page.goto(`/login/code?lng=${lng}`);
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
    }
    // A wrong code: the error is next to the field and the summary takes focus.
    await page.getByLabel('Code', { exact: true }).fill('000000');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary').evaluate((e) => e === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page);
    // The next time step's code (the one used to turn it on is spent).
    await page.getByLabel('Code', { exact: true }).fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await Promise.all([page.waitForURL(`${baseURL}/`), page.getByRole('button', { name: 'Log in' }).click()]);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Welcome, Tuula Kaksinen');
  });
});

describe('single sign-on', () => {
  it('an admin connects an organisation to its identity provider; an invited member signs in through the provider’s pages on a phone; a stranger is refused; axe clean', async () => {
    const provider = await startTestProvider(`${baseURL}/sso/callback`);
    try {
      const admin = await newPage();
      await login(admin, demo('admin'));
      await admin.goto('/admin/organisations?lng=en');
      const name = `Kaupunkiyksikkö ${Date.now()}`;
      await admin.getByLabel('Name', { exact: true }).fill(name);
      await admin.getByRole('button', { name: 'Add organisation' }).click();
      await admin.getByRole('heading', { name, level: 1 }).waitFor();
      await admin.getByLabel('Issuer address').fill(provider.issuer);
      await admin.getByLabel('Client ID').fill(provider.clientId);
      await admin.getByLabel('Client secret').fill(provider.clientSecret);
      const domain = `sso${Date.now()}.example.test`;
      await admin.getByLabel('E-mail domains').fill(domain);
      await admin.getByRole('button', { name: 'Save sign-in settings' }).click();
      await admin.getByText('Sign-in settings saved. The provider answered.').waitFor();
      await expectNoAxeViolations(admin);

      const coordinator = await newPage();
      await login(coordinator, demo('coordinator'));
      await coordinator.goto('/members/invite?lng=en');
      const email = `kaisa@${domain}`;
      await coordinator.getByLabel("Invitee's e-mail").fill(email);
      await coordinator.getByLabel('Organisation', { exact: true }).selectOption({ label: name });
      await coordinator.getByRole('button', { name: 'Send invitation' }).click();
      await coordinator.getByText('The invitation has been sent.').waitFor();

      // The provider's login page is filled in with the address the member typed (login_hint).
      provider.accounts.set(email, { email, name: 'Kaisa Virtanen' });
      const page = await newPage({ width: 390, height: 844, touch: true, otherSite: provider.issuer });
      for (const lng of ['sv', 'en', 'fi']) {
        await page.goto(`/login?lng=${lng}`);
        await expectNoAxeViolations(page);
        await expectNoHorizontalScroll(page);
      }
      expect(await page.getByRole('link', { name: `Kirjaudu: ${name}` }).count()).toBe(1);
      await page.locator('input[name=email]').fill(email);
      await Promise.all([
        page.waitForURL((url) => url.href.startsWith(provider.issuer)),
        page.locator('form.form button[type=submit]').click(),
      ]);
      expect(await page.locator('input[name=login]').inputValue()).toBe(email);
      await page.locator('input[name=password]').fill('at the provider');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await Promise.all([
        page.waitForURL(`${baseURL}/`),
        page.getByRole('button', { name: 'Continue' }).click(),
      ]);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Welcome, Kaisa Virtanen'); // the invitation's language

      // An address of the domain without an invitation: refused, in words, nothing created.
      const stranger = `stranger@${domain}`;
      provider.accounts.set(stranger, { email: stranger });
      const refused = await newPage({ otherSite: provider.issuer, expectedErrors: [/status of 403/] });
      await refused.goto('/login?lng=en');
      await refused.locator('input[name=email]').fill(stranger);
      await Promise.all([
        refused.waitForURL((url) => url.href.startsWith(provider.issuer)),
        refused.locator('form.form button[type=submit]').click(),
      ]);
      await refused.locator('input[name=password]').fill('at the provider');
      await refused.getByRole('button', { name: 'Sign-in' }).click();
      await Promise.all([
        refused.waitForURL(`${baseURL}/sso/callback**`),
        refused.getByRole('button', { name: 'Continue' }).click(),
      ]);
      // In the browser's language (fi-FI): `?lng=en` above chose only that page's language.
      await refused.getByRole('heading', { name: 'Kirjautuminen ei onnistunut' }).waitFor();
      expect(await refused.locator('.notice--error').textContent()).toContain('ei ole kutsua Tukiverkkoon');
      await expectNoAxeViolations(refused);
      await expectNoHorizontalScroll(refused);
    } finally {
      await provider.close();
    }
  });
});

describe('your data', () => {
  it('a member on a phone asks for a copy, watches it being made and downloads the ZIP; axe clean in three languages', async () => {
    const page = await newPage({ width: 390, height: 844, touch: true });
    await login(page, demo('trainer'));
    for (const lng of ['fi', 'sv', 'en']) {
      await page.goto(`/profile/data?lng=${lng}`);
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
    }
    await page.getByRole('button', { name: 'Make a copy of my data' }).click();
    await page.getByText('Your copy is being made.').waitFor();
    // The page looks again by itself until the background job is done.
    const link = page.getByRole('link', { name: 'Download the copy' });
    await link.waitFor({ timeout: 30_000 });
    await expectNoAxeViolations(page);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^tukiverkko-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(fs.readFileSync((await download.path())!)));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['README.txt', 'account/app_user.json', 'content/forum_post.json']),
    );
    expect(strFromU8(files['account/app_user.json']!)).toContain('trainer@demo.tukiverkko.test');
  });
});

describe('removing an account', () => {
  it('a new member on a phone asks for their account to be removed, an admin erases it; axe clean in three languages', async () => {
    const page = await newPage({ width: 390, height: 844, touch: true });
    const email = await joinAsNewMember(page, { name: 'Lea Lähtevä', password: 'time to go now 2026' });

    await page.goto('/profile?lng=en');
    await page.getByRole('link', { name: 'Remove my account' }).click();
    await page.getByRole('heading', { name: 'Remove my account', level: 1 }).waitFor();
    for (const lng of ['fi', 'sv', 'en']) {
      await page.goto(`/profile/remove-account?lng=${lng}`);
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
    }
    await page.getByRole('radio', { name: /Remove them too/ }).check();
    await page.getByRole('button', { name: 'Ask for my account to be removed' }).click();
    // The question takes focus, so a screen reader hears it first.
    const question = page.getByRole('heading', { name: 'Remove your account?' });
    await question.waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('confirm-panel');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Yes, remove my account' }).click();
    await page.getByText('Your request is saved.').waitFor();
    await page.getByText('Your posts and replies are removed too.').waitFor();
    await expectNoAxeViolations(page);

    const admin = await newPage({ width: 390, height: 844, touch: true });
    await login(admin, demo('admin'));
    for (const lng of ['fi', 'sv', 'en']) {
      await admin.goto(`/members/erasure?lng=${lng}`);
      await expectNoAxeViolations(admin);
      await expectNoHorizontalScroll(admin);
    }
    await admin.getByRole('button', { name: 'Erase now: Lea Lähtevä' }).click();
    await admin.getByRole('heading', { name: `Erase the account of Lea Lähtevä (${email})?` }).waitFor();
    await admin.getByRole('button', { name: 'Erase now', exact: true }).click();
    await admin.getByText('The account is erased.').waitFor();
    await admin.getByText('No open requests.').waitFor();
    expect(await admin.getByText('Lea Lähtevä').count()).toBe(0);
    await expectNoAxeViolations(admin);

    // Signed out for good: the session went with the account.
    await page.goto('/profile/remove-account?lng=en');
    await page.waitForURL(/\/login/);
  });
});
