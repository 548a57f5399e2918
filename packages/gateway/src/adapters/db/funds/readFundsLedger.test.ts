// Risk: the paged read of confirmed payments skips or repeats a payment at a page boundary, counts a
// failed one, or still holds the event loop for the whole ledger (a SQLite process stalls its API).
import { describe, expect } from 'vitest';
import { databaseTest } from '../../../../test/support/databaseTest.ts';
import { insertConfirmedPayment } from '../../../../test/support/insertConfirmedPayment.ts';
import { insertTestApp } from '../../../../test/support/insertTestApp.ts';
import { testDatabases } from '../../../../test/support/testDatabases.ts';
import { readFundsLedger } from './readFundsLedger.ts';

const NOW_MS = Date.UTC(2026, 11, 3, 12);
const USDT = '0x55d398326f99059ff775485246999027b3197955';
const address = (n: number) => `0x${n.toString(16).padStart(40, 'a')}`;

describe.each(testDatabases())('readFundsLedger ($kind)', (database) => {
  databaseTest.override({ database });

  databaseTest(
    'reads every confirmed payment once across pages, and lets other work run between them',
    async ({ t }) => {
      await insertTestApp(t.store, NOW_MS);
      for (let n = 1; n <= 7; n++) {
        await insertConfirmedPayment(t.store, {
          n,
          networkKey: 'BSC',
          contract: n % 2 === 0 ? null : USDT,
          address: address(n),
          index: n,
          amount: BigInt(n) * 10n,
          nowMs: NOW_MS,
          // The fourth is a failed payment: not money received.
          ...(n === 4 ? { status: 'failed' as const } : {}),
        });
      }
      let turns = 0;
      let isCounting = true;
      const countTurns = () => {
        turns++;
        if (isCounting) setImmediate(countTurns);
      };
      setImmediate(countTurns);
      const paged = await readFundsLedger(t.kassaDb.db, { pageSize: 2 });
      isCounting = false;

      expect(paged).toEqual([
        { networkKey: 'BSC', contract: null, received: 80n, collected: 0n, awaiting: 80n, awaitingAddresses: 2 },
        { networkKey: 'BSC', contract: USDT, received: 160n, collected: 0n, awaiting: 160n, awaitingAddresses: 4 },
      ]);
      expect(await readFundsLedger(t.kassaDb.db, { pageSize: 100 })).toEqual(paged);
      // Three pages of two: the read stepped aside at least between each.
      expect(turns).toBeGreaterThanOrEqual(2);
    },
  );
});
