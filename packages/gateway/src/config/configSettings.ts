/** A group of settings: each key is a setting (`true`) or a group of its own. */
export type SettingTree = { readonly [key: string]: SettingTree | true };

/**
 * Every setting the config file accepts, as a tree; the readers refuse any key not in it, and
 * `docs/configuration.md` documents each one (a test compares the two). Keys in angle brackets
 * stand for names the operator picks (`<KEY>`: `ETH`, `DEV`, …); `[]` for the items of a list.
 */
export const CONFIG_SETTINGS = {
  dataDir: true,
  databaseUrl: true,
  masterKey: true,
  logLevel: true,
  server: {
    host: true,
    port: true,
    publicUrl: true,
    bodyLimitBytes: true,
    appRequestsPerMinute: true,
    ipRequestsPerMinute: true,
    shutdownGraceMs: true,
  },
  metrics: { host: true, port: true },
  api: { signatureWindowSeconds: true },
  orders: { latePaymentWindowSeconds: true },
  watcher: { failoverSeconds: true },
  webhooks: {
    timeoutMs: true,
    retryScheduleSeconds: true,
    allowedCidrs: true,
    concurrency: true,
    perEndpointConcurrency: true,
  },
  checkout: { frameAncestors: true },
  networks: {
    xpub: true,
    sweepTo: true,
    '<KEY>': {
      kind: true,
      rpcUrls: true,
      httpApiUrls: true,
      explorerUrl: true,
      xpub: true,
      sweepTo: true,
      sweepStrategy: true,
      sweepDust: true,
      confirmations: true,
      finalityDepth: true,
      blockTimeSeconds: true,
      standard: true,
      chainId: true,
      tokens: { '[]': { symbol: true, name: true, contract: true, native: true, decimals: true, stable: true } },
    },
  },
  rates: {
    timeoutMs: true,
    stablecoins: true,
    exchanges: { '<name>': { baseUrl: true } },
    quoteLifetimeSeconds: true,
    tokens: {
      '<SYMBOL>': {
        fixed: true,
        sources: true,
        cacheMs: true,
        staleMs: true,
        maxSpread: true,
        quoteLifetimeSeconds: true,
      },
    },
  },
} as const satisfies SettingTree;

/** The environment variables Kassa reads, by the setting each one replaces. */
export const ENVIRONMENT_VARIABLES = {
  dataDir: 'KASSA_DATA_DIR',
  databaseUrl: 'DATABASE_URL',
  masterKey: 'KASSA_MASTER_KEY',
  'server.publicUrl': 'KASSA_PUBLIC_URL',
  'server.host': 'KASSA_HOST',
  'server.port': 'KASSA_PORT',
  logLevel: 'KASSA_LOG_LEVEL',
} as const;
