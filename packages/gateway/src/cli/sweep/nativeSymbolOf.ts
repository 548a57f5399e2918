import type { Network } from '../../core/network.ts';

/** The symbol fees are paid in on the network: its native token's, else `ETH`. */
export function nativeSymbolOf(network: Network): string {
  return network.tokens.find((t) => t.contract === null)?.symbol ?? 'ETH';
}
