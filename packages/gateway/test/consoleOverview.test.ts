// Risk: the overview miscounts today or the month, values payments in floats, leaves a day out of
// the chart, or forgets what waits (open orders, failing webhooks, funds awaiting collection).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedConsoleOrder } from './support/seedConsoleOrder.ts';
import { type SignedInConsoleOperator, signInConsoleOperator } from './support/signInConsoleOperator.ts';
import { startTestGateway, type TestGateway } from './support/startTestGateway.ts';
import { SYNTHETIC_NETWORK } from './support/syntheticNetwork.ts';
import { testDatabases } from './support/testDatabases.ts';

const DAY_MS = 86_400_000;
const quote = (n: number, symbol: 'USDT' | 'ETH') => ({
  networkKey: 'DEV',
  symbol,
  decimals: symbol === 'ETH' ? 18 : 6,
  contract: symbol === 'ETH' ? null : '0x00000000000000000000000000000000000000a1',
  tokenRate: symbol === 'ETH' ? '2500.5' : '1',
  amount: symbol === 'ETH' ? 10n ** 15n : 12_500_000n,
  address: `0x${n.toString(16).padStart(40, 'a')}`,
});

describe.each(testDatabases())('console overview ($kind)', (database) => {
  let t: TestGateway;
  let operator: SignedInConsoleOperator;
  beforeAll(async () => {
    t = await startTestGateway(database, { networks: [SYNTHETIC_NETWORK] });
    operator = await signInConsoleOperator(t);
    const { store } = t.gateway.deps;
    const now = t.clock.now();
    const paid = (n: number, atMs: number, symbol: 'USDT' | 'ETH') =>
      seedConsoleOrder(store, {
        n,
        appId: t.appId,
        createdAtMs: atMs,
        status: { funds: 'full', isOverdue: false },
        quotes: [quote(n, symbol)],
        payment: { txid: `0x${String(n).padStart(64, '0')}`, amount: quote(n, symbol).amount, status: 'success', atMs },
      });
    await paid(1, now - 1000, 'USDT');
    await paid(2, now - 2 * DAY_MS, 'USDT');
    await paid(3, now - 3 * DAY_MS, 'ETH');
    await seedConsoleOrder(store, { n: 4, appId: t.appId, createdAtMs: now - 60_000 });
    await seedConsoleOrder(store, { n: 5, appId: t.appId, createdAtMs: now - 40 * DAY_MS });
    await store.chain.initCursor('DEV', 1234n, now);
  });
  afterAll(async () => t?.stop());

  it('shows today at once and the slow parts as being read, then from memory', async () => {
    const cold = await (await fetch(`${t.baseUrl}/console`, { headers: { cookie: operator.cookie } })).text();
    expect(cold).toContain('The days before today are being read');
    expect(cold).toContain('The funds ledger is being read');
    expect(/<span class="value">([^<]+)<\/span><span class="label">Orders today/.exec(cold)?.[1]).toBe('2');
  });

  it('shows today, the 30 days, the backlog, the networks and the funds awaiting', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const response = await fetch(`${t.baseUrl}/console`, { headers: { cookie: operator.cookie } });
    expect(response.status).toBe(200);
    const html = await response.text();
    const card = (label: string) =>
      new RegExp(`<span class="value">([^<]+)</span><span class="label">${label}</span>`).exec(html)?.[1];
    expect(card('Orders today \\(UTC\\)')).toBe('2');
    expect(card('Paid today')).toBe('$12.50');
    expect(card('Orders, 30 days')).toBe('4');
    // 12.50 + 12.50 + 0.001 ETH at 2500.5 = 2.5005, rounded down to the cent.
    expect(card('Paid, 30 days')).toBe('$27.50');
    expect(card('Open orders')).toBe('1');
    expect(card('Webhooks failed')).toBe('0');
    expect(html.match(/<rect /g)).toHaveLength(30);
    expect(html).toContain('the highest bar $12.50');
    expect(html).toContain(
      '<td><strong>ETH · DEV</strong></td><td class="num">0</td><td class="num">0.001</td><td class="num">$2.50</td>',
    );
    expect(html).toContain('<td><strong>DEV</strong></td>');
    expect(html).toContain('<td class="num">1233</td>');
    expect(html).toMatch(/<td>DEV<\/td><td>USDT<\/td><td class="num">25<\/td><td class="num">2<\/td>/);
  });
});
