// Risk: a wrong built-in contract or decimals (misprices every order), or a confirmation rule that settles before the chain does.
import { getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_NETWORKS } from './builtInNetworks.ts';
import { deriveTokenId } from './evm/deriveTokenId.ts';
import { formatTronAddress } from './tron/formatTronAddress.ts';

const all = Object.entries(BUILT_IN_NETWORKS).map(([key, network]) => ({ key, ...network }));
const networks = all.filter((n) => n.kind === 'evm');

describe('BUILT_IN_NETWORKS', () => {
  it('knows all six mainnets: chain ids, labels, natives, and the real decimals (18 on BSC)', () => {
    expect(networks.map((n) => [n.key, n.chainId, n.standard])).toEqual([
      ['ETH', 1, 'ERC20'],
      ['BSC', 56, 'BEP20'],
      ['POLYGON', 137, 'ERC20'],
      ['ARBITRUM', 42161, 'ERC20'],
      ['BASE', 8453, 'ERC20'],
      ['OPTIMISM', 10, 'ERC20'],
    ]);
    const summary = networks.map((n) => `${n.key}: ${n.tokens.map((t) => `${t.symbol}/${t.decimals}`).join(' ')}`);
    expect(summary).toEqual([
      'ETH: USDT/6 USDC/6 ETH/18',
      'BSC: USDT/18 USDC/18 BNB/18',
      'POLYGON: USDT/6 USDC/6 POL/18',
      'ARBITRUM: USDT/6 USDC/6 ETH/18',
      'BASE: USDT/6 USDC/6 ETH/18',
      'OPTIMISM: USDT/6 USDC/6 ETH/18',
    ]);
    const contracts = networks.flatMap((n) => n.tokens.flatMap((t) => (t.contract === null ? [] : [t.contract])));
    expect(contracts).toHaveLength(12);
    for (const contract of contracts) expect(getAddress(contract)).toBe(contract);
    expect(new Set(contracts).size).toBe(12);
    const ids = networks.flatMap((n) => n.tokens.map((t) => deriveTokenId(n.key, t.contract)));
    expect(new Set(ids).size).toBe(18);
    for (const n of networks) {
      expect(n.confirmations).toBeGreaterThanOrEqual(10);
      expect(n.finalityDepth).toBeGreaterThanOrEqual(n.confirmations);
      expect(n.blockTimeSeconds).toBeGreaterThan(0);
      expect(n.tokens.filter((t) => t.isStable).map((t) => t.symbol)).toEqual(['USDT', 'USDC']);
      expect(n.explorerUrl).toMatch(/^https:\/\/[a-z.]+$/);
    }
  });

  it('knows TRON: USDT-TRC20 at TR7NHq… and TRX, both with 6 decimals, chain id 0x2b6653dc', () => {
    const tron = all.find((n) => n.key === 'TRON');
    expect(tron).toMatchObject({ kind: 'tron', chainId: 0x2b6653dc, standard: 'TRC20', blockTimeSeconds: 3 });
    expect(
      tron?.tokens.map((t) => [t.symbol, t.contract === null ? null : formatTronAddress(t.contract), t.decimals]),
    ).toEqual([
      ['USDT', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 6],
      ['TRX', null, 6],
    ]);
    // Solidification takes 19 blocks (2/3 of 27 producers + 1); the hashes are kept past it.
    expect(tron?.confirmations).toBe(19);
    expect(tron?.finalityDepth).toBeGreaterThan(19);
    expect(new Set(all.map((n) => n.chainId)).size).toBe(all.length);
  });
});
