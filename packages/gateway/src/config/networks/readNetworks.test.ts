// Risk: a built-in network offered other than its defaults say, or a bad network setting that starts silently.
import { mnemonicToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { catchConfigError } from '../../../test/support/catchConfigError.ts';
import { BUILT_IN_NETWORKS } from '../../adapters/chains/builtInNetworks.ts';
import { deriveTokenId } from '../../adapters/chains/evm/deriveTokenId.ts';
import { EVM_NETWORK_KIND } from '../../adapters/chains/evm/evmNetworkKind.ts';
import { ANVIL_DEFAULT_MNEMONIC } from '../../adapters/chains/evm/startAnvil.ts';
import { readNetworks } from './readNetworks.ts';

const accountKey = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: "m/44'/60'/0'" }).getHdKey();
const XPUB = accountKey.publicExtendedKey;
const OTHER_XPUB = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: "m/44'/60'/1'" }).getHdKey().publicExtendedKey;
const RPC = ['https://rpc.example.org/key'];
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

describe('readNetworks: defaults', () => {
  it('offers nothing without RPC URLs, and needs no xpub then', () => {
    expect(readNetworks({})).toEqual([]);
    expect(readNetworks({ ETH: { confirmations: 3 }, BSC: { rpcUrls: [] } })).toEqual([]);
  });

  it('fills a built-in network from its defaults', () => {
    const [eth, ...rest] = readNetworks({ xpub: XPUB, ETH: { rpcUrls: RPC } });
    expect(rest).toEqual([]);
    expect(eth).toEqual({
      key: 'ETH',
      kind: EVM_NETWORK_KIND,
      explorerUrl: 'https://etherscan.io',
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

  it('takes per-network overrides: own xpub, confirmations, block time, label and token list', () => {
    const [bsc] = readNetworks({
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

  it('offers every built-in network that has RPC URLs, in the order of the table', () => {
    // TRON needs its own xpub (m/44'/195'/…) and a node whose HTTP API sits beside /jsonrpc.
    const tron = { rpcUrls: ['https://tron.example.org/jsonrpc'], xpub: OTHER_XPUB };
    const section = Object.fromEntries(
      Object.entries(BUILT_IN_NETWORKS).map(([key, n]) => [key, n.kind === 'tron' ? tron : { rpcUrls: RPC }]),
    );
    expect(readNetworks({ xpub: XPUB, ...section }).map((n) => [n.key, n.chainId, n.tokens.length])).toEqual(
      Object.entries(BUILT_IN_NETWORKS).map(([key, n]) => [key, n.chainId, n.tokens.length]),
    );
  });

  it('adds a custom network after the built-ins', () => {
    const networks = readNetworks({ xpub: XPUB, DEV, ETH: { rpcUrls: RPC } });
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

describe('readNetworks: websocket RPC URLs', () => {
  it('takes ws:// and wss:// URLs, alone or beside http(s) ones, in the order given', () => {
    const urls = ['wss://eth.example-rpc.com/ws/KEY', 'https://eth.example-rpc.com/KEY', 'ws://127.0.0.1:8545'];
    expect(readNetworks({ xpub: XPUB, ETH: { rpcUrls: urls } })[0]?.rpcUrls).toEqual(urls);
    expect(readNetworks({ xpub: XPUB, DEV: { ...DEV, rpcUrls: ['ws://127.0.0.1:8545'] } })[0]?.rpcUrls).toEqual([
      'ws://127.0.0.1:8545',
    ]);
  });

  it('names the schemes it takes when refusing another', () => {
    const error = catchConfigError(
      () => readNetworks({ xpub: XPUB, ETH: { rpcUrls: ['ftp://rpc.example.org'] } }),
      'networks.ETH.rpcUrls[0]',
    );
    expect(error.message).toBe('config: networks.ETH.rpcUrls[0] must be an http(s):// or ws(s):// URL, not ftp://');
  });
});

describe('readNetworks: every bad setting is a ConfigError naming it', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['lower-case network key', { eth: {} }, 'networks.eth'],
    ['a key that objects inherit', JSON.parse('{"constructor": {}}'), 'networks.constructor'],
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
    catchConfigError(() => readNetworks(parsed), setting);
  });

  it('refuses an extended private key and says why', () => {
    expect(() => readNetworks({ xpub: accountKey.privateExtendedKey })).toThrow(/PRIVATE/);
  });
});
