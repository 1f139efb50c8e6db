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

describe("swaps, coverage and the residents' page", () => {
  it('an adviser offers a shift on a phone and another adviser takes it', async () => {
    const phone = await newPage(PHONE);
    await login(phone, demo('adviser'));
    // The demo adviser has coming shifts at their usual points: the first of them is offered.
    await phone.goto('/shifts');
    const first = phone
      .locator('.card')
      .filter({ has: phone.getByRole('link', { name: 'Tarjoa vaihtoon' }) })
      .first();
    const when = (await first.locator('h2').textContent())!;
    const place = (await first.locator('p a').first().textContent())!;
    const mine = () => phone.locator('.card', { hasText: when }).filter({ hasText: place });
    const before = await mine().count();
    await first.getByRole('link', { name: 'Tarjoa vaihtoon' }).tap();
    await phone.getByRole('heading', { level: 1, name: 'Tarjoa vuoro vaihtoon' }).waitFor();
    await expectNoAxeViolations(phone);
    await phone.getByLabel(/Viesti ottajalle/).fill('Pääsen vasta klo 11.');
    await phone.locator('main form button[type=submit]').tap();
    await phone.waitForURL('**/shifts');
    expect(await phone.locator('.notice--success').textContent()).toContain('tarjolla vaihtoon');
    expect(await mine().filter({ hasText: 'Tarjolla vaihtoon' }).count()).toBe(1);

    const other = await newPage(PHONE);
    // The trainer advises too, works at other points (not already on that time) and reads Swedish.
    await login(other, demo('trainer'));
    await other.goto('/shifts');
    const offer = other.locator('#offered ~ ul .card').filter({ hasText: 'Pääsen vasta klo 11.' });
    await offer.getByRole('button', { name: /Ta skiftet: .*Oodi|Ta skiftet/ }).tap();
    await other.locator('.notice--success').waitFor();
    expect(await other.locator('.notice--success').textContent()).toContain('Du tog skiftet');
    await expectNoHorizontalScroll(other);

    await phone.reload();
    expect(await mine().count()).toBe(before - 1);
  });

  it('a coordinator sees the coverage grid and the empty Kontula time, and asks advisers for it', async () => {
    const page = await newPage(PHONE);
    await login(page, demo('coordinator'));
    await page.goto('/roster?view=month');
    await page.locator('table.coverage').waitFor();
    await expectNoHorizontalScroll(page);
    await page.getByRole('link', { name: 'Kontula' }).first().tap();
    await page.waitForURL('**area=Kontula*');
    await page.getByRole('link', { name: 'Kontulan palvelukeskus' }).tap();
    await page.waitForURL('**point=kontula-palvelukeskus*');
    await page.locator('table.coverage caption', { hasText: 'Opastusajat' }).waitFor();
    await page.goto('/roster/gaps');
    const gap = page.locator('.card', { hasText: 'Kontulan palvelukeskus' }).first();
    await gap.getByRole('button', { name: /Pyydä neuvojia/ }).tap();
    await page.locator('.notice--success').waitFor();
    expect(await page.locator('.notice--success').textContent()).toMatch(
      /Pyyntö lähetetty|Sopivia neuvojia ei löytynyt/,
    );
  });

  it("the residents' page works without a login, from the short cache too, and prints without the buttons", async () => {
    for (let i = 0; i < 2; i++) {
      // Two readers in a row: the second gets the kept copy, with its own nonce (no CSP errors).
      const page = await newPage(PHONE);
      await page.goto('/p/oodi');
      await page.getByRole('heading', { level: 1, name: 'Keskustakirjasto Oodi' }).waitFor();
      expect(await page.locator('.public-times__list li').count()).toBeGreaterThan(0);
      expect(await page.locator('body').textContent()).not.toMatch(/@demo\.tukiverkko\.test/);
      await expectNoHorizontalScroll(page);
      await page.evaluate(() => {
        (window as unknown as { printed: boolean }).printed = false;
        window.print = () => {
          (window as unknown as { printed: boolean }).printed = true;
        };
      });
      await page.getByRole('button', { name: 'Tulosta sivu' }).tap();
      expect(await page.evaluate(() => (window as unknown as { printed: boolean }).printed)).toBe(true);
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('button', { name: 'Tulosta sivu' }).isVisible()).toBe(false);
      expect(await page.locator('.resident__languages').isVisible()).toBe(false);
      expect(await page.locator('.public-point__qr img').isVisible()).toBe(true);
    }
  });
});

describe('referral slips', () => {
  it('an adviser refers a resident from the directory on a phone; the slip is in Swedish and prints on A5', async () => {
    const phone = await newPage({ ...PHONE, expectedErrors: [/status of 400/] });
    await login(phone, demo('adviser'));
    await phone.goto('/support-points/arbis');
    await phone.getByRole('link', { name: /Ohjaa asukas tänne/ }).tap();
    await phone.getByRole('heading', { level: 1, name: 'Ohjauslappu asukkaalle' }).waitFor();
    await expectNoHorizontalScroll(phone);
    // Nothing chosen for "somewhere else": the error is told and what was ticked stays.
    await phone.getByRole('radio', { name: /Muualle/ }).check();
    await phone.getByRole('checkbox', { name: 'Pankkitunnukset tai mobiilivarmenne' }).check();
    await phone.locator('main form button[type=submit]').tap();
    await phone.locator('.error-summary').waitFor();
    expect(
      await phone.getByRole('checkbox', { name: 'Pankkitunnukset tai mobiilivarmenne' }).isChecked(),
    ).toBe(true);
    await phone.getByRole('radio', { name: /Toiseen tukipisteeseen/ }).check();
    await phone.getByRole('radio', { name: 'svenska' }).check();
    await phone.locator('main form button[type=submit]').tap();
    await phone.waitForURL(/\/r\/[a-z0-9]{8}\?lng=sv$/);
    await phone.getByRole('heading', { level: 1, name: 'Härnäst får du hjälp här' }).waitFor();
    expect(await phone.locator('main').textContent()).toContain('Bankkoder eller mobilcertifikat');
    expect(await phone.locator('main').textContent()).not.toContain('Aino Virtanen');
    await expectNoAxeViolations(phone);
    await phone.evaluate(() => {
      window.print = () => {};
    });
    await phone.getByRole('button', { name: 'Skriv ut (A5)' }).tap();
    expect(await phone.evaluate(() => document.documentElement.dataset.paper)).toBe('a5');
    await phone.emulateMedia({ media: 'print' });
    expect(await phone.getByRole('button', { name: 'Skriv ut (A5)' }).isVisible()).toBe(false);
    expect(await phone.locator('.public-point__qr img').isVisible()).toBe(true);
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
    const offer = await page.locator('a[href$="/offer"]').first().getAttribute('href');
    const paths = [
      '/roster',
      '/roster?view=month',
      '/roster?area=Kallio',
      '/roster/gaps',
      '/p/oodi',
      '/referrals/new',
      '/r/demoref0',
      ...(offer ? [offer] : []),
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
