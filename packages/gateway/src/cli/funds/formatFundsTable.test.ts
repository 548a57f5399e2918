// Risk: the operator reads a wrong amount (float rounding, wrong decimals, base units shown as tokens)
// or cannot tell which token a line is about.
import { describe, expect, it } from 'vitest';
import { EVM_NETWORK_KIND } from '../../adapters/chains/evm/evmNetworkKind.ts';
import { TRON_NETWORK_KIND } from '../../adapters/chains/tron/tronNetworkKind.ts';
import { buildFundsReport } from '../../app/buildFundsReport.ts';
import type { Network } from '../../core/network.ts';
import { formatFundsJson } from './formatFundsJson.ts';
import { formatFundsTable } from './formatFundsTable.ts';

const USDT = '0x55d398326f99059ff775485246999027b3197955';
const DEV_TOKEN = '0x5fbdb2315678afecb367f032d93f642f64180aa3';
const token = (symbol: string, contract: `0x${string}` | null, decimals: number) => ({
  tokenId: symbol,
  networkKey: 'BSC',
  symbol,
  name: symbol,
  contract,
  decimals,
  isStable: false,
});
const BSC = {
  key: 'BSC',
  kind: EVM_NETWORK_KIND,
  chainId: 56,
  standard: 'BEP20',
  rpcUrls: ['https://bsc.example-rpc.com'],
  confirmations: 15,
  blockTimeSeconds: 3,
  xpub: 'xpub',
  // The config spells contracts checksummed; the ledger keeps them lower-case.
  tokens: [token('USDT', '0x55d398326f99059fF775485246999027B3197955', 18), token('BNB', null, 18)],
} satisfies Network;

const report = buildFundsReport({
  networks: [BSC],
  funds: [
    {
      networkKey: 'BSC',
      contract: null,
      received: 10n ** 18n,
      collected: 0n,
      awaiting: 10n ** 18n,
      awaitingAddresses: 1,
    },
    {
      networkKey: 'BSC',
      contract: USDT,
      // 2^64 + 1 wei: a float would print 18.446744073709552.
      received: 2n ** 64n + 1n,
      collected: 2n ** 64n,
      awaiting: 1n,
      awaitingAddresses: 1,
    },
    {
      networkKey: 'DEV',
      contract: DEV_TOKEN,
      received: 12_500_000n,
      collected: 0n,
      awaiting: 12_500_000n,
      awaitingAddresses: 2,
    },
  ],
  costs: [
    {
      networkKey: 'BSC',
      transactions: 3,
      gasWalletFeesWei: 63_000n * 10n ** 9n,
      depositFeesWei: 5n,
      topUpsWei: 10n ** 15n,
    },
    { networkKey: 'DEV', transactions: 1, gasWalletFeesWei: 21_000n, depositFeesWei: 0n, topUpsWei: 0n },
  ],
});

describe('formatFundsTable', () => {
  it('prints exact decimals under the configured symbols, base units marked where decimals are unknown', () => {
    expect(formatFundsTable(report)).toBe(
      [
        'NETWORK  TOKEN                                                    RECEIVED              COLLECTED              AWAITING  ADDRESSES',
        'BSC      BNB                                                             1                      0                     1          1',
        'BSC      USDT                                        18.446744073709551617  18.446744073709551616  0.000000000000000001          1',
        `DEV      ${DEV_TOKEN}              12500000*                     0*             12500000*          2`,
        '',
        'sweep costs',
        'NETWORK  TRANSACTIONS  GAS WALLET FEES              DEPOSIT FEES    TOP-UPS',
        'BSC                 3     0.000063 BNB  0.000000000000000005 BNB  0.001 BNB',
        'DEV                 1           21000*                        0*         0*',
        '',
        '* base units: the token (or network) is not in the config, its decimals are unknown',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing was paid or swept yet', () => {
    expect(formatFundsTable({ funds: [], costs: [] })).toBe('no confirmed payments yet\n\nno sweeps yet\n');
  });
});

describe('formatFundsJson', () => {
  it('writes TRON contracts in their T… form, listed or not', () => {
    const usdt = '0xa614f803b6fd780986a42c78ec9c7f77e6ded13c';
    const tron = {
      ...BSC,
      key: 'TRON',
      kind: TRON_NETWORK_KIND,
      tokens: [{ ...token('USDT', usdt, 6), networkKey: 'TRON' }],
    };
    const line = { received: 1n, collected: 0n, awaiting: 1n, awaitingAddresses: 1 };
    const json = formatFundsJson(
      buildFundsReport({
        networks: [tron],
        funds: [
          { ...line, networkKey: 'TRON', contract: usdt },
          { ...line, networkKey: 'TRON', contract: '0x0000000000000000000000000000000000000001' },
        ],
        costs: [],
      }),
    );
    expect(json.funds.map((f) => [f.token, f.contract])).toEqual([
      ['USDT', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'],
      // Not in the config: named by its contract, which TRONSCAN would show as this.
      ['T9yD14Nj9j7xAB4dbGeiX9h8unkKLxmGkn', 'T9yD14Nj9j7xAB4dbGeiX9h8unkKLxmGkn'],
    ]);
  });

  it('gives whole-token decimal strings, null where decimals are unknown, and base units always', () => {
    const json = formatFundsJson(report);
    expect(json.funds[1]).toEqual({
      network: 'BSC',
      token: 'USDT',
      contract: USDT,
      decimals: 18,
      received: '18.446744073709551617',
      collected: '18.446744073709551616',
      awaiting: '0.000000000000000001',
      awaiting_addresses: 1,
      received_base_units: '18446744073709551617',
      collected_base_units: '18446744073709551616',
      awaiting_base_units: '1',
    });
    expect(json.funds[2]).toMatchObject({
      token: DEV_TOKEN,
      decimals: null,
      received: null,
      received_base_units: '12500000',
    });
    expect(json.costs).toEqual([
      {
        network: 'BSC',
        native_symbol: 'BNB',
        decimals: 18,
        transactions: 3,
        gas_wallet_fees: '0.000063',
        deposit_fees: '0.000000000000000005',
        top_ups: '0.001',
        gas_wallet_fees_base_units: '63000000000000',
        deposit_fees_base_units: '5',
        top_ups_base_units: '1000000000000000',
      },
      {
        network: 'DEV',
        native_symbol: 'native',
        decimals: null,
        transactions: 1,
        gas_wallet_fees: null,
        deposit_fees: null,
        top_ups: null,
        gas_wallet_fees_base_units: '21000',
        deposit_fees_base_units: '0',
        top_ups_base_units: '0',
      },
    ]);
  });
});
