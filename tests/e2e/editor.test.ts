// Issue 14, item 11: what an accessibility audit found in the editor, and a question that
// outlives an ended session.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demo, expectNoAxeViolations, login, newPage, setupBrowser } from './browser';

setupBrowser();

async function newQuestion(page: Page) {
  await page.goto('/forum/new?lng=fi');
  await page.locator('.editor__content[contenteditable=true]').waitFor();
}

const focusedIsEditor = (page: Page) =>
  page.evaluate(() => document.activeElement?.classList.contains('editor__content') ?? false);

describe('the editor', () => {
  it('gives focus back to the text when the link panel is closed with Esc or the image panel with Cancel', async () => {
    const page = await newPage();
    await login(page, demo('adviser'));
    await newQuestion(page);
    await page.locator('.editor__content').click();
    await page.keyboard.type('Katso ohje');
    await page.getByRole('button', { name: 'Linkki' }).click();
    await page.getByLabel('Verkko-osoite').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedIsEditor(page)).toBe(true);
    await page.getByRole('button', { name: 'Kuva' }).click();
    await page.getByRole('button', { name: 'Peruuta' }).click();
    await expect.poll(() => focusedIsEditor(page)).toBe(true);
  });

  it('keeps the @-mention list inside the main landmark, and the text box without aria-expanded', async () => {
    const page = await newPage();
    await login(page, demo('adviser'));
    await newQuestion(page);
    await page.locator('.editor__content').click();
    await page.keyboard.type('Kysyn @Mikael');
    await page.getByRole('option', { name: /Mikael Lindqvist/ }).waitFor();
    expect(await page.locator('main #mention-list[role=listbox]').count()).toBe(1);
    expect(await page.locator('.editor__content').getAttribute('aria-expanded')).toBeNull();
    expect(await page.locator('.editor__content').getAttribute('aria-controls')).toBe('mention-list');
    await expectNoAxeViolations(page);
  });
});

describe('a question typed when the session has ended', () => {
  it('is kept on the device, comes back after logging in again, and is gone once published', async () => {
    const page = await newPage();
    await login(page, demo('adviser'));
    await newQuestion(page);
    const title = `Pankkisovellus ei avaudu ${Date.now()}`;
    await page.getByLabel('Alue').selectOption({ label: 'Kela / OmaKanta / Suomi.fi' });
    await page.getByLabel('Otsikko', { exact: true }).fill(title);
    await page.locator('.editor__content').click();
    await page.keyboard.type('Asukkaan pankkisovellus sulkeutuu heti.');
    await expect.poll(() => page.locator('input[name=body]').inputValue()).toContain('sulkeutuu');

    // The session ends while she writes (here: its cookie is gone), and she presses Publish.
    await page.context().clearCookies();
    await Promise.all([
      page.waitForURL(/\/login/),
      page.getByRole('button', { name: 'Julkaise kysymys' }).click(),
    ]);
    await page.locator('input[name=email]').fill(demo('adviser'));
    await page.locator('input[name=password]').fill('Tukiverkko-demo-2026');
    await Promise.all([
      page.waitForURL((url) => !url.pathname.startsWith('/login')),
      page.locator('form.form button[type=submit]').click(),
    ]);
    await newQuestion(page);
    await page.getByText('Keskeneräinen kysymyksesi palautettiin', { exact: false }).waitFor();
    expect(await page.getByLabel('Otsikko', { exact: true }).inputValue()).toBe(title);
    await expect.poll(() => page.locator('.editor__content').textContent()).toContain('sulkeutuu heti');
    await expectNoAxeViolations(page);

    await page.getByLabel('iPhone').check();
    await Promise.all([
      page.waitForURL(/\/forum\/t\//),
      page.getByRole('button', { name: 'Julkaise kysymys' }).click(),
    ]);
    await page.locator('h1', { hasText: title }).waitFor();
    await newQuestion(page);
    expect(await page.getByLabel('Otsikko', { exact: true }).inputValue()).toBe('');
    expect(await page.getByText('Keskeneräinen kysymyksesi palautettiin', { exact: false }).count()).toBe(0);
  });
});
