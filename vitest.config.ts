import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { '~': path.resolve('app'), '#tests': path.resolve('tests') },
  },
  esbuild: { jsx: 'automatic' },
  test: {
    // Every run, a newcomer's or CI's, writes the same JSON results; .ci/run adds them up into
    // one summary line afterwards, so CI runs exactly the README's command.
    reporters: ['default', 'json'],
    outputFile: {
      json: `test-results/unit-${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'}.json`,
    },
    include: ['app/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.{ts,tsx}'],
    environment: 'node',
    globalSetup: ['tests/setup/global-db.ts'],
    setupFiles: ['tests/setup/per-file-db.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
