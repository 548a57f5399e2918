// Risk: audit entries lost, listed out of order, or paged with gaps or repeats.
import { describe, expect } from 'vitest';
import { databaseTest } from '../../../../test/support/databaseTest.ts';
import { testDatabases } from '../../../../test/support/testDatabases.ts';
import { createAuditLog } from './createAuditLog.ts';

const NOW = Date.UTC(2026, 11, 2, 12);

describe.each(testDatabases())('createAuditLog ($kind)', (database) => {
  databaseTest.override({ database });

  databaseTest('lists entries newest first and pages to older ones', async ({ t }) => {
    const audit = createAuditLog(t.kassaDb);
    for (let i = 0; i < 5; i++) {
      await audit.record({
        operatorId: i === 0 ? null : 'op1',
        operatorName: i === 0 ? 'cli' : 'alice',
        action: `test.action${i}`,
        target: `target-${i}`,
        details: { n: String(i), note: 'a "quoted" → value' },
        address: i === 0 ? null : '192.0.2.1',
        atMs: NOW + i,
      });
    }
    const first = await audit.list({ limit: 3 });
    expect(first.map((e) => e.action)).toEqual(['test.action4', 'test.action3', 'test.action2']);
    expect(first[0]).toMatchObject({
      operatorId: 'op1',
      operatorName: 'alice',
      target: 'target-4',
      details: { n: '4', note: 'a "quoted" → value' },
      address: '192.0.2.1',
      atMs: NOW + 4,
    });
    const rest = await audit.list({ limit: 3, beforeId: first.at(-1)?.auditId ?? 0 });
    expect(rest.map((e) => e.action)).toEqual(['test.action1', 'test.action0']);
    expect(rest[1]).toMatchObject({ operatorId: null, operatorName: 'cli', address: null });
  });
});
