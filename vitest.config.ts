import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests run the TypeScript sources: `@kassa/sdk` resolves to its src/ under this condition, not to dist/.
  ssr: { resolve: { conditions: ['kassa-source'] } },
  test: {
    include: ['packages/*/src/**/*.test.{ts,tsx}', 'packages/*/test/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Chain and browser suites start real anvil and Chromium processes; 2 cores cannot run many at once.
    maxWorkers: 2,
  },
});
