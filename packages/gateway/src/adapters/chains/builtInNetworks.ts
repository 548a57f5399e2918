import type { Address } from 'viem';

/** A token as the built-in table or the config file describes it, before its id is derived. */
export type TokenDefinition = {
  readonly symbol: string;
  readonly name: string;
  /** Checksummed contract, or null for the network's native coin. */
  readonly contract: Address | null;
  readonly decimals: number;
  readonly isStable: boolean;
};

/** What a built-in network brings; the operator adds RPC URLs and an xpub. */
export type NetworkDefaults = {
  readonly kind: 'evm' | 'tron';
  readonly chainId: number;
  /** The block explorer the checkout links to. */
  readonly explorerUrl: string;
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
const native = (symbol: string, name: string, decimals = 18): TokenDefinition => ({
  symbol,
  name,
  contract: null,
  decimals,
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
 *
 * TRON confirms by finality rather than depth: a payment counts once its block is solidified
 * (signed off by 19 of the 27 super representatives, about 19 blocks of 3 s: a minute), which its
 * node reports as the `finalized` block; 19 is what buyers see as the confirmations to wait for.
 * Its contracts are held as the hex of their 20 bytes (the USDT below is `TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t`);
 * TRON's chain id is what its JSON-RPC answers to `eth_chainId` (0x2b6653dc).
 */
export const BUILT_IN_NETWORKS: Readonly<Record<string, NetworkDefaults>> = {
  ETH: {
    kind: 'evm',
    explorerUrl: 'https://etherscan.io',
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
    kind: 'evm',
    explorerUrl: 'https://bscscan.com',
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
    kind: 'evm',
    explorerUrl: 'https://polygonscan.com',
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
    kind: 'evm',
    explorerUrl: 'https://arbiscan.io',
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
    kind: 'evm',
    explorerUrl: 'https://basescan.org',
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
    kind: 'evm',
    explorerUrl: 'https://optimistic.etherscan.io',
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
  TRON: {
    kind: 'tron',
    explorerUrl: 'https://tronscan.org',
    chainId: 728_126_428,
    standard: 'TRC20',
    confirmations: 19,
    finalityDepth: 64,
    blockTimeSeconds: 3,
    tokens: [stable('USDT', USDT, '0xa614f803b6fd780986a42c78ec9c7f77e6ded13c', 6), native('TRX', 'TRON', 6)],
  },
};
