import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './http';

// What a browser makes of a Location header: it drops tabs and line breaks, reads "\" as "/".
function whereBrowserGoes(location: string): URL {
  return new URL(location.replace(/[\t\n\r]/g, '').replace(/\\/g, '/'), 'https://tukiverkko.hel.fi/login');
}

const AROUND = ['/', '//', '/\\', '\\', '/.', '/..', 'evil.example', '@evil.example', ':'];

describe('safeRedirectPath', () => {
  it('keeps ordinary paths with their query and fragment', () => {
    expect(safeRedirectPath('/forum/t/1?page=2#post-3')).toBe('/forum/t/1?page=2#post-3');
    expect(safeRedirectPath('/library/ohje-pankki')).toBe('/library/ohje-pankki');
    expect(safeRedirectPath('/search?q=salasana%20vaihto')).toBe('/search?q=salasana%20vaihto');
  });

  it('refuses other sites however they are spelt', () => {
    for (const to of [
      '//evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      'https://evil.example/',
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r\n/evil.example',
      '/\u3000/evil.example',
      '/\u00a0/evil.example',
      '/\u2028/evil.example',
      '/\ufeff/evil.example',
      'javascript:alert(1)',
      ' /forum',
    ])
      expect(safeRedirectPath(to), JSON.stringify(to)).toBe('/');
  });

  it('never sends a browser to another origin, for every control and Unicode space character in every position', () => {
    const specials: string[] = [];
    for (let c = 0; c <= 0x20; c++) specials.push(String.fromCharCode(c));
    specials.push('\u007f', '\u0085', '\u00a0', '\u1680', '\u2000', '\u200a', '\u200b', '\u2028', '\u2029');
    specials.push('\u202f', '\u205f', '\u3000', '\ufeff', '\u202e', '%09', '%0a', '%2f', '%5c');
    let tried = 0;
    for (const special of specials)
      for (const a of AROUND)
        for (const b of AROUND) {
          for (const to of [`/${special}${a}${b}`, `${a}${special}${b}`, `/${a}${special}/${b}`]) {
            const result = safeRedirectPath(to);
            tried++;
            // eslint-disable-next-line no-control-regex -- none may reach the Location header
            expect(result, JSON.stringify(to)).not.toMatch(/[\u0000-\u0020\u007f-\uffff\\]/);
            expect(whereBrowserGoes(result).origin, JSON.stringify(to)).toBe('https://tukiverkko.hel.fi');
          }
        }
    expect(tried).toBeGreaterThan(3000);
  });
});
