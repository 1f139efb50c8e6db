import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressPage, pageEncoding } from '~/utils/page-compression.server';

const page = Buffer.from(
  `<!DOCTYPE html><html lang="fi"><body>${'<li><a href="/forum/t/1">Omakanta ja Suomi.fi</a></li>'.repeat(400)}</body></html>`,
);
const hasZstd = typeof zlib.zstdDecompressSync === 'function';

describe('pageEncoding', () => {
  it('prefers Zstandard, then Brotli, then gzip, as the browser takes them', () => {
    expect(pageEncoding('gzip, deflate, br, zstd', true)).toBe('zstd');
    expect(pageEncoding('gzip, deflate, br, zstd', false)).toBe('br');
    expect(pageEncoding('gzip, deflate, br', true)).toBe('br');
    expect(pageEncoding('zstd;q=0, br;q=0, gzip', true)).toBe('gzip');
    expect(pageEncoding('identity', true)).toBeNull();
    expect(pageEncoding(null, true)).toBeNull();
  });

  it('offers Zstandard exactly when this Node.js has it', () => {
    expect(pageEncoding('zstd, br')).toBe(hasZstd ? 'zstd' : 'br');
  });
});

describe('compressPage', () => {
  it('gives back the page in each encoding, several times smaller', () => {
    const decode = {
      br: zlib.brotliDecompressSync,
      gzip: zlib.gunzipSync,
      ...(hasZstd ? { zstd: zlib.zstdDecompressSync } : {}),
    };
    for (const [encoding, decompress] of Object.entries(decode)) {
      const body = compressPage(page, encoding as 'br' | 'gzip' | 'zstd');
      expect(body.length).toBeLessThan(page.length / 5);
      expect(decompress(body).equals(page)).toBe(true);
    }
  });

  it('refuses Zstandard on a Node.js without it rather than mislabel a page', () => {
    if (hasZstd) expect(compressPage(page, 'zstd').length).toBeGreaterThan(0);
    else expect(() => compressPage(page, 'zstd')).toThrow(/Zstandard/);
  });
});
