import { type Address, getAddress } from 'viem';
import { ConfigError } from '../../../config.ts';
import type { Network, Token } from '../../../core/network.ts';
import { deriveTokenId } from './deriveTokenId.ts';
import { parseXpub } from './parseXpub.ts';

/** A token as the built-in table or the config file describes it, before its id is derived. */
type TokenDefinition = {
  readonly symbol: string;
  readonly name: string;
  /** Checksummed contract, or null for the network's native coin. */
  readonly contract: Address | null;
  readonly decimals: number;
  readonly isStable: boolean;
};

type NetworkDefaults = {
  readonly chainId: number;
  readonly standard: string;
  readonly confirmations: number;
  readonly finalityDepth: number;
  readonly blockTimeSeconds: number;
  readonly tokens: readonly TokenDefinition[];
};

const stable = (symbol: string, name: string, contract: Address, decimals: number): TokenDefinition => ({
  symbol,
  name,
  contract,
  decimals,
  isStable: true,
});
const native = (symbol: string, name: string): TokenDefinition => ({
  symbol,
  name,
  contract: null,
  decimals: 18,
  isStable: false,
});
const USDT = 'Tether USD';
const USDC = 'USD Coin';

/**
 * Mainnet defaults. Decimals are the contracts' own (BSC's USDT and USDC have 18, not 6).
 * Confirmations weigh each chain's reorg history against how long a buyer waits: Ethereum has
 * finality-backed blocks every 12 s; BSC's fast finality settles in a few 0.75 s blocks; Polygon
 * PoS has had deep reorgs, so it waits longest; the rollups only reorg if their sequencer does.
 *
 * Finality depths are how long a payment can still vanish, so they are set by what the chain
 * guarantees, not by what buyers will wait for: Ethereum finalises a block two epochs after its
 * own epoch, 64–95 blocks behind the head; BSC's fast finality takes 2–3 blocks when validators
 * vote, so 64 leaves room for rounds without enough votes; Polygon PoS reorganised 157 blocks in
 * 2023, before its milestones; a rollup block is final once the batch holding it is final on
 * Ethereum, about 20 minutes.
 */
export const BUILT_IN_NETWORKS: Readonly<Record<string, NetworkDefaults>> = {
  ETH: {
    chainId: 1,
    standard: 'ERC20',
    confirmations: 12,
    finalityDepth: 96,
    blockTimeSeconds: 12,
    tokens: [
      stable('USDT', USDT, '0xdAC17F958D2ee523a2206206994597C13D831ec7', 6),
      stable('USDC', USDC, '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', 6),
      native('ETH', 'Ether'),
    ],
  },
  BSC: {
    chainId: 56,
    standard: 'BEP20',
    confirmations: 15,
    finalityDepth: 64,
    blockTimeSeconds: 0.75,
    tokens: [
      stable('USDT', USDT, '0x55d398326f99059fF775485246999027B3197955', 18),
      stable('USDC', USDC, '0x8AC76a51cc950d9822D68b83fE1Ad97B32Cd580d', 18),
      native('BNB', 'BNB'),
    ],
  },
  POLYGON: {
    chainId: 137,
    standard: 'ERC20',
    confirmations: 64,
    finalityDepth: 512,
    blockTimeSeconds: 2,
    tokens: [
      stable('USDT', USDT, '0xc2132D05D31c914a87C6611C10748AEb04B58e8F', 6),
      stable('USDC', USDC, '0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359', 6),
      native('POL', 'Polygon Ecosystem Token'),
    ],
  },
  ARBITRUM: {
    chainId: 42161,
    standard: 'ERC20',
    confirmations: 20,
    finalityDepth: 4_800,
    blockTimeSeconds: 0.25,
    tokens: [
      stable('USDT', USDT, '0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9', 6),
      stable('USDC', USDC, '0xaf88d065e77c8cC2239327C5EDb3A432268e5831', 6),
      native('ETH', 'Ether'),
    ],
  },
  BASE: {
    chainId: 8453,
    standard: 'ERC20',
    confirmations: 10,
    finalityDepth: 600,
    blockTimeSeconds: 2,
    tokens: [
      stable('USDT', USDT, '0xfde4C96c8593536E31F229EA8f37b2ADa2699bb2', 6),
      stable('USDC', USDC, '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913', 6),
      native('ETH', 'Ether'),
    ],
  },
  OPTIMISM: {
    chainId: 10,
    standard: 'ERC20',
    confirmations: 10,
    finalityDepth: 600,
    blockTimeSeconds: 2,
    tokens: [
      stable('USDT', USDT, '0x94b008aA00579c1307B0EF2c499aD98a8ce58e58', 6),
      stable('USDC', USDC, '0x0b2C639c533813f4Aa9D7837CAf62653d097Ff85', 6),
      native('ETH', 'Ether'),
    ],
  },
};

