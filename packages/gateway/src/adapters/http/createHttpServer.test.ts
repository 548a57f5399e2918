// Risk: responses without security headers, a public page one client can flood (under any spelling of its path), or health checks that lie.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../../test/support/startTestGateway.ts';
import { testDatabases } from '../../../test/support/testDatabases.ts';

describe('HTTP server', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(testDatabases()[0] as ReturnType<typeof testDatabases>[number], {
      configFile: { server: { ipRequestsPerMinute: 5 } },
    });
  });
  afterAll(async () => t.stop());

  it('answers /healthz and /readyz', async () => {
    expect(await (await fetch(`${t.baseUrl}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${t.baseUrl}/readyz`)).json()).toEqual({ status: 'ready' });
  });

  it('sets the security headers on every response, pages and API alike', async () => {
    for (const response of [
      await fetch(`${t.baseUrl}/healthz`),
      await fetch(`${t.baseUrl}/nowhere`),
      await fetch(`${t.baseUrl}/ccpayment/v1/bill/info`, { method: 'POST', body: '{}' }),
    ]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=/);
    }
  });

  it('limits requests per client address on the checkout pages, not on health checks', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await fetch(`${t.baseUrl}/pay/unknown-token-${i}`)).status);
    expect(statuses.slice(0, 5).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
    t.clock.advance(60_000);
    expect((await fetch(`${t.baseUrl}/pay/unknown-token-again`)).status).toBe(404);
  });

  it('limits every request the router sends to a checkout route, however its path is spelled', async () => {
    t.clock.advance(60_000);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await fetch(`${t.baseUrl}/%70ay/unknown-token-${i}/status.json`)).status);
    }
    statuses.push((await fetch(`${t.baseUrl}/%70ay/unknown-token-4/select`, { method: 'POST' })).status);
    for (const spelling of ['/%70ay/unknown-token-5/status.json', '/p%61y/unknown-token-6', '/pay/unknown-token-7']) {
      statuses.push((await fetch(`${t.baseUrl}${spelling}`)).status);
    }
    statuses.push((await fetch(`${t.baseUrl}/%70ay/unknown-token-8/select`, { method: 'POST' })).status);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429, 429, 429]);
    // Load balancers poll health from one address: it is never limited.
    for (let i = 0; i < 10; i++) expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
  });

  it('answers a malformed Content-Type on the checkout pages with a 4xx, not a 500', async () => {
    t.clock.advance(60_000);
    for (const contentType of [';;;', '/', 'a/b/c', 'text', '=']) {
      const response = await fetch(`${t.baseUrl}/pay/unknown-token-ct/select`, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: 'token_id=x',
      });
      expect(response.status, contentType).toBeGreaterThanOrEqual(400);
      expect(response.status, contentType).toBeLessThan(500);
    }
  });
});
