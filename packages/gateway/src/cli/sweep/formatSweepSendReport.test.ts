// Risk: the operator misreads what a sweep moved, cost or left behind, or misses an address that was not swept (issue 13).
import { describe, expect, it } from 'vitest';
import type { SweepSendReport } from '../../adapters/chains/evm/sweep/SweepSendReport.ts';
import { formatSweepSendReport } from './formatSweepSendReport.ts';

const A = '0x1111111111111111111111111111111111111111';
const B = '0x2222222222222222222222222222222222222222';
const USDT = '0x5fbdb2315678afecb367f032d93f642f64180aa3';
const hash = (digit: string) => `0x${digit.repeat(64)}` as const;

const report: SweepSendReport = {
  planId: 'plan-7',
  networkKey: 'ETH',
  strategy: 'topup',
  destination: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  nativeSymbol: 'ETH',
  transactions: [
    {
      kind: 'topup',
      hash: hash('a'),
      address: A,
      batch: null,
      status: 'success',
      gasUsed: 21_000n,
      feeWei: 42_000_000_000_000n,
      valueWei: 58_486_000_000_000n,
      paidBy: 'gas_wallet',
      isNewlyRecorded: false,
    },
    {
      kind: 'deposit',
      hash: hash('b'),
      address: A,
      batch: null,
      status: 'success',
      gasUsed: 29_243n,
      feeWei: 58_486_000_000_000n,
      valueWei: 0n,
      paidBy: 'deposit',
      isNewlyRecorded: true,
    },
  ],
  moved: [
    { contract: null, symbol: 'ETH', decimals: 18, amount: 0n },
    { contract: USDT, symbol: 'USDT', decimals: 6, amount: 12_500_000n },
  ],
  gasWalletFeesWei: 42_000_000_000_000n,
  depositFeesWei: 58_486_000_000_000n,
  topUpsWei: 58_486_000_000_000n,
  failed: [{ address: B, index: 4, reason: 'authorization stale: plan again' }],
  leftover: [{ address: A, index: 3, nativeWei: 2_000_000_000n }],
};

describe('formatSweepSendReport', () => {
  it('lists each transaction, the amounts moved, the fees, what failed and what is left', () => {
    expect(formatSweepSendReport(report)).toBe(
      [
        'Sweep plan-7 on ETH (topup) to 0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
        'Transactions: 2 (1 recorded now, 1 earlier)',
        `  topup   ${hash('a')} ${A} success gas 21000 fee 0.000042 ETH value 0.000058486 ETH`,
        `  deposit ${hash('b')} ${A} success gas 29243 fee 0.000058486 ETH`,
        'Moved:',
        '  0 ETH',
        '  12.5 USDT',
        'Fees: gas wallet 0.000042 ETH, deposit addresses 0.000058486 ETH',
        'Top-ups sent: 0.000058486 ETH',
        'Not swept: 1',
        `  #4 ${B}: authorization stale: plan again`,
        'Left in deposit addresses: 0.000000002 ETH',
        `  #3 ${A}: 0.000000002 ETH`,
      ].join('\n'),
    );
  });

  it('names a batch by its index and says nothing of failures when there are none', () => {
    const batch = {
      ...report,
      strategy: 'eip7702' as const,
      failed: [],
      leftover: [{ address: A, index: 3, nativeWei: 0n }],
      transactions: [
        { ...report.transactions[0], kind: 'batch' as const, address: null, batch: 2, status: 'reverted' as const },
      ],
    } as SweepSendReport;
    const text = formatSweepSendReport(batch);
    expect(text).toContain(`  batch   ${hash('a')} batch 2 reverted gas 21000 fee 0.000042 ETH\n`);
    expect(text).not.toContain('Not swept');
    expect(text.endsWith('Left in deposit addresses: 0 ETH')).toBe(true);
    expect(formatSweepSendReport(batch, { nativeSymbol: 'BNB' })).toContain('Fees: gas wallet 0.000042 BNB,');
  });
});
