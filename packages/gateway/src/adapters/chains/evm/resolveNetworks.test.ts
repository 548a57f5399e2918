// Risk: a wrong built-in contract or decimals (misprices every order), or a bad network setting that starts silently.
import { getAddress } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../config.ts';
import { deriveTokenId } from './deriveTokenId.ts';
import { resolveNetworks } from './resolveNetworks.ts';
import { ANVIL_DEFAULT_MNEMONIC } from './startAnvil.ts';

const accountKey = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: "m/44'/60'/0'" }).getHdKey();
const XPUB = accountKey.publicExtendedKey;
const OTHER_XPUB = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: "m/44'/60'/1'" }).getHdKey().publicExtendedKey;
const RPC = ['https://rpc.example.org/key'];
const BUILT_INS = ['ETH', 'BSC', 'POLYGON', 'ARBITRUM', 'BASE', 'OPTIMISM'];
const USDT_ETH = '0xdAC17F958D2ee523a2206206994597C13D831ec7';
const DEV = {
  chainId: 31337,
  rpcUrls: ['http://127.0.0.1:8545'],
  confirmations: 1,
  blockTimeSeconds: 1,
  tokens: [
    {
      symbol: 'USDT',
      name: 'Tether USD',
      contract: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      decimals: 6,
      stable: true,
    },
    { symbol: 'ETH', native: true },
  ],
};

describe('resolveNetworks: defaults', () => {
  it('offers nothing without RPC URLs, and needs no xpub then', () => {
    expect(resolveNetworks({})).toEqual([]);
    expect(resolveNetworks({ ETH: { confirmations: 3 }, BSC: { rpcUrls: [] } })).toEqual([]);
  });

  it('fills a built-in network from its defaults', () => {
    const [eth, ...rest] = resolveNetworks({ xpub: XPUB, ETH: { rpcUrls: RPC } });
    expect(rest).toEqual([]);
    expect(eth).toEqual({
      key: 'ETH',
      chainId: 1,
      standard: 'ERC20',
      rpcUrls: RPC,
      confirmations: 12,
      finalityDepth: 96,
      blockTimeSeconds: 12,
      xpub: XPUB,
      tokens: [
        {
          tokenId: '8eca27a5-57fd-5f9e-a4b2-bf3f4aa7b713',
          networkKey: 'ETH',
          symbol: 'USDT',
          name: 'Tether USD',
          contract: USDT_ETH,
          decimals: 6,
          isStable: true,
        },
        {
          tokenId: deriveTokenId('ETH', '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48'),
          networkKey: 'ETH',
          symbol: 'USDC',
          name: 'USD Coin',
          contract: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
          decimals: 6,
          isStable: true,
        },
        {
          tokenId: deriveTokenId('ETH', null),
          networkKey: 'ETH',
          symbol: 'ETH',
          name: 'Ether',
          contract: null,
          decimals: 18,
          isStable: false,
        },
      ],
    });
  });

  it('knows all six mainnets: chain ids, labels, natives, and the real decimals (18 on BSC)', () => {
    const section: Record<string, unknown> = { xpub: XPUB };
    for (const key of BUILT_INS) section[key] = { rpcUrls: RPC };
    const networks = resolveNetworks(section);
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
    const ids = networks.flatMap((n) => n.tokens.map((t) => t.tokenId));
    expect(new Set(ids).size).toBe(18);
    for (const n of networks) {
      expect(n.confirmations).toBeGreaterThanOrEqual(10);
      expect(n.finalityDepth).toBeGreaterThanOrEqual(n.confirmations);
      expect(n.blockTimeSeconds).toBeGreaterThan(0);
      expect(n.tokens.filter((t) => t.isStable).map((t) => t.symbol)).toEqual(['USDT', 'USDC']);
    }
  });

  it('takes per-network overrides: own xpub, confirmations, block time, label and token list', () => {
    const [bsc] = resolveNetworks({
      xpub: XPUB,
      BSC: {
        rpcUrls: RPC,
        xpub: OTHER_XPUB,
        confirmations: 30,
        blockTimeSeconds: 3,
        standard: 'BEP-20',
        tokens: [
          { symbol: 'USDT', contract: '0x55d398326f99059fF775485246999027B3197955', decimals: 18, stable: true },
        ],
      },
    });
    expect(bsc).toMatchObject({
      key: 'BSC',
      chainId: 56,
      xpub: OTHER_XPUB,
      confirmations: 30,
      blockTimeSeconds: 3,
      standard: 'BEP-20',
    });
    expect(bsc?.tokens).toEqual([
      {
        tokenId: '8a396277-191a-582f-9aad-2eff278d2a4c',
        networkKey: 'BSC',
        symbol: 'USDT',
        name: 'USDT',
        contract: '0x55d398326f99059fF775485246999027B3197955',
        decimals: 18,
        isStable: true,
      },
    ]);
  });

  it('takes a finality depth; without one it is the default, and never below the confirmations', () => {
    const resolve = (settings: Record<string, unknown>) =>
      resolveNetworks({ xpub: XPUB, ...settings }).map((n) => [n.key, n.confirmations, n.finalityDepth]);
    expect(resolve({ ETH: { rpcUrls: RPC, finalityDepth: 300 } })).toEqual([['ETH', 12, 300]]);
    expect(resolve({ ETH: { rpcUrls: RPC, confirmations: 150 } })).toEqual([['ETH', 150, 150]]);
    expect(resolve({ POLYGON: { rpcUrls: RPC } })).toEqual([['POLYGON', 64, 512]]);
    expect(resolve({ DEV })).toEqual([['DEV', 1, 256]]);
    expect(resolve({ DEV: { ...DEV, finalityDepth: 5 } })).toEqual([['DEV', 1, 5]]);
  });

  it('adds a custom network after the built-ins', () => {
    const networks = resolveNetworks({ xpub: XPUB, DEV, ETH: { rpcUrls: RPC } });
    expect(networks.map((n) => n.key)).toEqual(['ETH', 'DEV']);
    expect(networks[1]).toMatchObject({ chainId: 31337, standard: 'ERC20', confirmations: 1, blockTimeSeconds: 1 });
    expect(networks[1]?.tokens.map((t) => [t.symbol, t.contract, t.decimals, t.isStable, t.tokenId])).toEqual([
      [
        'USDT',
        '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        6,
        true,
        deriveTokenId('DEV', '0x5FbDB2315678afecb367f032d93F642f64180aa3'),
      ],
      ['ETH', null, 18, false, '4dfbbdf9-df6a-520b-b993-331b4a17468e'],
    ]);
  });
});

