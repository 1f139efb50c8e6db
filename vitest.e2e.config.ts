import path from 'node:path';
import { defineConfig } from 'vitest/config';

// End-to-end: the production build, a real SMTP server, Debian's Chromium.
export default defineConfig({
  resolve: { alias: { '~': path.resolve('app'), '#tests': path.resolve('tests') } },
  test: {
    // Every run, a newcomer's or CI's, writes the same JSON results; .ci/run adds them up into
    // one summary line afterwards, so CI runs exactly the README's command.
    reporters: ['default', 'json'],
    outputFile: {
      json: `test-results/e2e-${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'}.json`,
    },
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    // A shared two-core machine under a full suite can take more than a second to render a
    // page; polls wait for content, so a generous limit costs nothing when things are quick.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 180_000,
  },
});
