// The roster in a real browser (issue 17): an adviser signs up for a weekly shift on a phone and
// the coordinator sees the gap close; a failed slot form keeps what was typed; cancelling asks
// for a reason. Axe on every roster page in all three languages.
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

const PHONE = { width: 390, height: 844, touch: true };
// Kontula's Friday help time is left empty by the demo data: a gap to fill.
const POINT = '/support-points/kontula-palvelukeskus';

describe('shifts on a phone', () => {
  it('an adviser signs up every week until a day; the coordinator sees the gap close; the adviser cancels one with a reason', async () => {
    const coordinator = await newPage();
    await login(coordinator, demo('coordinator'));
    await coordinator.goto(POINT);
    const firstTime = coordinator.locator('.help-time').first();
    expect(await firstTime.getAttribute('class')).toContain('help-time--empty');
    const when = (await firstTime.locator('h3').textContent())!;

    const phone = await newPage({ ...PHONE, expectedErrors: [/status of 400/] });
    await login(phone, demo('adviser'));
    await phone.goto(POINT);
    await expectNoHorizontalScroll(phone);
    await phone.getByRole('link', { name: `Ilmoittaudu: ${when}` }).tap();
    await phone.getByRole('heading', { level: 1, name: 'Ilmoittaudu vuoroon' }).waitFor();
    expect(await phone.locator('.lead').textContent()).toContain(when);
    await phone.getByRole('radio', { name: /Joka viikko/ }).check();
    await expectNoHorizontalScroll(phone);
    await phone.locator('main form button[type=submit]').tap();
    await phone.waitForURL('**/shifts');
    const notice = phone.locator('.notice--success');
    expect(await notice.textContent()).toMatch(/Olet ilmoittautunut \d+ vuoroon/);
    expect(await phone.locator('.card', { hasText: 'Kontulan palvelukeskus' }).count()).toBeGreaterThan(1);

    await coordinator.reload();
    expect(await coordinator.locator('.help-time').first().getAttribute('class')).toContain(
      'help-time--short',
    );
    expect(await coordinator.locator('.help-time').first().textContent()).toContain('1/2 neuvojaa');

    // Cancelling: the reason is asked for, and the shift goes from the list.
    const cards = phone.locator('.card', { hasText: when.split(' klo ')[0]! });
    await cards.first().getByRole('link', { name: 'Peru vuoro' }).tap();
    await phone.getByRole('heading', { level: 1, name: 'Peru vuoro' }).waitFor();
    await phone.locator('main form button[type=submit]').tap();
    await phone.locator('.error-summary').waitFor();
    await phone.getByLabel('Miksi et pääse?').fill('Lapsenlapsen synttärit');
    await phone.locator('main form button[type=submit]').tap();
    await phone.waitForURL('**/shifts');
    expect(await phone.locator('.notice--success').textContent()).toContain('Vuoro peruttu');
    expect(await phone.locator('.card', { hasText: when.split(' klo ')[0]! }).count()).toBe(0);

    await coordinator.reload();
    expect(await coordinator.locator('.help-time').first().getAttribute('class')).toContain(
      'help-time--empty',
    );
  });

  it('a help time form that fails keeps what was typed and says what to fix', async () => {
    const page = await newPage({ ...PHONE, expectedErrors: [/status of 400/] });
    await login(page, demo('coordinator'));
    await page.goto('/support-points/oodi/slots/new');
    await page.getByRole('checkbox', { name: 'tiistai' }).check();
    await page.getByLabel(/Päivät, joina ei ole neuvontaa/).fill('24.12.2026\njouluaatto');
    await page.locator('main form button[type=submit]').tap();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Kirjoita jokainen päivä muodossa 24.12.2026');
    expect(await page.getByRole('checkbox', { name: 'tiistai' }).isChecked()).toBe(true);
    expect(await page.getByLabel(/Päivät, joina ei ole neuvontaa/).inputValue()).toBe(
      '24.12.2026\njouluaatto',
    );
    await page.getByLabel(/Päivät, joina ei ole neuvontaa/).fill('24.12.2026');
    await page.locator('main form button[type=submit]').tap();
    await page.waitForURL('**/support-points/oodi*');
    expect(await page.locator('.notice--success').textContent()).toContain('Neuvonta-aika tallennettu');
  });
});

describe.each(['fi', 'sv', 'en'])('roster pages in %s', (lng) => {
  it('pass axe', async () => {
    const page = await newPage(PHONE);
    await login(page, demo('coordinator'));
    await page.goto(`/support-points/oodi?lng=${lng}`);
    const change = await page.locator('.help-time a[href*="/slots/"]').first().getAttribute('href');
    const signUp = await page.locator('.help-time a[href^="/shifts/new"]').first().getAttribute('href');
    await page.goto('/shifts');
    const cancel = await page.locator('a[href$="/cancel"]').first().getAttribute('href');
    const paths = [
      '/support-points/oodi',
      '/support-points/oodi/slots/new',
      change!,
      '/shifts',
      ...(signUp ? [signUp] : []),
      ...(cancel ? [cancel] : []),
    ];
    for (const path of paths) {
      await page.goto(`${path}${path.includes('?') ? '&' : '?'}lng=${lng}`);
      expect(await page.getAttribute('html', 'lang')).toBe(lng);
      expect(await page.locator('h1').count()).toBe(1);
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
    }
  });
});
