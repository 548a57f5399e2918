// Risk: responses without security headers, a public page one client can flood, or health checks that lie.
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
});