const NETWORK_KEY = /^[A-Z][A-Z0-9_]{0,31}$/;
const SYMBOL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$/;
const NETWORK_SETTINGS = [
  'rpcUrls',
  'xpub',
  'confirmations',
  'finalityDepth',
  'blockTimeSeconds',
  'standard',
  'chainId',
  'tokens',
];
const TOKEN_SETTINGS = ['symbol', 'name', 'contract', 'native', 'decimals', 'stable'];
const MAX_TOKEN_DECIMALS = 36;
// A custom network's finality is unknown: as deep as the watcher's minimum of kept block hashes.
const CUSTOM_FINALITY_DEPTH = 256;
// The watcher keeps one block hash row per block of the depth.
const MAX_FINALITY_DEPTH = 100_000;

/**
 * Turns the `networks` config section into the networks on offer: the built-in mainnets (and any
 * custom network the operator adds) that have RPC URLs, each with its tokens and their stable
 * ids. Every setting is checked, offered or not; a bad one is a `ConfigError` naming it.
 *
 * @example
 * resolveNetworks({ xpub: 'xpub6C…', BSC: { rpcUrls: ['https://bsc-rpc.example'] } });
 * // [{ key: 'BSC', chainId: 56, standard: 'BEP20', confirmations: 15, finalityDepth: 64, tokens: [USDT, USDC, BNB], … }]
 */
export function resolveNetworks(section: Readonly<Record<string, unknown>>): Network[] {
  const sharedXpub = section.xpub === undefined ? undefined : readXpub(section.xpub, 'networks.xpub');
  const keys = [
    ...Object.keys(BUILT_IN_NETWORKS),
    ...Object.keys(section).filter((key) => key !== 'xpub' && !(key in BUILT_IN_NETWORKS)),
  ];
  const networks: Network[] = [];
  for (const key of keys) {
    if (!NETWORK_KEY.test(key)) {
      throw new ConfigError(`networks.${key}`, 'is not a setting: network keys are upper case (ETH, BSC, DEV, …)');
    }
    const network = resolveNetwork(key, section[key], sharedXpub);
    if (network !== null) networks.push(network);
  }
  const byChainId = new Map<number, string>();
  for (const network of networks) {
    const other = byChainId.get(network.chainId);
    if (other !== undefined) {
      throw new ConfigError(`networks.${network.key}`, `watches chain ${network.chainId}, as networks.${other} does`);
    }
    byChainId.set(network.chainId, network.key);
  }
  return networks;
}

function resolveNetwork(key: string, raw: unknown, sharedXpub: string | undefined): Network | null {
  const setting = `networks.${key}`;
  const settings = raw === undefined ? {} : readObject(raw, setting, NETWORK_SETTINGS);
  const defaults = BUILT_IN_NETWORKS[key];
  if (defaults !== undefined && settings.chainId !== undefined) {
    throw new ConfigError(
      `${setting}.chainId`,
      'cannot be changed on a built-in network: give another chain its own key (e.g. SEPOLIA)',
    );
  }
  const chainId =
    defaults?.chainId ??
    readNumber(required(settings.chainId, `${setting}.chainId`), `${setting}.chainId`, 1, 2 ** 53 - 1, true);
  const standard =
    settings.standard === undefined
      ? (defaults?.standard ?? 'ERC20')
      : readLabel(settings.standard, `${setting}.standard`);
  const confirmations = readNumber(
    settings.confirmations ?? required(defaults?.confirmations, `${setting}.confirmations`),
    `${setting}.confirmations`,
    1,
    10_000,
    true,
  );
  const finalityDepth =
    settings.finalityDepth === undefined
      ? // A payment is confirmed before it is final, never after.
        Math.max(defaults?.finalityDepth ?? CUSTOM_FINALITY_DEPTH, confirmations)
      : readNumber(settings.finalityDepth, `${setting}.finalityDepth`, 1, MAX_FINALITY_DEPTH, true);
  if (finalityDepth < confirmations) {
    throw new ConfigError(
      `${setting}.finalityDepth`,
      `must be at least confirmations (${confirmations}): a payment is confirmed before it is final`,
    );
  }
  const blockTimeSeconds = readNumber(
    settings.blockTimeSeconds ?? required(defaults?.blockTimeSeconds, `${setting}.blockTimeSeconds`),
    `${setting}.blockTimeSeconds`,
    0.01,
    600,
    false,
  );
  const tokens =
    settings.tokens === undefined
      ? (required(defaults?.tokens, `${setting}.tokens`) as readonly TokenDefinition[])
      : readTokens(settings.tokens, `${setting}.tokens`);
  const rpcUrls = settings.rpcUrls === undefined ? [] : readRpcUrls(settings.rpcUrls, `${setting}.rpcUrls`);
  const ownXpub = settings.xpub === undefined ? undefined : readXpub(settings.xpub, `${setting}.xpub`);
  if (rpcUrls.length === 0) return null;
  const xpub = ownXpub ?? sharedXpub;
  if (xpub === undefined) {
    throw new ConfigError(`${setting}.xpub`, 'is required for a network with RPC URLs (or set networks.xpub for all)');
  }
  return {
    key,
    chainId,
    standard,
    rpcUrls,
    confirmations,
    finalityDepth,
    blockTimeSeconds,
    xpub,
    tokens: tokens.map(
      (token): Token => ({
        tokenId: deriveTokenId(key, token.contract),
        networkKey: key,
        symbol: token.symbol,
        name: token.name,
        contract: token.contract,
        decimals: token.decimals,
        isStable: token.isStable,
      }),
    ),
  };
}

