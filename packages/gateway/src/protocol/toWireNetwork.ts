import type { Network } from '../core/network.ts';
import { wireChainOf } from './wireChainOf.ts';

/** How one network's names, addresses and txids are written on the wire. */
export type WireNetwork = {
  /** The wire `chain`: the network's key, or its kind's name for it (`TRX`). */
  readonly chain: string;
  readonly formatAddress: (address: string) => string;
  readonly formatTxid: (txid: string) => string;
};

const AS_HELD: Omit<WireNetwork, 'chain'> = { formatAddress: (a) => a, formatTxid: (t) => t };

/**
 * The wire forms of the network `networkKey` among `networks`. A network no longer configured
 * (its orders remain) is written as held, under its key.
 */
export function toWireNetwork(networkKey: string, networks: readonly Network[]): WireNetwork {
  const network = networks.find((n) => n.key === networkKey);
  if (network === undefined) return { chain: networkKey, ...AS_HELD };
  const { kind } = network;
  return { chain: wireChainOf(network), formatAddress: kind.formatWireAddress, formatTxid: kind.formatTxid };
}
