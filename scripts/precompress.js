// After `remix build`: a Brotli and a gzip copy of every text asset in public/build, so that the
// server sends compressed files without spending CPU on each request (server.js chooses by
// Accept-Encoding). Files that do not shrink by a tenth are left alone.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const ROOT = 'public/build';
const TEXT = /\.(js|css|svg|json|map|txt)$/;

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (TEXT.test(entry.name)) yield full;
  }
}

let before = 0;
let after = 0;
for (const file of files(ROOT)) {
  const body = fs.readFileSync(file);
  if (body.length < 1024) continue;
  const br = zlib.brotliCompressSync(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  if (br.length > body.length * 0.9) continue;
  fs.writeFileSync(`${file}.br`, br);
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
  before += body.length;
  after += br.length;
}
console.log(
  `precompressed public/build: ${Math.round(before / 1024)} KB → ${Math.round(after / 1024)} KB (Brotli)`,
);
