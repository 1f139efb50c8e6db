// Debian's Chromium through playwright-core, one browser per spec file, a fresh context per
// test; any console error or uncaught page error fails the test.
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

export const baseURL = inject('baseURL');
export const mailDir = inject('mailDir');
export const DEMO_PASSWORD = 'Tukiverkko-demo-2026';

let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

export function setupBrowser() {
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    const seen = problems.splice(0);
    expect(seen, 'console errors in the browser').toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });
}

/** A new page; `expectedErrors` lists console messages a test provokes on purpose (e.g. a 404 load). */
let contextCount = 0;

export async function newPage(
  options: {
    width?: number;
    height?: number;
    expectedErrors?: RegExp[];
    /** A phone's touch screen (taps, no hover). */
    touch?: boolean;
    javaScript?: boolean;
    /** Keep the app's service worker out, so that page.route sees every request. */
    blockServiceWorkers?: boolean;
    /** Another site the test visits (an identity provider): its pages' console is not ours to judge. */
    otherSite?: string;
  } = {},
): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    // Every browser comes from its own address (documentation range 198.51.100.0/24).
    extraHTTPHeaders: { 'X-Forwarded-For': `198.51.100.${(contextCount++ % 250) + 1}` },
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    hasTouch: options.touch ?? false,
    isMobile: options.touch ?? false,
    javaScriptEnabled: options.javaScript ?? true,
    serviceWorkers: options.blockServiceWorkers ? 'block' : 'allow',
    // A browser set up in Helsinki; Chromium's own default would be en-US.
    locale: 'fi-FI',
    timezoneId: 'Europe/Helsinki',
  });
  contexts.push(context);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (options.expectedErrors?.some((re) => re.test(text))) return;
    if (options.otherSite && page.url().startsWith(options.otherSite)) return;
    problems.push(`${page.url()}: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  return page;
}

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/login')),
    page.locator('form.form button[type=submit]').click(),
  ]);
}

/** Opens the header's menu (language, log out; on a phone also the navigation). */
export async function openMenu(page: Page) {
  const menu = page.locator('details.app-menu');
  if (!(await menu.evaluate((d: HTMLDetailsElement) => d.open))) await menu.locator('summary').click();
  await menu.locator('.app-menu__panel').waitFor({ state: 'visible' });
}

export const demo = (role: string) => `${role}@demo.tukiverkko.test`;

/** Waits for the next message to `to` that the test SMTP server received, and returns it decoded. */
export async function waitForMail(to: string, since: number): Promise<string> {
  // The digest and mail jobs run in the app's worker: on a busy CI machine (every e2e file two to
  // three times slower than usual) a digest took longer than 20 s to arrive.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    for (const file of fs.readdirSync(mailDir).sort().reverse()) {
      const full = path.join(mailDir, file);
      if (fs.statSync(full).mtimeMs < since) continue;
      const raw = fs.readFileSync(full, 'utf8');
      if (new RegExp(`^To: .*${to.replace(/[.+]/g, '\\$&')}`, 'mi').test(raw)) return decodeMail(raw);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no mail to ${to}`);
}

/** Undoes quoted-printable (nodemailer's choice for these texts), bytes first, then UTF-8. */
function decodeMail(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? joined.slice(i + 1, i + 3) : '';
    if (/^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

export function linkFrom(mail: string, prefix: string): string {
  // The path and its query (an invitation names its language: ?lng=sv).
  const match = mail.match(new RegExp(`https?://[^\\s"<]+(${prefix}[a-z0-9]+(?:\\?[a-z]+=[a-z]+)?)`));
  if (!match) throw new Error(`no ${prefix} link in mail`);
  return match[1]!;
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe on ${page.url()}`).toEqual([]);
}

export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `horizontal overflow on ${page.url()}`).toBeLessThanOrEqual(0);
}

/**
 * A member of their own, invited in English by the demo coordinator and joined on `page`, for
 * tests that change an account in ways the shared demo accounts must not be changed.
 */
export async function joinAsNewMember(page: Page, who: { name: string; password: string }): Promise<string> {
  const coordinator = await newPage();
  await login(coordinator, demo('coordinator'));
  await coordinator.goto('/members/invite?lng=en');
  const email = `new.member.${Date.now()}@example.test`;
  await coordinator.getByLabel("Invitee's e-mail").fill(email);
  await coordinator.getByLabel('Organisation', { exact: true }).selectOption({ label: 'HelsinkiMissio' });
  await coordinator.getByLabel('Language of the invitation').selectOption('en');
  const since = Date.now();
  await coordinator.getByRole('button', { name: 'Send invitation' }).click();
  await coordinator.getByText('The invitation has been sent.').waitFor();
  await coordinator.close();
  await page.goto(linkFrom(await waitForMail(email, since), '/invite/'));
  await page.getByLabel('Name', { exact: true }).fill(who.name);
  await page.getByLabel('New password').fill(who.password);
  await page.getByLabel('Password again').fill(who.password);
  await Promise.all([
    page.waitForURL(`${baseURL}/`),
    page.getByRole('button', { name: 'Create account' }).click(),
  ]);
  return email;
}
