import { afterEach, describe, expect, it, vi } from 'vitest';
import { appOrigin, clusterSettings, parseEnv, rereadEnv } from './env.server';

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

  it('checks every setting the server reads, the pool size included, naming the bad one', () => {
    expect(() => parseEnv({ DATABASE_POOL_SIZE: 'ten' })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => parseEnv({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => parseEnv({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
    expect(parseEnv({}).DATABASE_POOL_SIZE).toBe(10);
  });

  it("gives the cluster supervisor the app's own checks", () => {
    const settings = clusterSettings({
      DATABASE_URL: 'postgresql://db/x',
      WEB_PROCESSES: '3',
      JOBS_WORKER: 'off',
    });
    expect(settings).toEqual({ processes: 3, postgresServer: true, jobsWorker: false, drainMs: 10_000 });
    expect(clusterSettings({}).postgresServer).toBe(false);
    expect(() => clusterSettings({ WEB_PROCESSES: '0' })).toThrow(/WEB_PROCESSES/);
    expect(() => clusterSettings({ DRAIN_TIMEOUT_MS: 'soon' })).toThrow(/DRAIN_TIMEOUT_MS/);
    expect(() => clusterSettings({ DATABASE_URL: 'mysql://db/x' })).toThrow(/DATABASE_URL/);
  });

  describe('links outside production', () => {
    afterEach(() => {
      vi.unstubAllEnvs();
      rereadEnv();
    });

    it('point at the port the app listens on', () => {
      vi.stubEnv('APP_ORIGIN', undefined);
      vi.stubEnv('PORT', '3100');
      rereadEnv();
      expect(appOrigin()).toBe('http://localhost:3100');
    });
  });
});
