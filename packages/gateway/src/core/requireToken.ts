import type { App } from './App.ts';
import { appTakesToken } from './appTakesToken.ts';
import { findToken, type NetworkToken } from './findToken.ts';
import type { Network } from './network.ts';
import { UnsupportedTokenError } from './UnsupportedTokenError.ts';

/**
 * Looks a `token_id` up among the networks on offer, like `findToken`; `unsupported_token` when none
 * has it, or when `app` is given and does not take it (the operator left it out of the app's coins).
 */
export function requireToken(
  networks: readonly Network[],
  tokenId: string,
  app?: Pick<App, 'enabledTokenIds'>,
): NetworkToken {
  const found = findToken(networks, tokenId);
  if (found === null) throw new UnsupportedTokenError({ tokenId });
  if (app !== undefined && !appTakesToken(app, tokenId)) throw new UnsupportedTokenError({ tokenId, isOffered: true });
  return found;
}
