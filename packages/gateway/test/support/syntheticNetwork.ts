import { EVM_NETWORK_KIND } from '../../src/adapters/chains/evm/evmNetworkKind.ts';
import type { Network } from '../../src/core/network.ts';

/** A DEV network of made-up contracts, for tests that feed the watcher's use cases transfers directly. */
export const SYNTHETIC_NETWORK: Network = {
  key: 'DEV',
  kind: EVM_NETWORK_KIND,

  chainId: 31337,
  standard: 'ERC20',
  rpcUrls: [],
  confirmations: 3,
  blockTimeSeconds: 1,
  xpub: 'unused',
  tokens: [
    token('USDT', '0x00000000000000000000000000000000000000a1', 6),
    token('USDC', '0x00000000000000000000000000000000000000c1', 6),
    token('ETH', null, 18),
  ],
};

function token(symbol: string, contract: `0x${string}` | null, decimals: number) {
  return {
    tokenId: `token-${symbol}`,
    networkKey: 'DEV',
    symbol,
    name: symbol,
    contract,
    decimals,
    isStable: contract !== null,
  };
}
