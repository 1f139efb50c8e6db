import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.server';

describe('environment', () => {
  it('refuses to start in production without APP_ORIGIN, naming the variable', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/APP_ORIGIN: required in production/);
  });

  it('normalises APP_ORIGIN to an origin, so a trailing slash or path cannot break links and the Origin check', () => {
    expect(parseEnv({ NODE_ENV: 'production', APP_ORIGIN: 'https://tukiverkko.hel.fi/' }).APP_ORIGIN).toBe(
      'https://tukiverkko.hel.fi',
    );
    expect(() => parseEnv({ APP_ORIGIN: 'ftp://tukiverkko.hel.fi' })).toThrow(/APP_ORIGIN/);
    expect(() => parseEnv({ APP_ORIGIN: 'tukiverkko.hel.fi' })).toThrow(/APP_ORIGIN/);
  });

  it('runs outside production without APP_ORIGIN', () => {
    expect(parseEnv({ NODE_ENV: 'development', PORT: '3100' })).toMatchObject({ PORT: 3100 });
  });
});
