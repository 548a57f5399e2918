import type { Network } from '../core/network.ts';
import type { Quote } from '../core/Quote.ts';

/**
 * The wire `contract` of a token (spec §9): its contract address in the network kind's wire form
 * (EVM as held, TRON `T…`), or for a network's native coin what the kind names it (the EVM chain
 * id as a decimal string, `TRX`); `""` for a native coin of a network no longer configured.
 */
export function wireContractOf(quote: Pick<Quote, 'contract' | 'networkKey'>, networks: readonly Network[]): string {
  const network = networks.find((n) => n.key === quote.networkKey);
  if (quote.contract !== null)
    return network === undefined ? quote.contract : network.kind.formatWireAddress(quote.contract);
  return network === undefined ? '' : network.kind.formatNativeContract(network.chainId);
}
