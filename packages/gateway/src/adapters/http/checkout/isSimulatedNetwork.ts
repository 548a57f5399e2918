import type { Network } from '../../../core/network.ts';

/**
 * Whether the checkout must say that the network is a simulation on a local chain (`kassa dev`'s
 * TRON_DEV). DEV is not one: it is a devnet of its own, not a copy of a public chain.
 */
export function isSimulatedNetwork(network: Network): boolean {
  return network.isSimulated === true;
}
