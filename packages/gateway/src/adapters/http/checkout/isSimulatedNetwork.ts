import type { Network } from '../../../core/network.ts';

/**
 * Networks `kassa dev` simulates on a local anvil chain in the form of another chain (TRON_DEV
 * speaks TRON's JSON-RPC but is not TRON): named and noted so no one takes them for the real one.
 * DEV is not here: it is a devnet of its own, not a copy of a public chain.
 */
const SIMULATED_NETWORK_KEYS: ReadonlySet<string> = new Set(['TRON_DEV']);

/** Whether the checkout must say that the network is a simulation on a local chain. */
export function isSimulatedNetwork(network: Network): boolean {
  return SIMULATED_NETWORK_KEYS.has(network.key);
}
