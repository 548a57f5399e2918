// Guards against a plan summary that hides the destination, rounds amounts, or misses a short gas wallet.
import { describe, expect, it } from 'vitest';
import { SWEEP_PLAN_FORMAT, type SweepAddressPlan, type SweepPlan } from '../../core/sweep/SweepPlan.ts';
import { formatSweepPlanSummary } from './formatSweepPlanSummary.ts';

const DESTINATION = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const SWEEPER = '0x1111111111111111111111111111111111111111';
const GAS_WALLET = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const USDT = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const USDC = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';

const usdt = (amount: string) => ({ contract: USDT, symbol: 'USDT', decimals: 6, amount }) as const;

function addressPlan(index: number, fields: Partial<SweepAddressPlan>): SweepAddressPlan {
  return {
    index,
    address: `0x${String(index).padStart(40, '0')}`,
    nonce: 0,
    native: '0',
    tokens: [],
    topUp: '0',
    transactions: [],
    needsAuthorization: false,
    ...fields,
  };
}

const eip7702Plan: SweepPlan = {
  format: SWEEP_PLAN_FORMAT,
  version: 1,
  planId: 'plan-1',
  createdAt: '2026-01-02T03:04:05.000Z',
  network: { key: 'DEV', chainId: 31337 },
  xpub: 'xpub-of-the-network',
  destination: DESTINATION,
  strategy: 'eip7702',
  sweeper: SWEEPER,
  gasWallet: GAS_WALLET,
  gasPrice: '3000000000',
  maxFeePerGas: '3000000000',
  maxPriorityFeePerGas: '1000000000',
  addresses: [
    addressPlan(1, { native: '10', tokens: [usdt('1234500001')], needsAuthorization: true }),
    addressPlan(2, { tokens: [usdt('1')] }),
  ],
  batches: [{ addresses: ['0x1', '0x2'], tokens: [[USDT], [USDT]], gasLimit: '100000' }],
  dust: [
    { address: '0x3', index: 3, contract: USDC, symbol: 'USDC', amount: '5', reason: 'below-threshold' },
    { address: '0x4', index: 4, contract: USDC, symbol: 'USDC', amount: '7', reason: 'foreign-code' },
    { address: '0x4', index: 4, contract: null, symbol: 'ETH', amount: '1500000000000000000', reason: 'foreign-code' },
  ],
  totals: [{ contract: null, symbol: 'ETH', decimals: 18, amount: '10' }, usdt('1234500002')],
  cost: {
    gasWalletFeesWei: '300000000000000',
    topUpsWei: '0',
    depositFeesWei: '0',
    gasWalletNeedsWei: '300000000000000',
  },
};

describe('formatSweepPlanSummary', () => {
  it('puts the network and the destination first and prints exact amounts', () => {
    const text = formatSweepPlanSummary(eip7702Plan, {
      gasWalletBalance: 10n ** 18n,
      nativeSymbol: 'ETH',
      tokens: [{ contract: USDC.toLowerCase(), decimals: 6 }],
    });
    expect(text.split('\n')).toEqual([
      'Sweep plan plan-1: network DEV (chain id 31337)',
      `DESTINATION: ${DESTINATION}   <- every swept balance goes here; check it`,
      `Strategy: eip7702: the sweeper ${SWEEPER} for this destination is deployed; one gas-wallet transaction per batch of addresses`,
      'Addresses: 2 to sweep in 1 batch(es), 1 authorization(s) to sign',
      'To collect:',
      '  0.00000000000000001 ETH',
      '  1234.500002 USDT',
      'Left behind: 3 balance(s) (1 below-threshold, 2 foreign-code)',
      '  0.000012 USDC in 2 address(es)',
      '  1.5 ETH in 1 address(es)',
      'Estimated cost: at most 0.0003 ETH in fees (gas wallet 0.0003 ETH, deposit addresses 0 ETH)',
      `Gas wallet ${GAS_WALLET} needs 0.0003 ETH (fees 0.0003 ETH + top-ups 0 ETH), holds 1 ETH`,
    ]);
  });

  it('warns when the gas wallet holds less than the plan needs', () => {
    const text = formatSweepPlanSummary(eip7702Plan, { gasWalletBalance: 100_000_000_000_000n, nativeSymbol: 'ETH' });
    expect(text).toContain('holds 0.0001 ETH');
    expect(text.split('\n').at(-1)).toBe(
      'WARNING: the gas wallet is short by 0.0002 ETH: fund it before `kassa sweep send`',
    );
  });

  it('shows dust of a token the plan does not otherwise name in base units', () => {
    const text = formatSweepPlanSummary(eip7702Plan, { nativeSymbol: 'ETH' });
    expect(text).toContain('  12 base units of USDC in 2 address(es)');
    expect(text).not.toContain('WARNING');
    expect(text).not.toContain('holds');
  });

  it('topup: says why, counts top-ups and transactions, and the deposit addresses’ own fees', () => {
    const token = { kind: 'token', nonce: 0, to: USDT, contract: USDT, amount: '1', gasLimit: '50000' } as const;
    const plan: SweepPlan = {
      ...eip7702Plan,
      strategy: 'topup',
      sweeper: null,
      addresses: [
        addressPlan(1, { tokens: [usdt('1')], topUp: '150000', transactions: [token] }),
        addressPlan(2, { tokens: [usdt('2')], native: '1', transactions: [{ ...token, amount: '2' }] }),
      ],
      batches: [],
      dust: [],
      totals: [usdt('3')],
      cost: { gasWalletFeesWei: '63000', topUpsWei: '150000', depositFeesWei: '300000', gasWalletNeedsWei: '213000' },
    };
    const text = formatSweepPlanSummary(plan, {
      gasWalletBalance: 213_000n,
      nativeSymbol: 'BNB',
      isSweeperDeployed: false,
    });
    expect(text).toContain(
      'Strategy: topup: no sweeper deployed for this destination (`kassa sweep deploy --network DEV` makes eip7702 available)',
    );
    expect(text).toContain('Addresses: 2 to sweep, 1 topped up by the gas wallet, 2 transaction(s) to sign');
    expect(text).toContain('Left behind: nothing');
    expect(text).toContain('at most 0.000000000000363 BNB in fees');
    expect(text).toContain('needs 0.000000000000213 BNB (fees 0.000000000000063 BNB + top-ups 0.00000000000015 BNB)');
    expect(text).not.toContain('WARNING');
    const configured = formatSweepPlanSummary(plan, { nativeSymbol: 'BNB', isSweeperDeployed: true });
    expect(configured).toContain('Strategy: topup: configured (the sweeper for this destination is deployed');
  });

  it('says when there is nothing to collect', () => {
    const empty = { ...eip7702Plan, addresses: [], batches: [], totals: [], dust: [] };
    expect(formatSweepPlanSummary(empty, { nativeSymbol: 'ETH' })).toContain('To collect: nothing');
  });
});
