// A cold visit on an emulated phone (issue 14, item 12): 390 px, 4× CPU slowdown, ~1.6 Mbit/s
// down, 150 ms round trip, empty cache. Prints largest contentful paint and bytes transferred
// per page. Usage: node bench/phone.js <base URL> [email]; the app must be running. PAGES=/a,/b
// measures those pages (as the member) besides the four.
/* global window -- the functions passed to the browser run there */
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:3000';
const email = process.argv[3] ?? 'adviser@demo.tukiverkko.test';
const RUNS = Number(process.env.RUNS ?? 3);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

async function session() {
  const context = await browser.newContext({
    baseURL: base,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.goto('/login');
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', 'Tukiverkko-demo-2026');
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/login')),
    page.click('form.form button[type=submit]'),
  ]);
  await page.goto('/forum/kela-omakanta-suomifi');
  const thread = await page.locator('.thread-row a').first().getAttribute('href');
  const cookies = await context.cookies();
  await context.close();
  return { cookies, thread };
}

async function coldVisit(path, cookies) {
  const context = await browser.newContext({
    baseURL: base,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  if (cookies) await context.addCookies(cookies);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
  await page.addInitScript(() => {
    window.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(path, { waitUntil: 'networkidle' });
  const lcp = await page.evaluate(() => window.__lcp);
  await context.close();
  return { lcp, bytes };
}

const { cookies, thread } = await session();
const pages = [
  ['login', '/login', null],
  ['home', '/', cookies],
  ['thread', thread, cookies],
  ['guidance log', '/reports/log', cookies],
  ...(process.env.PAGES ? process.env.PAGES.split(',').map((p) => [p, p, cookies]) : []),
];
console.log('| page | LCP ms (median of ' + RUNS + ') | KB transferred |');
console.log('|---|---|---|');
for (const [name, path, jar] of pages) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await coldVisit(path, jar));
  runs.sort((a, b) => a.lcp - b.lcp);
  const mid = runs[Math.floor(runs.length / 2)];
  console.log(`| ${name} | ${Math.round(mid.lcp)} | ${Math.round(mid.bytes / 1024)} |`);
}
await browser.close();
