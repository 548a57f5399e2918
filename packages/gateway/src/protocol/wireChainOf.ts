import type { Network } from '../core/network.ts';

/** The wire `chain` of a network (spec §9): its key (`ETH`, `BSC`), or its kind's name for it (TRON: `TRX`). */
export function wireChainOf(network: Pick<Network, 'key' | 'kind'>): string {
  return network.kind.wireChain ?? network.key;
}
