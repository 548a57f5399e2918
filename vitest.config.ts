import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Chain and browser suites start real anvil and Chromium processes; 2 cores cannot run many at once.
    maxWorkers: 2,
  },
});
