import type { Network, Token } from './network.ts';

/** A token together with the network it lives on. */
export type NetworkToken = { readonly network: Network; readonly token: Token };

/** Looks a `token_id` up among the networks on offer; null when no offered network has it. */
export function findToken(networks: readonly Network[], tokenId: string): NetworkToken | null {
  for (const network of networks) {
    const token = network.tokens.find((t) => t.tokenId === tokenId);
    if (token !== undefined) return { network, token };
  }
  return null;
}
