// Events in a real browser: a coordinator announces an event with two places; advisers answer on
// phones until it is full and a third joins the waiting list; one cancels and the third gets the
// place and is told; a series with one occurrence changed and a library material linked; axe on
// every events page in all three languages.
import { describe, expect, it } from 'vitest';
import { demo, expectNoAxeViolations, login, newPage, setupBrowser } from './browser';

setupBrowser();

const member = (name: string) => `${name}@demo.tukiverkko.test`;

function inDays(days: number, time: string) {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${time}`;
}

describe('announcing and signing up', () => {
  it('fills up, queues, promotes from the queue after a cancellation, on a 390 px phone', async () => {
    const title = `Pienryhmä: pankkisovellukset ${Date.now().toString(36)}`;
    const coordinator = await newPage();
    await login(coordinator, demo('coordinator'));
    await coordinator.goto('/events/new');
    await coordinator.getByLabel('Tyyppi').selectOption('local_meetup');
    await coordinator.locator('input[name=titleFi]').fill(title);
    await coordinator.getByLabel('Alkaa', { exact: true }).fill(inDays(12, '10:00'));
    await coordinator.getByLabel('Päättyy', { exact: true }).fill(inDays(12, '11:30'));
    await coordinator.getByLabel('Paikka', { exact: true }).selectOption('address');
    await coordinator.getByLabel('Osoite').fill('Kallion kirjasto, Viides linja 11');
    await coordinator.getByLabel('Paikkoja (vapaaehtoinen)').fill('2');
    await Promise.all([
      coordinator.waitForURL(/\/events\/[0-9a-f-]{36}$/),
      coordinator.getByRole('button', { name: 'Julkaise tapahtuma' }).click(),
    ]);
    // Said once on the page it leads to, not kept in the address.
    await coordinator.getByText('Tapahtuma julkaistiin.').waitFor();
    const eventPath = new URL(coordinator.url()).pathname;

    const phones = [];
    for (const name of ['seppo.jarvinen', 'ulla.lehtonen', 'kari.saarinen']) {
      const phone = await newPage({ width: 390, height: 844 });
      await login(phone, member(name));
      await phone.goto(eventPath);
      phones.push(phone);
    }
    const [first, second, third] = phones as [(typeof phones)[0], (typeof phones)[0], (typeof phones)[0]];
    await first.getByRole('button', { name: 'Tulen' }).click();
    await first.getByText('Olet tulossa.').waitFor();
    await second.getByRole('button', { name: 'Tulen' }).click();
    await second.getByText('Olet tulossa.').waitFor();
    await third.reload();
    await third.getByRole('button', { name: 'Liity jonoon' }).click();
    await third.getByText('Olet jonossa sijalla 1.', { exact: false }).waitFor();
    expect(await third.locator('.facts').textContent()).toContain('2/2 varattu');

    // The first cancels: the place goes to the queue, and its owner is told.
    await first.getByRole('button', { name: 'En pääse' }).click();
    await first.getByText('Vastasit, ettet pääse.').waitFor();
    await third.reload();
    await third.getByText('Olet tulossa.').waitFor();
    await third.goto('/notifications');
    await third.getByText(title, { exact: false }).first().waitFor();

    // The organiser sees who answered.
    await coordinator.reload();
    const table = coordinator.locator('table', { hasText: 'Vastanneet' });
    await expect.poll(() => table.textContent()).toContain('Kari Saarinen');

    // On the day, on a phone: find a name, tap to check in.
    const door = await newPage({ width: 390, height: 844 });
    await login(door, demo('coordinator'));
    await door.goto(`${eventPath}/check-in`);
    await door.getByRole('searchbox', { name: 'Etsi nimellä' }).fill('Kari');
    await door.getByRole('button', { name: 'Etsi' }).click();
    await door.getByRole('button', { name: /^Merkitse paikalle\s*: Kari Saarinen$/ }).click();
    await door.getByRole('button', { name: /Paikalla\s*: Kari Saarinen$/ }).waitFor();
    await expect.poll(() => door.getByRole('status').textContent()).toContain('Tuli: 1');
    expect(
      await door.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
  });
});

describe('series', () => {
  it('a coordinator creates a series every six weeks; the list shows each occurrence; one is changed alone', async () => {
    const title = `Verkostotapaaminen sarjana ${Date.now().toString(36)}`;
    const page = await newPage();
    await login(page, demo('coordinator'));
    await page.goto('/events/new');
    await page.locator('input[name=titleFi]').fill(title);
    await page.getByLabel('Alkaa', { exact: true }).fill(inDays(30, '14:00'));
    await page.getByLabel('Päättyy', { exact: true }).fill(inDays(30, '16:00'));
    await page.getByLabel('Paikka', { exact: true }).selectOption('online');
    await page.getByLabel('Liittymislinkki etäosallistujille').fill('https://meet.example.test/sarja');
    await page.getByLabel('Toistuu').selectOption('6');
    await page.getByLabel('Kuinka monta kertaa yhteensä').fill('3');
    await Promise.all([
      page.waitForURL(/\/events\/[0-9a-f-]{36}$/),
      page.getByRole('button', { name: 'Julkaise tapahtuma' }).click(),
    ]);
    const first = new URL(page.url()).pathname;
    await page.goto('/events?page=1');
    await expect.poll(() => page.getByRole('link', { name: title }).count()).toBeGreaterThanOrEqual(1);

    await page.goto(`${first}/edit`);
    await expectNoAxeViolations(page);
    await page.getByLabel('Alkaa', { exact: true }).fill(inDays(31, '15:00'));
    await page.getByLabel('Päättyy', { exact: true }).fill(inDays(31, '17:00'));
    await page.getByLabel('vain tätä tapahtumaa').check();
    await Promise.all([
      page.waitForURL(/\/events\/[0-9a-f-]{36}$/),
      page.getByRole('button', { name: 'Tallenna muutokset' }).click(),
    ]);
    await page.getByText('Muutokset tallennettiin.').waitFor();

    // A library material to read before the meeting, found by its title and linked.
    await page.goto(`${first}/organise`);
    const search = page.getByRole('searchbox', { name: 'Liitä kirjaston materiaali: hae otsikolla' });
    await search.fill('omakanta');
    await search.press('Enter');
    await page.getByRole('button', { name: /Liitä tapahtumaan\s*: OmaKanta: kirjautuminen/ }).click();
    await page.getByText('Materiaali liitetty tapahtumaan.').waitFor();
    await page.goto(first);
    await page
      .locator('section', { has: page.getByRole('heading', { name: 'Tapahtuman materiaalit' }) })
      .getByRole('link', { name: 'OmaKanta: kirjautuminen ja reseptin uusiminen' })
      .waitFor();
  });
});

describe.each(['fi', 'sv', 'en'])('events pages in %s', (lng) => {
  it('pass axe', async () => {
    const page = await newPage();
    await login(page, demo('coordinator'));
    await page.goto('/events');
    const event = (await page.locator('.material-card a').first().getAttribute('href'))!;
    await page.goto('/announcements');
    const announcement = (await page.locator('tbody a').first().getAttribute('href'))!;
    for (const path of [
      '/events',
      '/events?show=mine',
      '/events?view=month',
      event,
      `${event}/edit`,
      `${event}/organise?who=ma&what=ohje`,
      '/events/new',
      '/events/calendar',
      '/announcements',
      announcement,
      '/',
    ]) {
      await page.goto(`${path}${path.includes('?') ? '&' : '?'}lng=${lng}`);
      expect(await page.getAttribute('html', 'lang')).toBe(lng);
      expect(await page.locator('h1').count()).toBe(1);
      await expectNoAxeViolations(page);
    }
  });
});
