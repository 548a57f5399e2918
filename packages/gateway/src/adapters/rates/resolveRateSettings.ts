import { ConfigError } from '../../config.ts';
import type { QuoteLifetimes } from '../../core/getQuoteLifetimeSeconds.ts';
import { type Decimal, parseDecimal } from '../../core/money/Decimal.ts';
import type { ExchangeRateToken } from './createExchangeRateSource.ts';
import { DEFAULT_STABLECOINS } from './createFixedRateSource.ts';
import { EXCHANGE_NAMES, type ExchangeName } from './ExchangeName.ts';

/** The `rates` config section, validated: what `createRateSource` takes, plus quote lifetimes. */
export type RateSettings = {
  /** Limit on each exchange request, body included. */
  readonly timeoutMs: number;
  /** Symbols worth exactly 1 USD. */
  readonly stablecoins: readonly string[];
  /** Operator-set USD prices (upper-case symbol → exact decimal string). */
  readonly fixedPrices: Readonly<Record<string, string>>;
  readonly exchangeTokens: readonly ExchangeRateToken[];
  /** Overridden exchange API roots (a proxy, or a loopback fixture server in tests). */
  readonly baseUrls: Readonly<Partial<Record<ExchangeName, string>>>;
  readonly quoteLifetimes: QuoteLifetimes;
};

export const DEFAULT_RATE_TIMEOUT_MS = 5_000;
export const DEFAULT_RATE_CACHE_MS = 30_000;
export const DEFAULT_RATE_STALE_MS = 120_000;
/** 2 %: two healthy exchanges rarely differ by more than a few tenths of a percent. */
export const DEFAULT_MAX_SPREAD = '0.02';
/** 30 minutes, as the issue asks for non-stable coins. */
export const DEFAULT_QUOTE_LIFETIME_SECONDS = 1_800;

const MIN_QUOTE_LIFETIME_SECONDS = 60;
const MAX_QUOTE_LIFETIME_SECONDS = 864_000;
// As network config spells token symbols (`USDC.e`), compared in upper case.
const SYMBOL = /^[A-Z0-9][A-Z0-9._-]{0,15}$/;
// What the exchanges' pair names can be built from.
const EXCHANGE_SYMBOL = /^[A-Z0-9]{1,20}$/;
const SECTION_KEYS = ['timeoutMs', 'stablecoins', 'exchanges', 'quoteLifetimeSeconds', 'tokens'] as const;
const TOKEN_KEYS = ['fixed', 'sources', 'cacheMs', 'staleMs', 'maxSpread', 'quoteLifetimeSeconds'] as const;

/**
 * Validates the raw `rates` config section. Every token symbol is priced one way: `fixed` (a USD
 * price) or `sources` (exchanges, with cache, staleness and spread limits). A bad value throws a
 * `ConfigError` naming the setting, so the gateway refuses to start instead of quoting wrong prices.
 */
export function resolveRateSettings(raw: Readonly<Record<string, unknown>>): RateSettings {
  assertKnownKeys(raw, SECTION_KEYS, 'rates');
  const timeoutMs = readInteger(raw.timeoutMs ?? DEFAULT_RATE_TIMEOUT_MS, 'rates.timeoutMs', 100, 60_000);
  const stablecoins = readStablecoins(raw.stablecoins);
  const baseUrls = readExchanges(raw.exchanges);
  const defaultSeconds = readLifetime(
    raw.quoteLifetimeSeconds ?? DEFAULT_QUOTE_LIFETIME_SECONDS,
    'rates.quoteLifetimeSeconds',
  );

  const tokens = raw.tokens ?? {};
  if (!isRecord(tokens)) throw new ConfigError('rates.tokens', 'must be an object keyed by token symbol');
  const fixedPrices: Record<string, string> = {};
  const exchangeTokens: ExchangeRateToken[] = [];
  const bySymbol: Record<string, number> = {};
  const seen = new Set<string>();
  for (const [key, value] of Object.entries(tokens)) {
    const setting = `rates.tokens.${key}`;
    const symbol = key.toUpperCase();
    if (!SYMBOL.test(symbol)) throw new ConfigError(setting, 'must be a token symbol (letters and digits)');
    if (seen.has(symbol)) throw new ConfigError(setting, 'is listed twice (symbols ignore case)');
    seen.add(symbol);
    if (!isRecord(value)) throw new ConfigError(setting, 'must be an object');
    assertKnownKeys(value, TOKEN_KEYS, setting);
    if (stablecoins.includes(symbol)) {
      throw new ConfigError(
        setting,
        'is a stablecoin priced at 1 USD; remove it from rates.stablecoins to price it here',
      );
    }
    if (value.quoteLifetimeSeconds !== undefined) {
      bySymbol[symbol] = readLifetime(value.quoteLifetimeSeconds, `${setting}.quoteLifetimeSeconds`);
    }
    const hasFixed = value.fixed !== undefined;
    const hasSources = value.sources !== undefined;
    if (hasFixed === hasSources)
      throw new ConfigError(setting, 'needs exactly one of `fixed` (a USD price) or `sources`');
    if (hasFixed) {
      for (const name of ['cacheMs', 'staleMs', 'maxSpread'] as const) {
        if (value[name] !== undefined) throw new ConfigError(`${setting}.${name}`, 'only applies to exchange sources');
      }
      fixedPrices[symbol] = readPrice(value.fixed, `${setting}.fixed`);
      continue;
    }
    if (!EXCHANGE_SYMBOL.test(symbol))
      throw new ConfigError(
        setting,
        'cannot be priced by exchanges (letters and digits only); give it a `fixed` price',
      );
    const cacheMs = readInteger(value.cacheMs ?? DEFAULT_RATE_CACHE_MS, `${setting}.cacheMs`, 1_000, 86_400_000);
    const staleMs = readInteger(value.staleMs ?? DEFAULT_RATE_STALE_MS, `${setting}.staleMs`, 1_000, 86_400_000);
    // A price must be refreshed before it goes stale, or every rate would lapse between fetches.
    if (staleMs <= cacheMs) throw new ConfigError(`${setting}.staleMs`, `must exceed cacheMs (${cacheMs})`);
    exchangeTokens.push({
      symbol,
      sources: readSources(value.sources, `${setting}.sources`),
      cacheMs,
      staleMs,
      maxSpread: readSpread(value.maxSpread ?? DEFAULT_MAX_SPREAD, `${setting}.maxSpread`),
    });
  }
  return {
    timeoutMs,
    stablecoins,
    fixedPrices,
    exchangeTokens,
    baseUrls,
    quoteLifetimes: { defaultSeconds, bySymbol },
  };
}

