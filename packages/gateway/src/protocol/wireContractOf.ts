import type { Network } from '../core/network.ts';
import type { Quote } from '../core/Quote.ts';

/**
 * The wire `contract` of a token (spec §9): its contract address, or for a network's native coin
 * that network's chain id as a decimal string; `""` when the network is not configured.
 */
export function wireContractOf(quote: Pick<Quote, 'contract' | 'networkKey'>, networks: readonly Network[]): string {
  if (quote.contract !== null) return quote.contract;
  const network = networks.find((n) => n.key === quote.networkKey);
  return network === undefined ? '' : String(network.chainId);
}
