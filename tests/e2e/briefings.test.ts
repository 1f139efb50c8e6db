// Briefings in a real browser: the demo e-service representative writes and publishes a
// confidential briefing with the editor; an adviser on a 390 px phone finds it marked
// confidential, reads and acknowledges it and reports a problem with a screenshot; the rep
// answers and marks it fixed, and the adviser sees it. Axe on every briefings, e-service and
// feedback page in all three languages.
import sharp from 'sharp';
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

function inDays(days: number, time: string) {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${time}`;
}

describe('a briefing before a launch', () => {
  it('a rep publishes; an adviser on a phone reads and acknowledges it; the rep sees the reach', async () => {
    const title = `Maisa: uusi viestinäkymä ${Date.now().toString(36)}`;
    const rep = await newPage();
    await login(rep, demo('eservice_rep'));
    await rep.goto('/briefings');
    await Promise.all([
      rep.waitForURL('**/briefings/new'),
      rep.getByRole('link', { name: 'Uusi ennakkotiedote' }).click(),
    ]);
    await rep.getByLabel('Sähköinen palvelu').selectOption({ label: 'Maisa-asiointipalvelu' });
    await rep.getByLabel('Otsikko').fill(title);
    await rep.getByLabel('Julkaisu (Helsingin aikaa)').fill(inDays(14, '09:00'));
    await rep.getByLabel('Ketä koskee').fill('Kaikki Maisan käyttäjät');
    await rep.locator('.editor__content[contenteditable=true]').waitFor();
    await rep.locator('.editor__content').click();
    await rep.keyboard.type('Viestit avautuvat nyt omalle välilehdelleen.');
    await rep
      .getByLabel('Mitä opastajien kannattaa kertoa asukkaille')
      .fill('Viestit löytyvät ylävalikosta.');
    await Promise.all([
      rep.waitForURL(/\/edit$/),
      rep.getByRole('button', { name: 'Tallenna luonnos' }).click(),
    ]);
    await rep.getByText('Luonnos tallennettu. Julkaise se, kun se on valmis.').waitFor();
    const path = new URL(rep.url()).pathname.replace(/\/edit$/, '');
    await rep.getByRole('button', { name: 'Julkaise', exact: true }).click();
    await rep.getByText('Versio 1 julkaistu.', { exact: false }).waitFor();

    const phone = await newPage({ width: 390, height: 844 });
    await login(phone, demo('adviser'));
    await phone.goto('/briefings');
    const card = phone.locator('.material-card', { hasText: title });
    await expect.poll(() => card.textContent()).toContain('Luottamuksellinen');
    await expect.poll(() => card.textContent()).toContain('Lukematta');
    await card.getByRole('link', { name: title }).click();
    await phone.waitForURL(`**${path}`);
    await phone.getByRole('note').getByText('Luottamuksellinen.').waitFor();
    await expect.poll(() => phone.locator('.prose').first().textContent()).toContain('omalle välilehdelleen');
    await expectNoHorizontalScroll(phone);
    await phone.getByRole('button', { name: 'Olen lukenut tämän' }).click();
    await phone.getByText('Kiitos: merkitty luetuksi.').waitFor();
    await phone.getByText('Kuittasit lukeneesi version 1', { exact: false }).waitFor();

    // From the briefing, the adviser reports what a resident ran into, with a screenshot.
    await phone.getByRole('link', { name: 'Ilmoita ongelmasta, johon asukkaat törmäävät' }).click();
    await phone.waitForURL(/\/feedback\/new\?briefing=/);
    await phone.getByLabel('Mitä tapahtui').fill('Uusi viestivälilehti ei aukea, kun asukas napauttaa sitä.');
    await phone.getByLabel('Laite').selectOption('android');
    await phone.getByLabel('Kuinka usein näet tämän').selectOption('often');
    await phone.getByLabel('Kuinka paljon se haittaa').selectOption('blocks');
    const png = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#36c' } })
      .png()
      .toBuffer();
    await phone.getByLabel('Kuvakaappaus (vapaaehtoinen)').setInputFiles({
      name: 'viestit.png',
      mimeType: 'image/png',
      buffer: png,
    });
    await Promise.all([
      phone.waitForURL(/\/feedback\/[0-9a-f-]{36}$/),
      phone.getByRole('button', { name: 'Lähetä ilmoitus' }).click(),
    ]);
    await phone.getByText('Kiitos. Ilmoitus lähti palvelun yhteyshenkilöille', { exact: false }).waitFor();
    const report = new URL(phone.url()).pathname;
    await phone.getByRole('img', { name: 'Ilmoitukseen liitetty kuvakaappaus' }).waitFor();
    await expectNoHorizontalScroll(phone);

    // The rep answers and marks it fixed; the adviser sees it.
    await rep.goto(report);
    await rep
      .getByLabel('Vastaus (vapaaehtoinen, jos vain tila muuttuu)')
      .fill('Korjattu tämän päivän päivityksessä.');
    await rep.getByLabel('Tila', { exact: true }).selectOption('fixed');
    await rep.getByRole('button', { name: 'Tallenna ja kerro ilmoittajalle' }).click();
    await rep.getByText('Vastauksesi tallennettiin', { exact: false }).waitFor();
    await phone.goto(report);
    await expect.poll(() => phone.locator('.facts').textContent()).toContain('Korjattu');
    await phone.getByText('Korjattu tämän päivän päivityksessä.').waitFor();
    await phone.goto('/notifications');
    await expect.poll(() => phone.locator('main').textContent()).toContain('Maisa-asiointipalvelu');

    await rep.goto(path);
    await expect
      .poll(() => rep.locator('section', { hasText: 'Kirjoittajille' }).textContent())
      .toMatch(/Lukenut 1\/\d+/);
  });
});

describe.each(['fi', 'sv', 'en'])('briefings pages in %s', (lng) => {
  it('pass axe', async () => {
    const page = await newPage();
    await login(page, demo('coordinator'));
    await page.goto('/briefings');
    const briefing = (await page.locator('.material-card h2 a').first().getAttribute('href'))!;
    // Launched, revised, with questions and a FAQ: the writers' forms and the reach tables.
    const launched = (await page
      .locator('.material-card h2 a', { hasText: 'OmaKannan kirjautumissivu uudistui' })
      .getAttribute('href'))!;
    await page.goto('/eservices/maisa/feedback');
    const feedback = (await page.locator('tbody a').first().getAttribute('href'))!;
    for (const path of [
      '/briefings',
      briefing,
      launched,
      `${briefing}/edit`,
      '/briefings/new',
      '/eservices',
      '/eservices/omakanta',
      '/eservices/omakanta/edit',
      '/eservices/new',
      '/eservices/maisa/feedback',
      '/eservices/maisa/feedback/new',
      '/feedback',
      feedback,
    ]) {
      await page.goto(`${path}${path.includes('?') ? '&' : '?'}lng=${lng}`);
      expect(await page.getAttribute('html', 'lang')).toBe(lng);
      expect(await page.locator('h1').count()).toBe(1);
      await expectNoAxeViolations(page);
    }
  });
});
