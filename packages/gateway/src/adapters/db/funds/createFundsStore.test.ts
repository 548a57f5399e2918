// Risk: a sweep recorded twice or half (a rerun `send`, a crash between inserts), a wrong sum past
// 2^63, or an address that still holds funds reported as collected because another was over-swept.
import { describe, expect } from 'vitest';
import { databaseTest } from '../../../../test/support/databaseTest.ts';
import { insertConfirmedPayment } from '../../../../test/support/insertConfirmedPayment.ts';
import { insertTestApp } from '../../../../test/support/insertTestApp.ts';
import { testDatabases } from '../../../../test/support/testDatabases.ts';
import type { SweepMovement, SweepTransactionRecord } from '../../../core/ports.ts';

const NOW_MS = Date.UTC(2026, 11, 2, 12);
const USDT = '0x55d398326f99059ff775485246999027b3197955';
const address = (n: number) => `0x${n.toString(16).padStart(40, 'a')}`;
const txid = (n: number) => `0x${n.toString(16).padStart(64, 'c')}`;

/** A successful deposit-address sweep of `movements` on BSC. */
const sweep = (n: number, movements: SweepMovement[], change: Partial<SweepTransactionRecord> = {}) =>
  ({
    networkKey: 'BSC',
    txid: txid(n),
    planId: 'plan-1',
    kind: 'deposit',
    from: movements[0]?.address ?? address(0),
    to: USDT,
    destination: `0x${'d'.repeat(40)}`,
    blockNumber: 1234n,
    gasUsed: 29_243n,
    feeWei: 29_243n * 3_000_000_000n,
    valueWei: 0n,
    paidBy: 'deposit',
    status: 'success',
    recordedAtMs: NOW_MS,
    movements,
    ...change,
  }) satisfies SweepTransactionRecord;

