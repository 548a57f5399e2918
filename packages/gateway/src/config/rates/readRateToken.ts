import type { ExchangeRateToken } from '../../adapters/rates/createExchangeRateSource.ts';
import { EXCHANGE_NAMES, type ExchangeName } from '../../adapters/rates/ExchangeName.ts';
import type { Decimal } from '../../core/money/Decimal.ts';
import { ConfigError } from '../ConfigError.ts';
import { CONFIG_SETTINGS } from '../configSettings.ts';
import { readInteger } from '../read/readInteger.ts';
import { readList } from '../read/readList.ts';
import { readObject } from '../read/readObject.ts';
import { isExchangeName } from './isExchangeName.ts';
import { DEFAULT_MAX_SPREAD, DEFAULT_RATE_CACHE_MS, DEFAULT_RATE_STALE_MS } from './RateSettings.ts';
import { readDecimal } from './readDecimal.ts';
import { readQuoteLifetime } from './readQuoteLifetime.ts';

/** How one coin is priced: at a fixed USD price, or from exchanges. */
export type RateToken = (
  | { readonly kind: 'fixed'; readonly price: string }
  | { readonly kind: 'exchange'; readonly token: ExchangeRateToken }
) & { readonly quoteLifetimeSeconds: number | undefined };

// What the exchanges' pair names can be built from.
const EXCHANGE_SYMBOL = /^[A-Z0-9]{1,20}$/;
const EXCHANGE_ONLY = ['cacheMs', 'staleMs', 'maxSpread'] as const;

/** Reads `rates.tokens.<SYMBOL>` for the upper-case `symbol`: exactly one of `fixed` or `sources`. */
export function readRateToken(
  value: unknown,
  setting: string,
  { symbol, isStablecoin }: { readonly symbol: string; readonly isStablecoin: boolean },
): RateToken {
  const settings = readObject(value, setting, CONFIG_SETTINGS.rates.tokens['<SYMBOL>']);
  if (isStablecoin) {
    throw new ConfigError(
      setting,
      'is a stablecoin priced at 1 USD; remove it from rates.stablecoins to price it here',
    );
  }
  const quoteLifetimeSeconds =
    settings.quoteLifetimeSeconds === undefined
      ? undefined
      : readQuoteLifetime(settings.quoteLifetimeSeconds, `${setting}.quoteLifetimeSeconds`);
  if ((settings.fixed === undefined) === (settings.sources === undefined)) {
    throw new ConfigError(setting, 'needs exactly one of `fixed` (a USD price) or `sources`');
  }
  if (settings.fixed !== undefined) {
    for (const name of EXCHANGE_ONLY) {
      if (settings[name] !== undefined) throw new ConfigError(`${setting}.${name}`, 'only applies to exchange sources');
    }
    return { kind: 'fixed', price: readPrice(settings.fixed, `${setting}.fixed`), quoteLifetimeSeconds };
  }
  if (!EXCHANGE_SYMBOL.test(symbol)) {
    throw new ConfigError(setting, 'cannot be priced by exchanges (letters and digits only); give it a `fixed` price');
  }
  const cacheMs = readInteger(settings.cacheMs ?? DEFAULT_RATE_CACHE_MS, `${setting}.cacheMs`, 1_000, 86_400_000);
  const staleMs = readInteger(settings.staleMs ?? DEFAULT_RATE_STALE_MS, `${setting}.staleMs`, 1_000, 86_400_000);
  // A price must be refreshed before it goes stale, or every rate would lapse between fetches.
  if (staleMs <= cacheMs) throw new ConfigError(`${setting}.staleMs`, `must exceed cacheMs (${cacheMs})`);
  const token: ExchangeRateToken = {
    symbol,
    sources: readSources(settings.sources, `${setting}.sources`),
    cacheMs,
    staleMs,
    maxSpread: readSpread(settings.maxSpread ?? DEFAULT_MAX_SPREAD, `${setting}.maxSpread`),
  };
  return { kind: 'exchange', token, quoteLifetimeSeconds };
}

function readSources(value: unknown, setting: string): ExchangeName[] {
  const names = EXCHANGE_NAMES.join(', ');
  const sources = readList(
    value,
    setting,
    `exchanges (${names})`,
    (item, itemSetting) => {
      if (typeof item !== 'string' || !isExchangeName(item))
        throw new ConfigError(itemSetting, `must be one of ${names}`);
      return item;
    },
    { nonEmpty: true },
  );
  if (new Set(sources).size !== sources.length) throw new ConfigError(setting, 'names an exchange twice');
  return sources;
}

function readPrice(value: unknown, setting: string): string {
  if (readDecimal(value, setting).units === 0n) throw new ConfigError(setting, 'must be greater than 0');
  return typeof value === 'string' ? value : String(value);
}

function readSpread(value: unknown, setting: string): Decimal {
  const decimal = readDecimal(value, setting);
  // Above 100 % the check would accept prices that differ several-fold: almost surely a typo
  // (`2` meant as 2 %), which must not silently switch the check off.
  if (decimal.units > 10n ** BigInt(decimal.scale)) throw new ConfigError(setting, 'must be a fraction from 0 to 1');
  return decimal;
}