function readStablecoins(value: unknown): string[] {
  if (value === undefined) return [...DEFAULT_STABLECOINS];
  if (!Array.isArray(value)) throw new ConfigError('rates.stablecoins', 'must be a list of token symbols');
  const symbols = value.map((item, i) => {
    if (typeof item !== 'string' || !SYMBOL.test(item.toUpperCase())) {
      throw new ConfigError(`rates.stablecoins[${i}]`, 'must be a token symbol (letters and digits)');
    }
    return item.toUpperCase();
  });
  return [...new Set(symbols)];
}

function readExchanges(value: unknown): Partial<Record<ExchangeName, string>> {
  if (value === undefined) return {};
  if (!isRecord(value)) throw new ConfigError('rates.exchanges', 'must be an object keyed by exchange name');
  const baseUrls: Partial<Record<ExchangeName, string>> = {};
  for (const [name, settings] of Object.entries(value)) {
    const setting = `rates.exchanges.${name}`;
    if (!isExchangeName(name)) throw new ConfigError(setting, `is not a known exchange (${EXCHANGE_NAMES.join(', ')})`);
    if (!isRecord(settings)) throw new ConfigError(setting, 'must be an object');
    assertKnownKeys(settings, ['baseUrl'], setting);
    if (settings.baseUrl === undefined) continue;
    baseUrls[name] = readBaseUrl(settings.baseUrl, `${setting}.baseUrl`);
  }
  return baseUrls;
}

function readSources(value: unknown, setting: string): ExchangeName[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new ConfigError(setting, `must be a non-empty list of exchanges (${EXCHANGE_NAMES.join(', ')})`);
  }
  const sources = value.map((item, i) => {
    if (typeof item !== 'string' || !isExchangeName(item)) {
      throw new ConfigError(`${setting}[${i}]`, `must be one of ${EXCHANGE_NAMES.join(', ')}`);
    }
    return item;
  });
  if (new Set(sources).size !== sources.length) throw new ConfigError(setting, 'names an exchange twice');
  return sources;
}

function readPrice(value: unknown, setting: string): string {
  const decimal = readDecimal(value, setting);
  if (decimal.units === 0n) throw new ConfigError(setting, 'must be greater than 0');
  return typeof value === 'string' ? value : String(value);
}

function readSpread(value: unknown, setting: string): Decimal {
  const decimal = readDecimal(value, setting);
  // Above 100 % the check would accept prices that differ several-fold: almost surely a typo
  // (`2` meant as 2 %), which must not silently switch the check off.
  if (decimal.units > 10n ** BigInt(decimal.scale)) throw new ConfigError(setting, 'must be a fraction from 0 to 1');
  return decimal;
}

// Decimals as strings; a JSON number only when its text is plain (a float like 1e-7 is refused).
function readDecimal(value: unknown, setting: string): Decimal {
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
  if (text === null) throw new ConfigError(setting, 'must be a decimal string such as "0.02"');
  const parsed = parseDecimal(text);
  if (!parsed.ok) throw new ConfigError(setting, parsed.reason);
  return parsed.value;
}

function readLifetime(value: unknown, setting: string): number {
  return readInteger(value, setting, MIN_QUOTE_LIFETIME_SECONDS, MAX_QUOTE_LIFETIME_SECONDS);
}

function readInteger(value: unknown, setting: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(setting, `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function readBaseUrl(value: unknown, setting: string): string {
  if (typeof value !== 'string' || !URL.canParse(value))
    throw new ConfigError(setting, 'must be an absolute http(s) URL');
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(setting, 'must be an http(s) URL');
  if (url.username !== '' || url.password !== '') throw new ConfigError(setting, 'must not carry credentials');
  return value;
}

function assertKnownKeys(value: Readonly<Record<string, unknown>>, known: readonly string[], setting: string): void {
  for (const key of Object.keys(value)) {
    // A typo (`stalems`) would otherwise silently fall back to a default.
    if (!known.includes(key))
      throw new ConfigError(`${setting}.${key}`, `is not a setting (known: ${known.join(', ')})`);
  }
}

function isExchangeName(name: string): name is ExchangeName {
  return (EXCHANGE_NAMES as readonly string[]).includes(name);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
