import { afterAll, beforeAll } from 'vitest';
import type { FetchPricesParameters } from '../../src/adapters/rates/PriceFetcher.ts';
import type { Decimal } from '../../src/core/money/Decimal.ts';
import { type FixtureServer, startFixtureServer } from '../fixtures/rates/startFixtureServer.ts';

export type ExchangeFixture = {
  /** The loopback exchange, up from before the file's first test until after its last. */
  readonly server: FixtureServer;
  /** Asks `fetcher` for `symbols` at the fixture server, with a 2 s timeout. */
  fetchPrices(symbols: readonly string[]): Promise<Map<string, Decimal>>;
};

/** Runs an exchange fixture server around the calling file's tests and points `fetcher` at it. */
export function useExchangeFixtureServer(
  fetcher: (parameters: FetchPricesParameters) => Promise<Map<string, Decimal>>,
): ExchangeFixture {
  let started: FixtureServer | undefined;
  beforeAll(async () => {
    started = await startFixtureServer();
  });
  afterAll(() => started?.close());
  const current = (): FixtureServer => {
    if (started === undefined) throw new Error('the exchange fixture server runs only while the tests do');
    return started;
  };
  // Forwards to the server started in beforeAll, so a test file can hold it from its top level.
  const server: FixtureServer = {
    get baseUrl() {
      return current().baseUrl;
    },
    get requests() {
      return current().requests;
    },
    respond: (handler) => current().respond(handler),
    close: () => current().close(),
  };
  return {
    server,
    fetchPrices: (symbols) => fetcher({ baseUrl: server.baseUrl, symbols, timeoutMs: 2_000 }),
  };
}