function readTokens(raw: unknown, setting: string): TokenDefinition[] {
  if (!Array.isArray(raw) || raw.length === 0) throw new ConfigError(setting, 'must be a non-empty list of tokens');
  const tokens = raw.map((entry, i) => readToken(entry, `${setting}[${i}]`));
  const seen = new Set<string>();
  tokens.forEach((token, i) => {
    // One coin per symbol and per contract: the symbol is the wire `crypto` and the rate key.
    for (const identity of [
      `symbol ${token.symbol.toUpperCase()}`,
      `contract ${token.contract?.toLowerCase() ?? 'native'}`,
    ]) {
      if (seen.has(identity)) throw new ConfigError(`${setting}[${i}]`, `repeats the ${identity}`);
      seen.add(identity);
    }
  });
  return tokens;
}

function readToken(raw: unknown, setting: string): TokenDefinition {
  const t = readObject(raw, setting, TOKEN_SETTINGS);
  const symbol = t.symbol;
  if (typeof symbol !== 'string' || !SYMBOL.test(symbol)) {
    throw new ConfigError(`${setting}.symbol`, 'must be 1–16 letters, digits, dots, dashes or underscores');
  }
  const name = t.name === undefined ? symbol : readLabel(t.name, `${setting}.name`);
  if (t.native !== undefined && typeof t.native !== 'boolean')
    throw new ConfigError(`${setting}.native`, 'must be true or false');
  const isNative = t.native === true;
  if (isNative && t.contract !== undefined) {
    throw new ConfigError(`${setting}.contract`, 'must be left out for the native coin (native: true)');
  }
  if (!isNative && t.contract === undefined) {
    throw new ConfigError(`${setting}.contract`, 'is required (or native: true for the network’s own coin)');
  }
  const contract = isNative ? null : readContract(t.contract, `${setting}.contract`);
  const decimals =
    t.decimals === undefined && isNative
      ? 18
      : readNumber(required(t.decimals, `${setting}.decimals`), `${setting}.decimals`, 0, MAX_TOKEN_DECIMALS, true);
  if (t.stable !== undefined && typeof t.stable !== 'boolean')
    throw new ConfigError(`${setting}.stable`, 'must be true or false');
  return { symbol, name, contract, decimals, isStable: t.stable === true };
}

function readContract(raw: unknown, setting: string): Address {
  if (typeof raw !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(raw)) {
    throw new ConfigError(setting, 'must be a contract address (0x and 40 hex digits)');
  }
  // Only the EIP-55 spelling is accepted: lower-case text carries no checksum, so a typo would go
  // unnoticed and payments would be watched on a contract nobody pays into.
  if (getAddress(raw) !== raw) {
    throw new ConfigError(setting, 'must be written with its EIP-55 checksum (mixed case, as block explorers show it)');
  }
  if (/^0x0{40}$/i.test(raw)) throw new ConfigError(setting, 'must not be the zero address');
  return raw as Address;
}

function readRpcUrls(raw: unknown, setting: string): string[] {
  if (!Array.isArray(raw)) throw new ConfigError(setting, 'must be a list of http(s) URLs');
  return raw.map((url, i) => {
    if (typeof url !== 'string' || !URL.canParse(url))
      throw new ConfigError(`${setting}[${i}]`, 'must be an absolute http(s) URL');
    const { protocol } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:')
      throw new ConfigError(`${setting}[${i}]`, 'must be an http(s) URL');
    return url;
  });
}

function readXpub(raw: unknown, setting: string): string {
  if (typeof raw !== 'string') throw new ConfigError(setting, 'must be an xpub string');
  const parsed = parseXpub(raw);
  if (!parsed.ok) throw new ConfigError(setting, `is invalid: ${parsed.message}`);
  return parsed.value.xpub;
}

function readObject(raw: unknown, setting: string, allowed: readonly string[]): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new ConfigError(setting, 'must be an object');
  const value = raw as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      throw new ConfigError(`${setting}.${key}`, `is not a setting (known: ${allowed.join(', ')})`);
  }
  return value;
}

function readNumber(raw: unknown, setting: string, min: number, max: number, integer: boolean): number {
  if (
    typeof raw !== 'number' ||
    !Number.isFinite(raw) ||
    raw < min ||
    raw > max ||
    (integer && !Number.isSafeInteger(raw))
  ) {
    throw new ConfigError(setting, `must be a ${integer ? 'whole ' : ''}number from ${min} to ${max}`);
  }
  return raw;
}

function readLabel(raw: unknown, setting: string): string {
  if (typeof raw !== 'string' || raw.trim() === '' || raw.length > 64) {
    throw new ConfigError(setting, 'must be a non-empty string of at most 64 characters');
  }
  return raw;
}

function required<T>(value: T | undefined, setting: string): T {
  if (value === undefined) throw new ConfigError(setting, 'is required for a custom network');
  return value;
}
