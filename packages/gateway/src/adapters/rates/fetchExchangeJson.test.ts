// Risk: a slow, throttling or broken exchange hangs the refresher, floods memory, or fails without the retry hint we must honour.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRateFixture } from '../../../test/fixtures/rates/readRateFixture.ts';
import { type FixtureServer, startFixtureServer } from '../../../test/fixtures/rates/startFixtureServer.ts';
import { catchRateFetchError } from '../../../test/support/catchRateFetchError.ts';
import { fetchExchangeJson } from './fetchExchangeJson.ts';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

function get(options: { timeoutMs?: number; signal?: AbortSignal; baseUrl?: string } = {}): Promise<unknown> {
  return fetchExchangeJson({
    source: 'binance',
    baseUrl: options.baseUrl ?? server.baseUrl,
    path: 'api/v3/ping',
    query: { a: '["X","Y"]' },
    timeoutMs: options.timeoutMs ?? 2_000,
    signal: options.signal,
  });
}

describe('fetchExchangeJson', () => {
  it('returns the parsed body and keeps a path prefix of the base URL', async () => {
    server.respond(() => ({ status: 200, body: '{"ok":true}' }));
    await expect(get({ baseUrl: `${server.baseUrl}/proxy/binance` })).resolves.toEqual({ ok: true });
    const url = server.requests.at(-1);
    expect(url?.pathname).toBe('/proxy/binance/api/v3/ping');
    expect(url?.searchParams.get('a')).toBe('["X","Y"]');
  });

  it('turns a 429 into rate_limited with Retry-After in milliseconds', async () => {
    server.respond(() => ({
      status: 429,
      body: readRateFixture('binance', 'rate-limited.json'),
      headers: { 'retry-after': '30' },
    }));
    const error = await catchRateFetchError(get());
    expect(error).toMatchObject({ source: 'binance', kind: 'rate_limited', status: 429, retryAfterMs: 30_000 });
    expect(error.message).toContain('Too many requests');
  });

  it('reads a Retry-After given as an HTTP date on a 418 ban', async () => {
    const until = new Date(Date.now() + 120_000).toUTCString();
    server.respond(() => ({
      status: 418,
      body: readRateFixture('binance', 'ip-banned.json'),
      headers: { 'retry-after': until },
    }));
    const error = await catchRateFetchError(get());
    expect(error.kind).toBe('rate_limited');
    expect(error.status).toBe(418);
    // The HTTP date has whole seconds, so up to a second is lost to truncation.
    expect(error.retryAfterMs).toBeGreaterThan(117_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(120_000);
  });

  it('leaves retryAfterMs null when a 429 gives no usable Retry-After', async () => {
    server.respond(() => ({ status: 429, body: '{}', headers: { 'retry-after': 'soon' } }));
    await expect(catchRateFetchError(get())).resolves.toMatchObject({ kind: 'rate_limited', retryAfterMs: null });
  });

  it('reports other non-2xx answers as http errors, with the exchange message when there is one', async () => {
    server.respond(() => ({ status: 400, body: readRateFixture('binance', 'error-invalid-symbol.json') }));
    const error = await catchRateFetchError(get());
    expect(error).toMatchObject({ kind: 'http', status: 400 });
    expect(error.message).toBe('binance: http, HTTP 400, Invalid symbol.');

    server.respond(() => ({
      status: 503,
      body: '<html>Service Unavailable</html>',
      headers: { 'content-type': 'text/html' },
    }));
    await expect(catchRateFetchError(get())).resolves.toMatchObject({ kind: 'http', status: 503, retryAfterMs: null });
  });

  it('rejects a 200 whose body is not JSON', async () => {
    server.respond(() => ({ status: 200, body: '<html>maintenance</html>' }));
    await expect(catchRateFetchError(get())).resolves.toMatchObject({ kind: 'malformed', status: 200 });
  });

  it('gives up after timeoutMs', async () => {
    server.respond(() => ({ status: 200, body: '{}', delayMs: 5_000 }));
    const startedMs = Date.now();
    const error = await catchRateFetchError(get({ timeoutMs: 50 }));
    expect(Date.now() - startedMs).toBeLessThan(2_000);
    expect(error).toMatchObject({ kind: 'network', status: null });
    expect(error.message).toContain('no answer within 50 ms');
  });

  it('stops when the caller aborts', async () => {
    server.respond(() => ({ status: 200, body: '{}', delayMs: 5_000 }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await catchRateFetchError(get({ signal: controller.signal }));
    expect(error.kind).toBe('network');
    expect(error.message).toContain('aborted');
  });

  it('refuses a body larger than a megabyte', async () => {
    server.respond(() => ({ status: 200, body: Buffer.alloc(2 * 1024 * 1024, 0x20) }));
    await expect(catchRateFetchError(get())).resolves.toMatchObject({ kind: 'malformed', status: 200 });
  });

  it('reports an unreachable host as a network error', async () => {
    const closed = await startFixtureServer();
    await closed.close();
    await expect(catchRateFetchError(get({ baseUrl: closed.baseUrl }))).resolves.toMatchObject({
      kind: 'network',
      status: null,
    });
  });
});
