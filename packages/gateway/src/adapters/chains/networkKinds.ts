import type { NetworkKind } from '../../core/network.ts';
import { EVM_NETWORK_KIND } from './evm/evmNetworkKind.ts';
import { TRON_NETWORK_KIND } from './tron/tronNetworkKind.ts';

/** Every network kind by the name config uses (`networks.<KEY>.kind`). */
export const NETWORK_KINDS: Readonly<Record<NetworkKind['name'], NetworkKind>> = Object.freeze({
  evm: EVM_NETWORK_KIND,
  tron: TRON_NETWORK_KIND,
});
