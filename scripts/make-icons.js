// Draws the app icons in public/icons/ from the favicon's design, in Debian's Chromium (run by hand
// when the design changes: node scripts/make-icons.js). The PNGs are committed. Also
// public/favicon.ico: browsers ask for it whatever the page's links say (an error page, a PDF).
import fs from 'node:fs';
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
  ['favicon-32.png', any, 32],
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

// An ICO file may hold a PNG as it is: a 6-byte header and one 16-byte directory entry before it.
const png = fs.readFileSync('public/icons/favicon-32.png');
fs.rmSync('public/icons/favicon-32.png');
const header = Buffer.alloc(22);
header.writeUInt16LE(0, 0); // reserved
header.writeUInt16LE(1, 2); // type: icon
header.writeUInt16LE(1, 4); // one image
header.writeUInt8(32, 6); // width
header.writeUInt8(32, 7); // height
header.writeUInt8(0, 8); // no palette
header.writeUInt8(0, 9); // reserved
header.writeUInt16LE(1, 10); // colour planes
header.writeUInt16LE(32, 12); // bits per pixel
header.writeUInt32LE(png.length, 14);
header.writeUInt32LE(22, 18); // where the image starts
fs.writeFileSync('public/favicon.ico', Buffer.concat([header, png]));
