// Risk: the sandbox and the end-to-end tests watch a DEV network that lists the wrong tokens or token ids.
import { describe, expect, it } from 'vitest';
import { deriveTokenId } from './deriveTokenId.ts';
import { DEV_NETWORK_KEY, describeDevNetwork } from './describeDevNetwork.ts';

const USDT = '0xdAC17F958D2ee523a2206206994597C13D831ec7';
const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const base = { chainId: 31337, rpcUrl: 'http://127.0.0.1:8545', xpub: 'xpub-of-the-test' };

describe('describeDevNetwork', () => {
  it('lists the test USDT and USDC as 6-decimal stablecoins of one confirmation', () => {
    const network = describeDevNetwork({ ...base, tokenContracts: { USDT, USDC } });
    expect(network).toMatchObject({ key: DEV_NETWORK_KEY, chainId: 31337, rpcUrls: [base.rpcUrl], confirmations: 1 });
    expect(network.xpub).toBe(base.xpub);
    expect(network.tokens).toEqual([
      {
        tokenId: deriveTokenId('DEV', USDT),
        networkKey: 'DEV',
        symbol: 'USDT',
        name: 'Tether USD',
        contract: USDT,
        decimals: 6,
        isStable: true,
      },
      {
        tokenId: deriveTokenId('DEV', USDC),
        networkKey: 'DEV',
        symbol: 'USDC',
        name: 'USD Coin',
        contract: USDC,
        decimals: 6,
        isStable: true,
      },
    ]);
  });

  it('adds the native coin last when asked', () => {
    const { tokens } = describeDevNetwork({ ...base, tokenContracts: { USDT, USDC }, withNativeCoin: true });
    expect(tokens.map((t) => [t.symbol, t.contract, t.decimals, t.isStable])).toEqual([
      ['USDT', USDT, 6, true],
      ['USDC', USDC, 6, true],
      ['ETH', null, 18, false],
    ]);
  });

  it('refuses to describe a network whose test token was not deployed', () => {
    expect(() => describeDevNetwork({ ...base, tokenContracts: { USDT } })).toThrow('test token USDC was not deployed');
  });
});
