/** The exchanges Kassa can read prices from; config validates against this list. */
export const EXCHANGE_NAMES = ['binance', 'coinbase', 'kraken'] as const;

/** One of `EXCHANGE_NAMES`. */
export type ExchangeName = (typeof EXCHANGE_NAMES)[number];
