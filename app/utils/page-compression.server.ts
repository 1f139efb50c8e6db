import * as nodeZlib from 'node:zlib';
import { acceptsEncoding } from '~/utils/http';

// A member's page compressed for the way to their phone (issue 14: a cold visit within 200 KB;
// the HTML was the largest single file), at the cost of CPU on every page (issue 12).
//
// Zstandard at its default level where the browser takes it (Chrome and Edge since 123, Firefox
// since 126: Android phones): on five pages of 27–62 KB it took a third to a quarter of Brotli's
// CPU at quality 4 (0.09–0.17 against 0.31–0.61 ms) for 2–6 % more bytes (150–370 B of
// 5.4–7.4 KB). Brotli at quality 4 for the others (Safari), else gzip. Node.js has Zstandard from
// 22.15 (production runs 24, ADR 040); on an older Node.js pages go out as Brotli.
const zstdCompressSync = typeof nodeZlib.zstdCompressSync === 'function' ? nodeZlib.zstdCompressSync : null;

export type PageEncoding = 'zstd' | 'br' | 'gzip';

/** The encoding a page goes out in for this Accept-Encoding, or null for none. */
export function pageEncoding(accepted: string | null, zstd = zstdCompressSync !== null): PageEncoding | null {
  if (zstd && acceptsEncoding(accepted, 'zstd')) return 'zstd';
  if (acceptsEncoding(accepted, 'br')) return 'br';
  return acceptsEncoding(accepted, 'gzip') ? 'gzip' : null;
}

/** The page in `encoding`, as a plain Buffer (what a Response body takes). */
export function compressPage(html: Buffer, encoding: PageEncoding): Buffer<ArrayBuffer> {
  if (encoding === 'zstd' && !zstdCompressSync) throw new Error('this Node.js has no Zstandard');
  const body =
    encoding === 'zstd'
      ? zstdCompressSync!(html)
      : encoding === 'gzip'
        ? nodeZlib.gzipSync(html, { level: 6 })
        : nodeZlib.brotliCompressSync(html, {
            params: {
              [nodeZlib.constants.BROTLI_PARAM_QUALITY]: 4,
              [nodeZlib.constants.BROTLI_PARAM_SIZE_HINT]: html.length,
            },
          });
  // Copied into a plain Buffer (a few KB): what a Response body takes, and zlib may hand back a
  // view into its larger output chunk, which would otherwise stay alive with the response.
  return Buffer.from(body);
}