describe.each(testDatabases())('createFundsStore ($kind)', (database) => {
  databaseTest.override({ database });

  databaseTest('lists paid and issued addresses of one network, each once, by index', async ({ t }) => {
    const store = t.store;
    await insertTestApp(store, NOW_MS);
    const pay = (n: number, index: number, status: 'success' | 'processing' | 'failed', networkKey = 'BSC') =>
      insertConfirmedPayment(store, {
        n,
        networkKey,
        contract: USDT,
        address: address(index),
        index,
        amount: 5n,
        status,
        nowMs: NOW_MS,
      });
    await pay(1, 3, 'success');
    await pay(2, 1, 'success');
    await pay(3, 1, 'success'); // a second payment into the same address
    await pay(4, 2, 'processing');
    await pay(5, 4, 'failed');
    await pay(6, 5, 'success', 'ETH');

    const at = (index: number) => ({ address: address(index), index, xpubId: 'x' });
    expect(await store.funds.listPaidAddresses('BSC')).toEqual([at(1), at(3)]);
    expect(await store.funds.listIssuedAddresses('BSC')).toEqual([at(1), at(2), at(3), at(4)]);
    expect(await store.funds.listPaidAddresses('ETH')).toEqual([at(5)]);
    expect(await store.funds.listPaidAddresses('POLYGON')).toEqual([]);
  });

  databaseTest('records a sweep once, lower-cased, whatever the reruns', async ({ t }) => {
    const funds = t.store.funds;
    const movement = { address: address(7).toUpperCase().replace('0X', '0x'), index: 7, contract: null, amount: 9n };
    const record = sweep(1, [movement], { txid: txid(1).toUpperCase().replace('0X', '0x') });
    expect(await funds.hasSweepTransaction('BSC', txid(1))).toBe(false);
    expect(await funds.recordSweepTransaction(record)).toBe(true);
    expect(await funds.recordSweepTransaction({ ...record, movements: [{ ...movement, amount: 1000n }] })).toBe(false);
    expect(await funds.hasSweepTransaction('BSC', txid(1))).toBe(true);
    expect(await funds.hasSweepTransaction('BSC', record.txid)).toBe(true);
    expect(await funds.hasSweepTransaction('ETH', txid(1))).toBe(false);

    const rows = await t.kassaDb.db.selectFrom('sweep_movements').selectAll().execute();
    expect(rows).toEqual([
      { network_key: 'BSC', txid: txid(1), address: address(7), contract: '', address_index: 7, amount: '9' },
    ]);
    const [line] = await funds.summarizeFunds();
    expect(line).toEqual({
      networkKey: 'BSC',
      contract: null,
      received: 0n,
      collected: 9n,
      awaiting: 0n,
      awaitingAddresses: 0,
    });
  });

  databaseTest('records inside a store transaction, and nothing of it when that transaction fails', async ({ t }) => {
    const record = sweep(2, [{ address: address(1), index: 1, contract: USDT, amount: 4n }]);
    await expect(
      t.store.transaction(async (tx) => {
        expect(await tx.funds.recordSweepTransaction(record)).toBe(true);
        throw new Error('crash after recording');
      }),
    ).rejects.toThrow('crash after recording');
    expect(await t.store.funds.hasSweepTransaction('BSC', record.txid)).toBe(false);
    expect(await t.kassaDb.db.selectFrom('sweep_movements').selectAll().execute()).toEqual([]);

    expect(await t.store.transaction((tx) => tx.funds.recordSweepTransaction(record))).toBe(true);
    expect(await t.store.funds.hasSweepTransaction('BSC', record.txid)).toBe(true);
  });

  databaseTest('sums received, collected and awaiting per address, exactly past 2^63', async ({ t }) => {
    const store = t.store;
    await insertTestApp(store, NOW_MS);
    const big = 2n ** 64n + 1n;
    const pay = (n: number, index: number, contract: string | null, amount: bigint, status?: 'failed') =>
      insertConfirmedPayment(store, {
        n,
        networkKey: 'BSC',
        contract,
        address: address(index),
        index,
        amount,
        nowMs: NOW_MS,
        ...(status === undefined ? {} : { status }),
      });
    await pay(1, 1, USDT, big);
    await pay(2, 1, USDT, 3n);
    await pay(3, 2, USDT, 10n);
    await pay(4, 3, USDT, 7n);
    await pay(5, 3, USDT, 1000n, 'failed');
    await pay(6, 1, null, big);

    // Address 1's tokens are swept whole; address 2 gave more than it was paid (a stray transfer),
    // which must not hide address 3's 7; a reverted sweep of address 3 moved nothing.
    await store.funds.recordSweepTransaction(
      sweep(1, [
        { address: address(1), index: 1, contract: USDT, amount: big + 3n },
        { address: address(1), index: 1, contract: null, amount: 5n },
      ]),
    );
    await store.funds.recordSweepTransaction(
      sweep(2, [{ address: address(2), index: 2, contract: USDT, amount: 15n }]),
    );
    await store.funds.recordSweepTransaction(
      sweep(3, [{ address: address(3), index: 3, contract: USDT, amount: 7n }], { status: 'reverted' }),
    );
    await store.funds.recordSweepTransaction({ ...sweep(4, []), networkKey: 'ARBITRUM' });

    expect(await store.funds.summarizeFunds()).toEqual([
      // Address 1 paid its sweep's fee from its native coin: that part is spent, not awaiting.
      {
        networkKey: 'BSC',
        contract: null,
        received: big,
        collected: 5n,
        awaiting: big - 5n - 29_243n * 3_000_000_000n,
        awaitingAddresses: 1,
      },
      {
        networkKey: 'BSC',
        contract: USDT,
        received: big + 20n,
        collected: big + 18n,
        awaiting: 7n,
        awaitingAddresses: 1,
      },
    ]);
  });

  databaseTest('notes outgoing transactions once and finds them by hash in any case', async ({ t }) => {
    const funds = t.store.funds;
    await funds.noteOutgoingTransaction('BSC', txid(1).toUpperCase().replace('0X', '0x'), NOW_MS);
    await funds.noteOutgoingTransaction('BSC', txid(1), NOW_MS + 1);
    await funds.noteOutgoingTransaction('ETH', txid(2), NOW_MS);
    expect(
      await funds.findOutgoingTransactions('BSC', [txid(1).toUpperCase().replace('0X', '0x'), txid(2), txid(3)]),
    ).toEqual(new Set([txid(1)]));
    expect(await funds.findOutgoingTransactions('BSC', [])).toEqual(new Set());
  });

  databaseTest('counts top-ups in and deposit fees out of what an address still holds', async ({ t }) => {
    const store = t.store;
    await insertTestApp(store, NOW_MS);
    const payNative = (n: number, index: number, amount: bigint) =>
      insertConfirmedPayment(store, {
        n,
        networkKey: 'BSC',
        contract: null,
        address: address(index),
        index,
        amount,
        nowMs: NOW_MS,
      });
    await payNative(1, 1, 1_000n);
    // Address 1 sweeps its own native coin: 900 moved, 100 paid as fee: nothing left.
    await store.funds.recordSweepTransaction(
      sweep(1, [{ address: address(1), index: 1, contract: null, amount: 900n }], { feeWei: 100n, to: address(9) }),
    );
    // Address 2 (a token address) was topped up with 50 and spent 42 on its token transfer: 8 left there.
    const gasWallet = { paidBy: 'gas_wallet', from: address(0), kind: 'topup' } as const;
    await store.funds.recordSweepTransaction(
      sweep(2, [], { ...gasWallet, to: address(2), valueWei: 50n, feeWei: 21n }),
    );
    await store.funds.recordSweepTransaction(
      sweep(3, [{ address: address(2), index: 2, contract: USDT, amount: 0n }], { feeWei: 42n }),
    );
    const [native] = await store.funds.summarizeFunds();
    expect(native).toEqual({
      networkKey: 'BSC',
      contract: null,
      received: 1_000n,
      collected: 900n,
      awaiting: 8n,
      awaitingAddresses: 1,
    });
  });

  databaseTest('sums sweep costs per network by payer; only successful top-ups count as sent', async ({ t }) => {
    const funds = t.store.funds;
    const gasWallet = { paidBy: 'gas_wallet', from: address(0) } as const;
    await funds.recordSweepTransaction(sweep(1, [], { ...gasWallet, kind: 'topup', feeWei: 21n, valueWei: 2n ** 70n }));
    await funds.recordSweepTransaction(
      sweep(2, [], { ...gasWallet, kind: 'topup', feeWei: 22n, valueWei: 50n, status: 'reverted' }),
    );
    await funds.recordSweepTransaction(sweep(3, [{ address: address(1), index: 1, contract: USDT, amount: 1n }]));
    await funds.recordSweepTransaction(sweep(4, [], { ...gasWallet, kind: 'batch', feeWei: 300n, networkKey: 'BASE' }));

    expect(await funds.summarizeSweepCosts()).toEqual([
      { networkKey: 'BASE', transactions: 1, gasWalletFeesWei: 300n, depositFeesWei: 0n, topUpsWei: 0n },
      {
        networkKey: 'BSC',
        transactions: 3,
        gasWalletFeesWei: 43n,
        depositFeesWei: 29_243n * 3_000_000_000n,
        topUpsWei: 2n ** 70n,
      },
    ]);
  });
});
