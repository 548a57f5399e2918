import type { App } from '../core/App.ts';
import { appTakesToken } from '../core/appTakesToken.ts';
import type { NetworkToken } from '../core/findToken.ts';
import type { Decimal } from '../core/money/Decimal.ts';
import type { Deps } from './Deps.ts';
import { type GetNetworkHeightsDeps, getNetworkHeights } from './getNetworkHeights.ts';

export type ListCoinsDeps = GetNetworkHeightsDeps & Pick<Deps, 'rateSource'>;

/** One network a coin can be paid on, and whether it can be paid there right now. */
export type CoinTokenListing = NetworkToken & {
  /** A fresh rate exists and the network's watcher keeps up. */
  readonly isAvailable: boolean;
};

/** One coin (a symbol) with every network it is offered on. */
export type CoinListing = {
  readonly symbol: string;
  readonly name: string;
  /** Fewest decimals among its tokens: an amount at this precision can be paid on every network. */
  readonly decimals: number;
  /** USD per whole coin; null when no fresh rate exists. */
  readonly rate: Decimal | null;
  /** At least one of its networks is available. */
  readonly isAvailable: boolean;
  readonly tokens: readonly CoinTokenListing[];
};

/**
 * The coins on offer, grouped by symbol in configuration order, with their current USD rate and
 * whether each can be paid now (`coin/all`, `support/token`, `token/chain`). A coin without a fresh
 * rate, or a network whose watcher lags, is listed as unavailable rather than left out, so a
 * merchant's cached token ids stay meaningful. Given an app, only the tokens it takes are listed.
 */
export async function listCoins(deps: ListCoinsDeps, app?: Pick<App, 'enabledTokenIds'>): Promise<CoinListing[]> {
  const heights = await getNetworkHeights(deps);
  const laggingKeys = new Set(heights.filter((h) => h.isLagging).map((h) => h.network.key));
  const groups = new Map<string, NetworkToken[]>();
  for (const network of deps.networks) {
    for (const token of network.tokens) {
      if (app !== undefined && !appTakesToken(app, token.tokenId)) continue;
      const key = token.symbol.toUpperCase();
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [{ network, token }]);
      else group.push({ network, token });
    }
  }
  return [...groups.values()].flatMap((group) => {
    const first = group[0];
    if (first === undefined) return [];
    const lookup = deps.rateSource.getRate(first.token.symbol);
    const rate = lookup.ok ? lookup.rate : null;
    const tokens = group.map((entry) => ({
      ...entry,
      isAvailable: rate !== null && !laggingKeys.has(entry.network.key),
    }));
    return [
      {
        symbol: first.token.symbol,
        name: first.token.name,
        decimals: Math.min(...group.map((entry) => entry.token.decimals)),
        rate,
        isAvailable: tokens.some((entry) => entry.isAvailable),
        tokens,
      },
    ];
  });
}
