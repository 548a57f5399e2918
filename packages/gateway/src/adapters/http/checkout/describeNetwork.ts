import type { Network, Token } from '../../../core/network.ts';
import { isSimulatedNetwork } from './isSimulatedNetwork.ts';

const NETWORK_NAMES: Readonly<Record<string, string>> = {
  ETH: 'Ethereum',
  BSC: 'BNB Smart Chain',
  POLYGON: 'Polygon',
  ARBITRUM: 'Arbitrum One',
  BASE: 'Base',
  OPTIMISM: 'OP Mainnet',
  TRON: 'TRON',
  DEV: 'Kassa Devnet',
  TRON_DEV: 'TRON sandbox',
};

/**
 * `Ethereum (ERC20)` for a token, just `Ethereum` for the chain's own coin; a simulated network
 * says so in its name, which every mention of it shows: `TRON sandbox (simulated, TRC20)`.
 */
export function describeNetwork(network: Network, token: Token | undefined): string {
  const name = NETWORK_NAMES[network.key] ?? network.key;
  const qualifiers = [
    ...(isSimulatedNetwork(network) ? ['simulated'] : []),
    ...(token === undefined || token.contract === null ? [] : [network.standard]),
  ];
  return qualifiers.length === 0 ? name : `${name} (${qualifiers.join(', ')})`;
}
