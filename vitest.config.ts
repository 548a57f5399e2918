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
    // Files in one worker share its module cache: each file no longer re-imports kysely, viem, Fastify
    // and the gateway (118 s of imports per run, 18 s shared; the suite went from 478 s to 308 s).
    // Nothing in the tests stubs modules, globals, timers or the environment, so nothing leaks.
    isolate: false,
  },
});
