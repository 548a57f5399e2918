import { findToken, type NetworkToken } from './findToken.ts';
import type { Network } from './network.ts';
import { UnsupportedTokenError } from './UnsupportedTokenError.ts';

/** Looks a `token_id` up among the networks on offer, like `findToken`; `unsupported_token` when none has it. */
export function requireToken(networks: readonly Network[], tokenId: string): NetworkToken {
  const found = findToken(networks, tokenId);
  if (found === null) throw new UnsupportedTokenError({ tokenId });
  return found;
}
