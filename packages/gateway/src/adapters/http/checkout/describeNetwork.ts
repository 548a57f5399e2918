import type { Network, Token } from '../../../core/network.ts';

const NETWORK_NAMES: Readonly<Record<string, string>> = {
  ETH: 'Ethereum',
  BSC: 'BNB Smart Chain',
  POLYGON: 'Polygon',
  ARBITRUM: 'Arbitrum One',
  BASE: 'Base',
  OPTIMISM: 'OP Mainnet',
  TRON: 'TRON',
  DEV: 'Kassa Devnet',
};

/** `Ethereum (ERC20)` for a token, just `Ethereum` for the chain's own coin. */
export function describeNetwork(network: Network, token: Token | undefined): string {
  const name = NETWORK_NAMES[network.key] ?? network.key;
  return token === undefined || token.contract === null ? name : `${name} (${network.standard})`;
}
