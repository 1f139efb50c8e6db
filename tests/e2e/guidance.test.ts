// The guidance log in a real browser on a 390 px phone: an entry survives a dropped
// connection and a lost answer and is saved once; the resident answers through the session's
// link on their own phone; the adviser sees it on the dashboard. Axe on every page of the
// area (log, entry, dashboards, support points, the resident's page) in all three languages.
import type { Page } from 'playwright-core';
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

const PHONE = { width: 390, height: 844 };

async function entriesListed(page: Page) {
  await page.goto('/reports/log');
  return page.locator('.session-list > li').count();
}

async function figure(page: Page, label: string) {
  const value = await page
    .locator('.report-totals dt', { hasText: label })
    .locator('xpath=following-sibling::dd[1]')
    .textContent();
  return Number((value ?? '').replace(/\D/g, ''));
}

describe('logging on a phone', () => {
  it('a dropped connection and a lost answer lose nothing and save once; the resident answers; the dashboard shows it', async () => {
    const phone = await newPage({ ...PHONE, expectedErrors: [/net::ERR_/, /Failed to load resource/] });
    await login(phone, demo('adviser'));
    const before = await entriesListed(phone);
    await phone.goto('/reports');
    const answersBefore = await figure(phone, 'Asukkaiden vastauksia');

    await phone.goto('/reports/log');
    // Her usual support point and language are already chosen.
    expect(await phone.getByLabel('Tukipiste', { exact: true }).locator('option:checked').textContent()).toBe(
      'Keskustakirjasto Oodi',
    );
    // ... and named on the closed "More details", so she sees them without opening it.
    expect(await phone.locator('.more-details > summary').textContent()).toContain('Keskustakirjasto Oodi');
    await phone.getByRole('radio', { name: 'Android-puhelin' }).check();
    await phone.getByRole('checkbox', { name: 'OmaKanta' }).check();
    await phone.getByRole('checkbox', { name: 'Tietoturva ja huijaukset' }).check();
    await phone.getByRole('radio', { name: 'Ratkesi', exact: true }).check();
    await phone.locator('.more-details > summary').click();
    await phone.getByLabel('Kesto minuutteina').fill('25');
    await phone.getByLabel('Muistiinpano (vapaaehtoinen)').fill('Huijausviesti tunnistettiin yhdessä.');
    await expectNoHorizontalScroll(phone);

    // One handler for the whole story, switched by `network`: unrouting and routing again would
    // leave a moment in which the form's own timed retry could slip through.
    let network: 'offline' | 'answer lost' | 'online' = 'offline';
    let delivered = 0;
    await phone.route('**/reports/log/save', async (route) => {
      if (network === 'offline') return route.abort('internetdisconnected');
      if (network === 'online') return route.continue();
      delivered += 1;
      await route.fetch();
      await route.abort('connectionreset');
    });

    // 1. No connection at all: the entry stays on the page and on the device.
    await phone.getByRole('button', { name: 'Tallenna opastus' }).click();
    await phone.getByText('Ei yhteyttä.', { exact: false }).waitFor();
    expect(await phone.getByLabel('Muistiinpano (vapaaehtoinen)').inputValue()).toBe(
      'Huijausviesti tunnistettiin yhdessä.',
    );
    expect(
      await phone.evaluate(() =>
        Object.keys(localStorage).some((k) => k.startsWith('tukiverkko:guidance-pending')),
      ),
    ).toBe(true);

    // The page is closed and opened again, still offline: the entry comes back and is tried again.
    await phone.reload();
    await phone.getByText('Ei yhteyttä.', { exact: false }).waitFor();
    expect(await phone.getByLabel('Muistiinpano (vapaaehtoinen)').inputValue()).toBe(
      'Huijausviesti tunnistettiin yhdessä.',
    );
    expect(await phone.getByRole('checkbox', { name: 'OmaKanta' }).isChecked()).toBe(true);

    // 2. The request arrives but its answer is lost: the server saved it, the phone does not know.
    network = 'answer lost';
    await phone.getByRole('button', { name: 'Yritä nyt uudelleen' }).click();
    await expect.poll(() => delivered).toBeGreaterThanOrEqual(1);
    await phone.getByText('Ei yhteyttä.', { exact: false }).waitFor();

    // 3. Back online: the retry (same key; the button or the form's own timer, whichever comes
    // first) answers with the entry already saved.
    network = 'online';
    await phone
      .getByRole('button', { name: 'Yritä nyt uudelleen' })
      .click({ timeout: 2_000 })
      .catch(() => undefined);
    await phone.waitForURL(/\/reports\/log\?saved=/);
    await phone.getByText('Opastus tallennettiin. Kiitos!').waitFor();
    expect(
      await phone.evaluate(() =>
        Object.keys(localStorage).filter((k) => k.startsWith('tukiverkko:guidance-pending')),
      ),
    ).toEqual([]);
    const link = (await phone.locator('.feedback-qr__url').textContent())!;
    expect(link).toMatch(/\/f\/[a-z2-9]{8}$/);
    expect(await phone.getByRole('img', { name: `Palautelinkin ${link} QR-koodi` }).isVisible()).toBe(true);
    await expectNoHorizontalScroll(phone);
    expect(await entriesListed(phone)).toBe(before + 1);

    // The resident opens the link on their own phone: no login, Swedish, a face and a comment.
    const resident = await newPage(PHONE);
    await resident.goto(new URL(link).pathname);
    await resident.getByRole('link', { name: 'svenska' }).click();
    await resident.getByRole('heading', { name: 'Hur var hjälpen du fick i dag?' }).waitFor();
    expect(await resident.locator('.main-nav').count()).toBe(0);
    await resident.getByRole('radio', { name: 'Nöjd', exact: true }).check();
    await resident
      .getByLabel('Vill du säga något mer? (frivilligt)')
      .fill('Tack, nu vet jag vad jag ska göra.');
    await resident.getByRole('button', { name: 'Skicka' }).click();
    await resident.getByRole('heading', { name: 'Tack!' }).waitFor();
    await resident.goto(new URL(link).pathname + '?lng=sv');
    await resident.getByText('Respons på den här handledningen har redan getts.', { exact: false }).waitFor();

    // The adviser sees the answer on her entry and in her figures.
    await phone.goto('/reports/log');
    await phone.locator('.session-list > li').first().getByText('Asukkaan palaute: Tyytyväinen').waitFor();
    await phone.goto('/reports');
    expect(await figure(phone, 'Asukkaiden vastauksia')).toBe(answersBefore + 1);
    const satisfaction = phone.locator('section', {
      has: phone.getByRole('heading', { name: 'Asukkaiden palaute' }),
    });
    await satisfaction.locator('summary').click();
    expect(
      Number(
        await satisfaction
          .locator('tr', { hasText: 'Tyytyväinen' })
          .first()
          .locator('td')
          .first()
          .textContent(),
      ),
    ).toBeGreaterThan(0);
    await expectNoHorizontalScroll(phone);
  });

  it('a typical session takes four taps: device, topic, outcome, save', async () => {
    const phone = await newPage({ ...PHONE, touch: true });
    await login(phone, demo('adviser'));
    await phone.goto('/reports/log?lng=fi');
    // The three choices and the button are on the first screens, in this order; nothing else is asked.
    const tops = [];
    for (const locator of [
      phone.getByRole('radio', { name: 'iPhone' }),
      phone.getByRole('checkbox', { name: 'Sähköposti' }),
      phone.getByRole('radio', { name: 'Ratkesi', exact: true }),
      phone.getByRole('button', { name: 'Tallenna opastus' }),
    ]) {
      tops.push(await locator.evaluate((el) => el.getBoundingClientRect().top + window.scrollY));
      await locator.tap();
    }
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
    await phone.waitForURL(/saved=/);
    await phone.getByText('Opastus tallennettiin. Kiitos!').waitFor();
    // "Referred to" appears only when the outcome asks for it.
    await phone.goto('/reports/log?lng=fi');
    // Shown until the script runs (without JavaScript it stays), then hidden until asked for.
    await expect.poll(() => phone.getByLabel('Mihin ohjattiin').isVisible()).toBe(false);
    await phone.getByRole('radio', { name: 'Ohjattiin muualle' }).tap();
    expect(await phone.getByLabel('Mihin ohjattiin').isVisible()).toBe(true);
  });

  it("a session at another place starts from that place's page", async () => {
    const phone = await newPage({ ...PHONE, touch: true });
    await login(phone, demo('adviser'));
    await phone.goto('/support-points/kallio-kirjasto?lng=fi');
    await Promise.all([
      phone.waitForURL(/\/reports\/log\?point=/),
      phone.getByRole('link', { name: 'Kirjaa opastus tähän tukipisteeseen' }).tap(),
    ]);
    expect(await phone.getByLabel('Tukipiste', { exact: true }).locator('option:checked').textContent()).toBe(
      'Kallion kirjasto',
    );
    expect(await phone.locator('.more-details > summary').textContent()).toContain('Kallion kirjasto');
  });

  it("a place is added to the adviser's own from its page", async () => {
    const phone = await newPage({ ...PHONE, touch: true });
    await login(phone, demo('adviser'));
    // Kallio is already hers: its page does not offer it again.
    await phone.goto('/support-points/kallio-kirjasto?lng=fi');
    await phone.getByRole('heading', { level: 1, name: 'Kallion kirjasto' }).waitFor();
    expect(await phone.getByRole('link', { name: 'Lisää omiin tukipisteisiini' }).count()).toBe(0);
    await phone.goto('/support-points/kontula-palvelukeskus?lng=fi');
    await Promise.all([
      phone.waitForURL(/\/profile\?point=/),
      phone.getByRole('link', { name: 'Lisää omiin tukipisteisiini' }).tap(),
    ]);
    const kontula = phone.getByRole('checkbox', { name: /^Kontulan palvelukeskus/ });
    expect(await kontula.isChecked()).toBe(true);
    expect(await phone.getByRole('checkbox', { name: /^Kallion kirjasto/ }).isChecked()).toBe(true);
    // The page opens at the list (not at the top of a long form), which says what saving does.
    await expect.poll(async () => (await phone.locator('#places').boundingBox())?.y).toBeLessThan(200);
    const group = phone.getByRole('group', { name: 'Tukipisteet, joissa yleensä päivystän' });
    expect(await group.textContent()).toContain('kun tallennat lomakkeen');
    await expectNoAxeViolations(phone);
    await expectNoHorizontalScroll(phone);
  });

  it('a mistake gets a message next to the field, keeps the rest, and the entry can be corrected and deleted', async () => {
    // The refused entry answers 400, which Chromium reports on the console.
    const phone = await newPage({ ...PHONE, expectedErrors: [/status of 400/] });
    await login(phone, demo('trainer'));
    await phone.goto('/reports/log?lng=fi');
    await phone.locator('.more-details > summary').click();
    await phone.getByLabel('Kesto minuutteina').fill('600');
    await phone.getByLabel('Muistiinpano (vapaaehtoinen)').fill('Pitkä opastus');
    await phone.getByRole('button', { name: 'Tallenna opastus' }).click();
    // Each message next to its field, and in the summary at the top as a link to the field.
    await phone.locator('.field__error', { hasText: 'Valitse laite.' }).waitFor();
    await phone.locator('.field__error', { hasText: 'Anna kesto minuutteina, 1–480 (8 tuntia).' }).waitFor();
    await phone.locator('.error-summary a', { hasText: 'Laite: Valitse laite.' }).waitFor();
    expect(await phone.getByLabel('Muistiinpano (vapaaehtoinen)').inputValue()).toBe('Pitkä opastus');
    await expectNoAxeViolations(phone);

    await phone.getByRole('radio', { name: 'Tabletti' }).check();
    await phone.getByRole('checkbox', { name: 'Sähköposti' }).check();
    await phone.getByLabel('Kesto minuutteina').fill('90');
    await phone.getByRole('radio', { name: 'Puhelimessa' }).check();
    await phone.getByRole('radio', { name: /^Teimme yhdessä/ }).check();
    await phone.getByRole('radio', { name: 'Ratkesi osittain' }).check();
    await Promise.all([
      phone.waitForURL(/saved=/),
      phone.getByRole('button', { name: 'Tallenna opastus' }).click(),
    ]);

    await phone.getByRole('link', { name: 'Korjaa kirjausta' }).click();
    await phone.waitForURL(/\/reports\/log\/[0-9a-f-]{36}$/);
    await phone.getByLabel('Kesto minuutteina').fill('75');
    // The script saves, then opens the same page again: the message comes with it, once.
    await phone.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await phone.getByText('Muutokset tallennettiin.').waitFor();
    expect(await phone.getByLabel('Kesto minuutteina').inputValue()).toBe('75');
    await Promise.all([
      phone.waitForURL(/\/reports\/log$/),
      phone.getByRole('button', { name: 'Poista tämä kirjaus' }).click(),
    ]);
    await phone.getByText('Kirjaus poistettiin.').waitFor();
  });
});

