// Draws the app icons in public/icons/ from the favicon's design, in Debian's Chromium (run by hand
// when the design changes: node scripts/make-icons.js). The PNGs are committed.
import { chromium } from 'playwright-core';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
// "any": the favicon's rounded tile; "maskable": full bleed, the mark inside the 80 % safe zone.
const any = (s) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0000bf"/><path d="M16 5l11 11-11 11L5 16z" fill="#fff"/></svg>`;
const maskable = (s) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}" viewBox="0 0 32 32"><rect width="32" height="32" fill="#0000bf"/><path d="M16 8.5l7.5 7.5-7.5 7.5L8.5 16z" fill="#fff"/></svg>`;
for (const [name, svg, size] of [
  ['icon-192.png', any, 192],
  ['icon-512.png', any, 512],
  ['maskable-512.png', maskable, 512],
  ['apple-touch-icon.png', maskable, 180],
]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg(size)}</body></html>`);
  await page.screenshot({
    path: `public/icons/${name}`,
    omitBackground: true,
    clip: { x: 0, y: 0, width: size, height: size },
  });
  await page.close();
}
await browser.close();
