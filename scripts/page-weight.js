// npm run check:weight: the JavaScript each page makes a browser download, gzipped, from the
// build's manifest (the entry, every route module from the root down to the page, and every
// chunk they import). Fails when a page exceeds the budget (issue 18: 150 KB gzipped), so that
// server-only code (zod, the database client) cannot creep into a page's bundle unnoticed.
// Usage: node scripts/page-weight.js [--json]; needs a build (npm run build).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET_KB = Number(process.env.PAGE_WEIGHT_BUDGET_KB ?? 150);
const PUBLIC = 'public';
const manifestFile = fs.readdirSync(path.join(PUBLIC, 'build')).find((f) => /^manifest-.*\.js$/.test(f));
if (!manifestFile) {
  console.error('No build found: run npm run build first.');
  process.exit(1);
}
const manifest = JSON.parse(
  fs
    .readFileSync(path.join(PUBLIC, 'build', manifestFile), 'utf8')
    .replace(/^window\.__remixManifest=/, '')
    .replace(/;$/, ''),
);

const gzipped = new Map();
/** The size a browser downloads: the precompressed copy the server sends, else gzip of the file. */
function sizeOf(url) {
  if (!gzipped.has(url)) {
    const file = path.join(PUBLIC, url);
    const gz = `${file}.gz`;
    gzipped.set(
      url,
      fs.existsSync(gz) ? fs.statSync(gz).size : zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length,
    );
  }
  return gzipped.get(url);
}

/** A module and everything it imports statically (chunks import further chunks). */
function closure(urls) {
  const seen = new Set();
  const queue = [...urls];
  while (queue.length) {
    const url = queue.shift();
    if (seen.has(url)) continue;
    seen.add(url);
    const code = fs.readFileSync(path.join(PUBLIC, url), 'utf8');
    for (const m of code.matchAll(/(?:import|from)\s*["']((?:\.{1,2}|\/build)\/[^"']+\.js)["']/g))
      queue.push(m[1].startsWith('/') ? m[1] : path.posix.join(path.posix.dirname(url), m[1]));
  }
  return seen;
}

/** Whether a route renders a page: its module has a default export. */
function isPage(id) {
  const file = ['.tsx', '.ts', '.jsx', '.js']
    .map((ext) => path.join('app', id + ext))
    .find((f) => fs.existsSync(f));
  return Boolean(file && /^export default /m.test(fs.readFileSync(file, 'utf8')));
}

const routes = manifest.routes;
const rows = [];
for (const route of Object.values(routes)) {
  // Resource routes (no component) are never a page a browser loads scripts for.
  if (route.id === 'root' || !isPage(route.id)) continue;
  const chain = [];
  for (let r = route; r; r = r.parentId ? routes[r.parentId] : null) chain.push(r);
  const urls = [manifest.entry.module, ...manifest.entry.imports];
  for (const r of chain) urls.push(r.module, ...(r.imports ?? []));
  const files = closure(urls);
  const bytes = [...files].reduce((sum, url) => sum + sizeOf(url), 0);
  rows.push({
    page: route.id.replace(/^routes\//, ''),
    kb: Math.round((bytes / 1024) * 10) / 10,
    files: files.size,
  });
}
rows.sort((a, b) => b.kb - a.kb);

if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
else {
  console.log(`| page | KB gzipped | files |\n|---|---|---|`);
  for (const r of rows) console.log(`| ${r.page} | ${r.kb} | ${r.files} |`);
}
const over = rows.filter((r) => r.kb > BUDGET_KB);
if (over.length) {
  console.error(
    `\n${over.length} page(s) over the ${BUDGET_KB} KB budget: ${over.map((r) => r.page).join(', ')}`,
  );
  process.exit(1);
}
console.log(`\nEvery page within ${BUDGET_KB} KB gzipped (heaviest ${rows[0]?.page}: ${rows[0]?.kb} KB).`);
