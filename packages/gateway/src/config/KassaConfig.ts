import type { Network } from '../core/network.ts';
import type { RateSettings } from './rates/RateSettings.ts';

/** How Kassa runs: `dev` relaxes what a laptop needs relaxed (generated key, loopback webhooks). */
export type KassaMode = 'dev' | 'production';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

/** One validated, frozen configuration. Built once by `loadConfig`, passed down, never global. */
export type KassaConfig = {
  readonly mode: KassaMode;
  readonly dataDir: string;
  readonly server: {
    readonly host: string;
    readonly port: number;
    /** Base of `payment_url`s, without a trailing slash. */
    readonly publicUrl: string;
    readonly bodyLimitBytes: number;
    /** Per-app requests per minute on the merchant API; 0 turns the limit off. */
    readonly appRequestsPerMinute: number;
    /** Per-client-address requests per minute on the public pages; 0 turns the limit off. */
    readonly ipRequestsPerMinute: number;
    /** How long a stop (SIGTERM) may take to finish in-flight work before the process exits anyway. */
    readonly shutdownGraceMs: number;
  };
  /** The Prometheus listener (`/metrics`), apart from the API; port 0 turns it off. */
  readonly metrics: {
    readonly host: string;
    readonly port: number;
  };
  readonly database: {
    /** A `postgres://` URL, or the SQLite file path. */
    readonly url: string;
  };
  readonly masterKey: Uint8Array;
  readonly api: {
    /** Accepted |now − Timestamp| of signed requests. */
    readonly signatureWindowSeconds: number;
  };
  readonly orders: {
    /** After expiry, addresses stay watched this long so late funds become "(Overdue)". */
    readonly latePaymentWindowSeconds: number;
  };
  readonly watcher: {
    /**
     * On PostgreSQL, how long a network's watcher that stopped making progress (frozen, cut off
     * from the database, its steps failing) keeps the network before a standby takes it over.
     */
    readonly failoverSeconds: number;
  };
  readonly webhooks: {
    readonly timeoutMs: number;
    readonly retryScheduleSeconds: readonly number[];
    /** CIDRs webhook targets may resolve into despite the private-address guard. */
    readonly allowedCidrs: readonly string[];
    readonly concurrency: number;
    readonly perEndpointConcurrency: number;
  };
  readonly checkout: {
    /** CSP `frame-ancestors` sources for merchants who embed the page; empty → `'none'`. */
    readonly frameAncestors: readonly string[];
  };
  /** The networks on offer: built-in mainnets and custom networks that have RPC URLs. */
  readonly networks: readonly Network[];
  readonly rates: RateSettings;
  readonly logLevel: LogLevel;
};