describe.each(['fi', 'sv', 'en'])('guidance pages in %s', (lng) => {
  it('pass axe', async () => {
    const page = await newPage(PHONE);
    await login(page, demo('coordinator'));
    await page.goto(`/reports/log?lng=${lng}`);
    await page.locator('input[name=device][value=computer]').check();
    await page.locator('input[name=topics][value=suomifi]').check();
    await page.locator('input[name=outcome][value=solved]').check();
    await page.locator('.more-details > summary').click();
    await page.locator('input[name=channel][value=remote]').check();
    await Promise.all([
      page.waitForURL(/saved=/),
      page.locator('form.guidance-form button[type=submit]').click(),
    ]);
    const entry = (await page.locator('.session-list h3 a').first().getAttribute('href'))!;
    const feedback = new URL((await page.locator('.feedback-qr__url').textContent())!).pathname;
    for (const path of [
      page.url().replace(/^https?:\/\/[^/]+/, ''),
      entry,
      '/reports',
      `/reports?scope=mine&interval=week`,
      '/support-points',
      '/support-points/oodi',
      '/support-points/new',
      '/support-points/oodi/edit',
    ]) {
      await page.goto(`${path}${path.includes('?') ? '&' : '?'}lng=${lng}`);
      expect(await page.getAttribute('html', 'lang')).toBe(lng);
      expect(await page.locator('h1').count()).toBe(1);
      // The tables behind the charts are checked open as well.
      for (const details of await page.locator('details').all())
        await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
    }
    const resident = await newPage(PHONE);
    for (const path of [feedback, `${feedback}?thanks=1`]) {
      await resident.goto(`${path}${path.includes('?') ? '&' : '?'}lng=${lng}`);
      expect(await resident.getAttribute('html', 'lang')).toBe(lng);
      await expectNoAxeViolations(resident);
    }
  });
});
