// Risk: a wrong built-in contract or decimals (misprices every order), or a confirmation rule that settles before the chain does.
import { getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_NETWORKS } from './builtInNetworks.ts';
import { deriveTokenId } from './deriveTokenId.ts';

const networks = Object.entries(BUILT_IN_NETWORKS).map(([key, network]) => ({ key, ...network }));

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
    }
  });
});