describe('resolveNetworks: every bad setting is a ConfigError naming it', () => {
  const token = (extra: Record<string, unknown>) => ({
    xpub: XPUB,
    ETH: { rpcUrls: RPC, tokens: [{ symbol: 'USDT', decimals: 6, contract: USDT_ETH, ...extra }] },
  });
  const cases: [string, Record<string, unknown>, string][] = [
    ['lower-case network key', { eth: {} }, 'networks.eth'],
    ['network not an object', { ETH: 'yes' }, 'networks.ETH'],
    ['unknown network setting', { ETH: { rpcUrl: RPC } }, 'networks.ETH.rpcUrl'],
    ['rpcUrls not a list', { xpub: XPUB, ETH: { rpcUrls: 'https://rpc.example.org' } }, 'networks.ETH.rpcUrls'],
    [
      'rpc URL of another scheme',
      { xpub: XPUB, ETH: { rpcUrls: ['ftp://rpc.example.org'] } },
      'networks.ETH.rpcUrls[0]',
    ],
    ['rpc URL not a URL', { xpub: XPUB, ETH: { rpcUrls: [RPC[0], 'rpc.example.org'] } }, 'networks.ETH.rpcUrls[1]'],
    ['no xpub for an offered network', { ETH: { rpcUrls: RPC } }, 'networks.ETH.xpub'],
    ['garbage shared xpub', { xpub: 'xpub-not-really' }, 'networks.xpub'],
    ['mistyped xpub', { xpub: `${XPUB.slice(0, -1)}${XPUB.endsWith('a') ? 'b' : 'a'}` }, 'networks.xpub'],
    ['garbage network xpub', { ETH: { xpub: 42 } }, 'networks.ETH.xpub'],
    ['chain id of a built-in', { ETH: { chainId: 5 } }, 'networks.ETH.chainId'],
    ['zero confirmations', { ETH: { confirmations: 0 } }, 'networks.ETH.confirmations'],
    ['fractional confirmations', { ETH: { confirmations: 1.5 } }, 'networks.ETH.confirmations'],
    ['confirmations as text', { ETH: { confirmations: '12' } }, 'networks.ETH.confirmations'],
    ['zero finality depth', { ETH: { finalityDepth: 0 } }, 'networks.ETH.finalityDepth'],
    ['finality depth as text', { ETH: { finalityDepth: '64' } }, 'networks.ETH.finalityDepth'],
    ['finality depth past the limit', { ETH: { finalityDepth: 100_001 } }, 'networks.ETH.finalityDepth'],
    [
      'finality depth below the confirmations',
      { ETH: { confirmations: 20, finalityDepth: 10 } },
      'networks.ETH.finalityDepth',
    ],
    ['zero block time', { BSC: { blockTimeSeconds: 0 } }, 'networks.BSC.blockTimeSeconds'],
    ['empty label', { ETH: { standard: ' ' } }, 'networks.ETH.standard'],
    ['empty token list', { ETH: { tokens: [] } }, 'networks.ETH.tokens'],
    ['token not an object', { ETH: { tokens: ['USDT'] } }, 'networks.ETH.tokens[0]'],
    ['unknown token setting', token({ address: USDT_ETH }), 'networks.ETH.tokens[0].address'],
    ['bad symbol', token({ symbol: 'US DT' }), 'networks.ETH.tokens[0].symbol'],
    ['lower-case contract', token({ contract: USDT_ETH.toLowerCase() }), 'networks.ETH.tokens[0].contract'],
    [
      'contract with a wrong checksum',
      token({ contract: USDT_ETH.replace('dAC', 'DAC') }),
      'networks.ETH.tokens[0].contract',
    ],
    ['garbage contract', token({ contract: '0x1234' }), 'networks.ETH.tokens[0].contract'],
    ['zero-address contract', token({ contract: `0x${'0'.repeat(40)}` }), 'networks.ETH.tokens[0].contract'],
    ['no contract and not native', token({ contract: undefined }), 'networks.ETH.tokens[0].contract'],
    ['native with a contract', token({ native: true }), 'networks.ETH.tokens[0].contract'],
    ['native not a boolean', token({ contract: undefined, native: 'yes' }), 'networks.ETH.tokens[0].native'],
    ['no decimals on a contract token', token({ decimals: undefined }), 'networks.ETH.tokens[0].decimals'],
    ['too many decimals', token({ decimals: 37 }), 'networks.ETH.tokens[0].decimals'],
    ['stable not a boolean', token({ stable: 1 }), 'networks.ETH.tokens[0].stable'],
    [
      'repeated symbol',
      {
        ETH: {
          tokens: [
            { symbol: 'USDT', contract: USDT_ETH, decimals: 6 },
            { symbol: 'usdt', native: true },
          ],
        },
      },
      'networks.ETH.tokens[1]',
    ],
    [
      'repeated contract',
      {
        ETH: {
          tokens: [
            { symbol: 'USDT', contract: USDT_ETH, decimals: 6 },
            { symbol: 'USDT2', contract: USDT_ETH, decimals: 6 },
          ],
        },
      },
      'networks.ETH.tokens[1]',
    ],
    ['custom network without chain id', { DEV: { ...DEV, chainId: undefined } }, 'networks.DEV.chainId'],
    [
      'custom network without confirmations',
      { DEV: { ...DEV, confirmations: undefined } },
      'networks.DEV.confirmations',
    ],
    [
      'custom network without block time',
      { DEV: { ...DEV, blockTimeSeconds: undefined } },
      'networks.DEV.blockTimeSeconds',
    ],
    ['custom network without tokens', { DEV: { ...DEV, tokens: undefined } }, 'networks.DEV.tokens'],
    [
      'two networks on one chain',
      { xpub: XPUB, ETH: { rpcUrls: RPC }, MAINNET: { ...DEV, chainId: 1 } },
      'networks.MAINNET',
    ],
  ];

  it.each(cases)('%s', (_name, section, setting) => {
    // JSON has no undefined: drop such keys as a config file would never hold them.
    const parsed = JSON.parse(JSON.stringify(section)) as Record<string, unknown>;
    let caught: unknown;
    try {
      resolveNetworks(parsed);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).setting).toBe(setting);
    expect((caught as ConfigError).message).toMatch(new RegExp(`^config: ${setting.replace(/[.[\]]/g, '\\$&')} `));
  });

  it('refuses an extended private key and says why', () => {
    expect(() => resolveNetworks({ xpub: accountKey.privateExtendedKey })).toThrow(/PRIVATE/);
  });
});
