import { describe, expect, it } from 'vitest';
import { demo, login, newPage, openMenu, setupBrowser } from './browser';

setupBrowser();

describe('language', () => {
  it('switches before login, and <html lang> and the page follow', async () => {
    const page = await newPage();
    await page.goto('/login');
    expect(await page.getAttribute('html', 'lang')).toBe('fi');
    expect(await page.locator('h1').textContent()).toBe('Kirjaudu sisään');
    await openMenu(page);
    await Promise.all([page.waitForURL('**/login'), page.getByRole('button', { name: 'svenska' }).click()]);
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('sv');
    expect(await page.locator('h1').textContent()).toBe('Logga in');
    expect(await page.title()).toBe('Logga in – Tukiverkko');
    await page.reload();
    expect(await page.getAttribute('html', 'lang')).toBe('sv'); // the cookie keeps it
  });

  it('the choice after login is stored on the profile and follows the member to a new browser', async () => {
    const page = await newPage();
    await login(page, demo('eservice_rep'));
    expect(await page.getAttribute('html', 'lang')).toBe('fi');
    await openMenu(page);
    await Promise.all([page.waitForURL('**/'), page.getByRole('button', { name: 'English' }).click()]);
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Welcome, /);
    const elsewhere = await newPage();
    await login(elsewhere, demo('eservice_rep'));
    expect(await elsewhere.getAttribute('html', 'lang')).toBe('en');
    await elsewhere.goto('/profile/sessions');
    // Dates in the chosen language, Helsinki time.
    expect(await elsewhere.locator('time').first().textContent()).toMatch(
      /\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/,
    );
    await openMenu(elsewhere);
    await Promise.all([
      elsewhere.waitForURL('**/profile/sessions'),
      elsewhere.getByRole('button', { name: 'suomi' }).click(),
    ]);
    expect(await elsewhere.getAttribute('html', 'lang')).toBe('fi');
  });
});
