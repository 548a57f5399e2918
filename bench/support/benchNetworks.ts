import { mnemonicToAccount } from 'viem/accounts';
import { deriveTokenId } from '../../packages/gateway/src/adapters/chains/evm/deriveTokenId.ts';
import { ANVIL_DEFAULT_MNEMONIC } from '../../packages/gateway/src/adapters/chains/evm/startAnvil.ts';

const USDT_DEV = '0x5FbDB2315678afecb367f032d93F642f64180aa3';

/**
 * The `networks` config section of a benchmark gateway, so `bill/create` can derive deposit
 * addresses: one dev chain with a stablecoin (priced at 1, no exchange needed) behind anvil's
 * default xpub. Nothing answers its RPC URL; no benchmark using it starts a watcher.
 */
export const BENCH_NETWORKS = {
  xpub: mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: "m/44'/60'/0'" }).getHdKey().publicExtendedKey,
  DEV: {
    chainId: 31337,
    rpcUrls: ['http://127.0.0.1:9'],
    confirmations: 1,
    blockTimeSeconds: 1,
    tokens: [{ symbol: 'USDT', name: 'Tether USD', contract: USDT_DEV, decimals: 6, stable: true }],
  },
};

/** The `token_id` of the bench network's stablecoin, for `bill/create` bodies. */
export const BENCH_TOKEN_ID = deriveTokenId('DEV', USDT_DEV);
