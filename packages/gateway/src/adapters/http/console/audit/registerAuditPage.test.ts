// Risk: audit entries missing from the page, shown out of order, or lost between pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInConsoleOperator } from '../../../../../test/support/signInConsoleOperator.ts';
import { startTestGateway, type TestGateway } from '../../../../../test/support/startTestGateway.ts';
import { testDatabases } from '../../../../../test/support/testDatabases.ts';
import { createAuditLog } from '../../../db/operators/createAuditLog.ts';

describe('console audit page', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway(testDatabases()[0] ?? raise());
  });
  afterAll(() => gw.stop());

  it('shows 50 entries a page, newest first, and pages through every entry once', async () => {
    const audit = createAuditLog(gw.gateway.kassaDb);
    for (let i = 1; i <= 60; i++) {
      await audit.record({
        operatorId: 'op',
        operatorName: 'judy',
        action: 'test.entry',
        target: `target-${i}`,
        details: { n: String(i), note: '<b>not markup</b>' },
        address: '198.51.100.7',
        atMs: gw.clock.now() + i * 1000,
      });
    }
    const { cookie } = await signInConsoleOperator(gw, { name: 'judy' });
    const targets = (html: string) => [...html.matchAll(/>target-(\d+)</g)].map((m) => Number(m[1]));
    const first = await (await fetch(`${gw.baseUrl}/console/audit`, { headers: { cookie } })).text();
    expect(targets(first)).toEqual(Array.from({ length: 50 }, (_, i) => 60 - i));
    expect(first).toContain('&lt;b>not markup&lt;/b>');
    expect(first).toContain('198.51.100.7');
    expect(first).toContain('2026-11-20 12:01:00 UTC');
    const older = /href="(\/console\/audit\?before=\d+)"/.exec(first)?.[1] ?? '';
    const second = await (await fetch(`${gw.baseUrl}${older}`, { headers: { cookie } })).text();
    expect(targets(second)).toEqual(Array.from({ length: 10 }, (_, i) => 10 - i));
    expect(second).not.toContain('Older entries');
    expect(second).toContain('href="/console/audit">Newest');
    const bad = await fetch(`${gw.baseUrl}/console/audit?before=x`, { headers: { cookie } });
    expect(targets(await bad.text())).toHaveLength(50);
  });
});

function raise(): never {
  throw new Error('no test database');
}
