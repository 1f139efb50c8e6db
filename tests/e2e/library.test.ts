// The library in a real browser: a trainer writes, uploads, publishes and revises a material;
// an adviser follows a learning path, is told "updated since you read it" and prints a handout;
// axe on every library page in all three languages.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { textPdf } from '../fixtures/pdf';
import { demo, expectNoAxeViolations, login, newPage, setupBrowser } from './browser';

setupBrowser();

const SEEDED = '/library/omakanta-kirjautuminen-ja-reseptin-uusiminen';

async function editorReady(page: Page) {
  await page.locator('.editor__content[contenteditable=true]').waitFor();
}

describe('writing and reading a material', () => {
  it('a trainer creates, uploads, publishes and revises; an adviser follows a path, sees the update and prints', async () => {
    const stamp = Date.now().toString(36);
    const title = `Kela-sovellus: kirjautuminen ${stamp}`;

    // The demo trainer uses Tukiverkko in Swedish and writes a Finnish material.
    const trainer = await newPage();
    await login(trainer, demo('trainer'));
    await trainer.goto('/library');
    await Promise.all([
      trainer.waitForURL('**/library/new'),
      trainer.getByRole('link', { name: 'Nytt material' }).click(),
    ]);
    await trainer.locator('form.form').getByLabel('Språk').selectOption('fi');
    await trainer.getByLabel('Rubrik').fill(title);
    await trainer.getByLabel('Sammanfattning').fill('Näin asukas kirjautuu Kelan sovellukseen.');
    await editorReady(trainer);
    const editor = trainer.locator('.editor__content');
    await editor.click();
    await trainer.keyboard.type('Avaa Kela-sovellus ja valitse Kirjaudu.');
    // A table from the toolbar: header row first, then the cells.
    await trainer.getByRole('button', { name: 'Infoga en tabell' }).click();
    await trainer.keyboard.type('Vaihe');
    await trainer.keyboard.press('Tab');
    await trainer.keyboard.type('Mitä tehdään');
    await expect.poll(() => editor.innerHTML()).toContain('Mitä tehdään');
    // No header cell is left empty: the third keeps the name it was given.
    expect(await editor.locator('th').allTextContents()).toEqual(['Vaihe', 'Mitä tehdään', 'Kolumn 3']);
    await trainer.getByLabel('Ämnen').fill('kela, tunnistautuminen');
    await Promise.all([
      trainer.waitForURL(/\/edit$/),
      trainer.getByRole('button', { name: 'Spara utkast' }).click(),
    ]);
    await trainer.getByText('Utkastet sparades.', { exact: false }).waitFor();
    const slug = new URL(trainer.url()).pathname.split('/')[2]!;

    // An attachment, typed by its bytes.
    await trainer.getByLabel('Lägg till en bilaga').setInputFiles({
      name: 'kela-ohje.pdf',
      mimeType: 'application/pdf',
      buffer: textPdf(['Kela-sovelluksen kirjautumisohje']),
    });
    await trainer.getByRole('button', { name: 'Ladda upp' }).click();
    await trainer.getByText('Filen lades till i utkastet.').waitFor();
    await expect.poll(() => trainer.locator('.file-list').textContent()).toContain('kela-ohje.pdf');

    await trainer.getByLabel('Vad ändrades').fill('Ensimmäinen versio');
    await trainer.getByRole('button', { name: 'Publicera', exact: true }).click();
    await trainer.getByText('Version 1 publicerades.').waitFor();

    // Into the onboarding path.
    await trainer.goto('/library/paths/uusi-opastaja');
    await trainer.getByLabel('Lägg till ett material').selectOption({ label: title });
    await trainer.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await trainer.locator('.path-steps').getByRole('link', { name: title }).waitFor();

    // The adviser follows the path and marks the new material read.
    const adviser = await newPage();
    await login(adviser, demo('adviser'));
    await adviser.goto('/library/paths/uusi-opastaja');
    const step = adviser.locator('.path-step', { hasText: title });
    await expect.poll(() => step.textContent()).toContain('Lukematta');
    await step.getByRole('link', { name: title }).click();
    await adviser.waitForURL(`**/library/${slug}`);
    // waitForURL can return before the new page has rendered; poll the content.
    await expect.poll(() => adviser.locator('.prose table th').allTextContents()).toContain('Vaihe');
    await adviser.getByRole('link', { name: 'kela-ohje.pdf' }).waitFor();
    await adviser.getByRole('button', { name: 'Merkitse luetuksi' }).click();
    await adviser.locator('.done-form').getByText('Luettu').waitFor();

    // The trainer revises the text and publishes version 2.
    await trainer.goto(`/library/${slug}/edit`);
    await editorReady(trainer);
    await editor.locator('p').first().click();
    await trainer.keyboard.press('End');
    await trainer.keyboard.type(' Kirjautumispainike on nyt oikeassa yläkulmassa.');
    await trainer.getByRole('button', { name: 'Spara utkast' }).click();
    await trainer.getByText('Utkastet sparades.', { exact: false }).waitFor();
    await trainer.getByLabel('Vad ändrades').fill('Uusi kirjautumisnäkymä');
    await trainer.getByRole('button', { name: 'Publicera', exact: true }).click();
    await trainer.getByText('Version 2 publicerades.').waitFor();

    // The adviser is told on the material, the path and the home page.
    await adviser.reload();
    await adviser.getByText('Päivitetty lukemisesi jälkeen').first().waitFor();
    expect(await adviser.locator('.prose').textContent()).toContain('oikeassa yläkulmassa');
    await adviser.goto('/library/paths/uusi-opastaja');
    await expect.poll(() => step.textContent()).toContain('Päivitetty lukemisesi jälkeen');
    await adviser.goto('/');
    const item = adviser.locator('.feed__item', { hasText: 'Päivitetty lukemisesi jälkeen' }).filter({
      has: adviser.getByRole('link', { name: title }),
    });
    await item.waitFor();
    await item.getByRole('link', { name: title }).click();

    // The trainer sees what changed.
    await trainer.goto(`/library/${slug}/versions`);
    await trainer.getByRole('button', { name: 'Jämför' }).click();
    await expect
      .poll(async () => (await trainer.locator('.diff ins').allTextContents()).join(' '))
      .toContain('Kirjautumispainike on nyt oikeassa yläkulmassa');

    // Printing: only the handout, in a readable size, with its address and date.
    await adviser.waitForURL(`**/library/${slug}`);
    await adviser.emulateMedia({ media: 'print' });
    expect(await adviser.locator('.site-header').isVisible()).toBe(false);
    expect(await adviser.locator('.done-form').isVisible()).toBe(false);
    const footer = adviser.locator('.print-footer');
    expect(await footer.isVisible()).toBe(true);
    expect(await footer.textContent()).toContain(`/library/${slug}`);
    expect(await footer.textContent()).toContain('tulostettu');
    const fontSize = await adviser
      .locator('.prose')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(18); // 14 pt
    await adviser.emulateMedia({ media: 'screen' });
    expect(await footer.isVisible()).toBe(false);
  });
});

describe.each(['fi', 'sv', 'en'])('library pages in %s', (lng) => {
  it('pass axe', async () => {
    const page = await newPage();
    await login(page, demo('trainer'));
    const pages = [
      '/library',
      '/library?type=guide&sort=popular',
      SEEDED,
      `${SEEDED}/versions`,
      `${SEEDED}/versions/1`,
      `${SEEDED}/compare?a=1&b=2`,
      `${SEEDED}/stats`,
      `${SEEDED}/edit`,
      '/library/new',
      '/library/translations',
      '/library/paths',
      '/library/paths/uusi-opastaja',
      '/search?q=reseptin&kind=library_material',
    ];
    for (const path of pages) {
      await page.goto(`${path}${path.includes('?') ? '&' : '?'}lng=${lng}`);
      expect(await page.getAttribute('html', 'lang')).toBe(lng);
      expect(await page.locator('h1').count()).toBe(1);
      if (path.endsWith('/edit') || path === '/library/new') await editorReady(page);
      await expectNoAxeViolations(page);
    }
  });
});
