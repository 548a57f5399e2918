import type { ExchangeRateToken } from './createExchangeRateSource.ts';
import type { ExchangeName } from './ExchangeName.ts';
import type { ObservedPrice } from './getConsensusRate.ts';
import type { PriceFetcher } from './PriceFetcher.ts';

/** One exchange as the rate source tracks it: what it prices, what it said, when to ask again. */
export type ExchangeSourceState = {
  readonly name: ExchangeName;
  readonly fetch: PriceFetcher;
  readonly symbols: string[];
  readonly prices: Map<string, ObservedPrice>;
  failures: number;
  retryAtMs: number;
  inFlight: Promise<void> | null;
};

export type IndexExchangeTokensReturnType = {
  /** Each token by its upper-case symbol. */
  readonly tokenBySymbol: Map<string, ExchangeRateToken>;
  /** Each exchange a token names, with the symbols it prices. */
  readonly sources: Map<ExchangeName, ExchangeSourceState>;
};

/** Checks the tokens and groups them by exchange, so each exchange is asked once for all its symbols. */
export function indexExchangeTokens(
  tokens: readonly ExchangeRateToken[],
  fetchers: Readonly<Partial<Record<ExchangeName, PriceFetcher>>>,
): IndexExchangeTokensReturnType {
  const tokenBySymbol = new Map<string, ExchangeRateToken>();
  const sources = new Map<ExchangeName, ExchangeSourceState>();
  for (const token of tokens) {
    const symbol = token.symbol.toUpperCase();
    assertValidToken(token, tokenBySymbol.has(symbol));
    tokenBySymbol.set(symbol, token);
    for (const name of token.sources) {
      const fetch = fetchers[name];
      if (fetch === undefined) throw new RangeError(`rate token ${token.symbol}: no fetcher for ${name}`);
      let source = sources.get(name);
      if (source === undefined) {
        source = { name, fetch, symbols: [], prices: new Map(), failures: 0, retryAtMs: 0, inFlight: null };
        sources.set(name, source);
      }
      source.symbols.push(symbol);
    }
  }
  return { tokenBySymbol, sources };
}

function assertValidToken(token: ExchangeRateToken, isDuplicate: boolean): void {
  const label = `rate token ${token.symbol}`;
  if (token.symbol === '') throw new RangeError('rate token: empty symbol');
  if (isDuplicate) throw new RangeError(`${label}: listed twice`);
  if (token.sources.length === 0) throw new RangeError(`${label}: no sources`);
  if (new Set(token.sources).size !== token.sources.length) throw new RangeError(`${label}: a source listed twice`);
  if (!Number.isSafeInteger(token.cacheMs) || token.cacheMs <= 0) throw new RangeError(`${label}: cacheMs must be > 0`);
  if (!Number.isSafeInteger(token.staleMs) || token.staleMs <= token.cacheMs) {
    throw new RangeError(`${label}: staleMs must exceed cacheMs`);
  }
}
