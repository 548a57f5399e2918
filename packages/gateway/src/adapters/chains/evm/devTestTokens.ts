/** The sandbox's test stablecoins: KassaTestToken deployments named like the mainnet tokens. */
export const DEV_TEST_TOKENS = [
  { symbol: 'USDT', name: 'Tether USD' },
  { symbol: 'USDC', name: 'USD Coin' },
] as const;

/** Both test tokens have USDT's and USDC's 6 decimals, so amounts read as on mainnet. */
export const DEV_TEST_TOKEN_DECIMALS = 6;

/** `USDT` or `USDC`. */
export type DevTestTokenSymbol = (typeof DEV_TEST_TOKENS)[number]['symbol'];

/** One of {@link DEV_TEST_TOKENS}. */
export type DevTestToken = (typeof DEV_TEST_TOKENS)[number];
