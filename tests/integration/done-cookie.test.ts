import { describe, expect, it } from 'vitest';
import { redirectDone, takeDone } from '~/utils/done-cookie.server';

// The success message that outlives a redirect: set by the action, read once by the root loader.
const cookieOf = (response: Response) => response.headers.get('Set-Cookie')!.split(';')[0]!;
const requestWith = (cookie: string) => new Request('http://localhost/x', { headers: { Cookie: cookie } });

describe('a success message after a redirect', () => {
  it('comes back once for every namespace, with its values, and the answer clears it', async () => {
    for (const message of [
      'events:edit.saved',
      'supportPoints:saved',
      { key: 'library:edit.published', values: { number: 3 } },
    ]) {
      const response = await redirectDone('/somewhere', message);
      expect(response.status).toBe(302);
      expect(response.headers.get('Location')).toBe('/somewhere');
      const { done, headers } = await takeDone(requestWith(cookieOf(response)));
      expect(done).toEqual(typeof message === 'string' ? { key: message } : message);
      expect(new Headers(headers).get('Set-Cookie')).toMatch(/^tk_done=; Max-Age=0/);
    }
  });

  it('ignores a cookie the browser was given by anyone else: not a key, or values that are not small', async () => {
    const forged = (value: unknown) =>
      `tk_done=${encodeURIComponent(Buffer.from(JSON.stringify(value)).toString('base64'))}`;
    for (const value of [
      { key: '<img src=x onerror=alert(1)>' },
      { key: 'https://evil.example/' },
      { key: 'events:edit.saved', values: { name: 'x'.repeat(81) } },
      { key: 'events:edit.saved', values: { nested: { a: 1 } } },
      'events:edit.saved',
    ]) {
      expect((await takeDone(requestWith(forged(value)))).done).toBeNull();
    }
    expect((await takeDone(requestWith(forged({ key: 'events:edit.saved' })))).done).toEqual({
      key: 'events:edit.saved',
    });
    expect((await takeDone(requestWith('other=1'))).done).toBeNull();
  });
});
