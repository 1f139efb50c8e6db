import os from 'node:os';
import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

/** "" on Node.js 20 (what a new machine here has), "-node24" when CI runs the suite on Node.js 24. */
function nodeSuffix() {
  const major = process.versions.node.split('.')[0];
  return major === '20' ? '' : `-node${major}`;
}

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
      // CI also runs the suite on another Node.js major version: its results get their own file.
      json: `test-results/unit-${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'}${nodeSuffix()}.json`,
    },
    include: ['app/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.{ts,tsx}'],
    // Races (*.postgres.test.ts) mean something only with concurrent connections: the embedded
    // database runs one statement at a time, so they run only against a PostgreSQL server.
    exclude: [...configDefaults.exclude, ...(process.env.TEST_DATABASE_URL ? [] : ['**/*.postgres.test.ts'])],
    environment: 'node',
    globalSetup: ['tests/setup/global-db.ts'],
    setupFiles: ['tests/setup/per-file-db.ts'],
    pool: 'forks',
    // A test file per core. Vitest's default for a run leaves one core free, which on this
    // two-core machine ran one file at a time: the suite took ~10 min, 7.5 with both cores.
    maxWorkers: os.availableParallelism(),
    minWorkers: os.availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
