import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { deriveDepositAddress } from './adapters/chains/evm/deriveDepositAddress.ts';
import { createSecretBox } from './adapters/crypto/createSecretBox.ts';
import { createCachedAppLookup } from './adapters/db/createCachedAppLookup.ts';
import { createDb, type KassaDb } from './adapters/db/createDb.ts';
import { createStore } from './adapters/db/createStore.ts';
import { migrateToLatest } from './adapters/db/migrateToLatest.ts';
import { createHttpServer } from './adapters/http/createHttpServer.ts';
import { createReadiness, type Readiness } from './adapters/http/createReadiness.ts';
import type { GatewayMetrics } from './adapters/metrics/createGatewayMetrics.ts';
import { createRateSource } from './adapters/rates/createRateSource.ts';
import { createRandomIdSource } from './adapters/system/createRandomIdSource.ts';
import { createSystemClock } from './adapters/system/createSystemClock.ts';
import { createWebhookSender } from './adapters/webhooks/createWebhookSender.ts';
import type { Deps } from './app/Deps.ts';
import type { CheckoutState } from './app/getCheckoutState.ts';
import type { KassaConfig } from './config/KassaConfig.ts';
import type { Network } from './core/network.ts';
import type { Clock, IdSource } from './core/ports.ts';
import type { RateSource } from './core/RateSource.ts';
import type { StartChainWatcherParameters } from './workers/startChainWatcher.ts';
import { startOrderExpirer } from './workers/startOrderExpirer.ts';
import { type StartWebhookDispatcherParameters, startWebhookDispatcher } from './workers/startWebhookDispatcher.ts';

export type GatewayOptions = {
  /** Test doubles: only the clock and random ids may be faked. */
  readonly clock?: Clock;
  readonly ids?: IdSource;
  /** PostgreSQL schema to work in (tests). */
  readonly pgSchema?: string;
  readonly logger?: boolean | object;
  /** Replaces the networks of `config.networks` (tests bring their own chain). */
  readonly networks?: readonly Network[];
  /** Replaces the rate source built from `config.rates` (tests pass a fixed or a stale one). */
  readonly rateSource?: RateSource;
  /** Sandbox only (`kassa dev`): renders the sandbox wallet under each checkout page. */
  readonly checkoutDevPanel?: (state: CheckoutState) => string;
  /** Where to count requests, orders, deliveries and the watchers' progress (`kassa serve`). */
  readonly metrics?: GatewayMetrics;
  /** `kassa dev` only: the secret of the console link that signs in as operator `dev`. */
  readonly consoleDevSignInToken?: string;
};

/** A composed gateway: its deps, its HTTP server and a way to stop everything. */
export type Gateway = {
  readonly deps: Deps;
  readonly kassaDb: KassaDb;
  readonly http: FastifyInstance;
  /** What `/readyz` checks; `close` marks it stopping first. */
  readonly readiness: Readiness;
  /** Listens on the configured host and port; resolves to the bound base URL. */
  listen(): Promise<string>;
  /** Fetches the exchange prices that are due now (the `rates` worker does this in the background). */
  refreshRates(): Promise<void>;
  /** Starts background workers in this process; the returned function stops them and waits. */
  startWorkers(options: StartWorkersOptions): () => Promise<void>;
  /** Stops started workers, the HTTP server and the database. */
  close(): Promise<void>;
};

/**
 * Background work a process can take on: one chain watcher per network with an RPC URL, the order
 * expirer, and the exchange-price refresher (`rates`), which every process that serves the API
 * needs: quotes are priced from the prices it holds in memory; and the webhook dispatcher
 * (several processes may share its queue on PostgreSQL).
 */
export type WorkerRole = 'watcher' | 'expirer' | 'rates' | 'dispatcher';

export type StartWorkersOptions = {
  readonly roles: readonly WorkerRole[];
  /** Watcher tuning (tests and dev mode follow a local chain closely). */
  readonly watcher?: Partial<
    Pick<StartChainWatcherParameters, 'pollIntervalMs' | 'maxBlocksPerRange' | 'initialBackoffMs' | 'maxBackoffMs'>
  >;
  readonly expirerIntervalMs?: number;
  /** Dispatcher tuning; `owner` defaults to host, pid and a random part. */
  readonly dispatcher?: Partial<
    Pick<StartWebhookDispatcherParameters, 'pollIntervalMs' | 'leaseMs' | 'owner' | 'wakeOnCommit'>
  >;
};

/** The composition root: builds adapters, wires use cases, migrates the database. */
export async function createGateway(config: KassaConfig, options: GatewayOptions = {}): Promise<Gateway> {
  const networks = options.networks ?? config.networks;
  const rateSettings = config.rates;
  const kassaDb = createDb({
    url: config.database.url,
    ...(options.pgSchema === undefined ? {} : { pgSchema: options.pgSchema }),
  });
  await migrateToLatest(kassaDb);
  const clock = options.clock ?? createSystemClock();
  const store = createStore(kassaDb, createSecretBox(config.masterKey), { groupCommitOrders: true });
  // Exchange prices are fetched by the `rates` worker and only read on the request path.
  const rates = createRateSource({
    stablecoins: rateSettings.stablecoins,
    fixedPrices: rateSettings.fixedPrices,
    exchangeTokens: rateSettings.exchangeTokens,
    baseUrls: rateSettings.baseUrls,
    timeoutMs: rateSettings.timeoutMs,
    now: clock.now,
    onFetchError: (error, source) =>
      http.log.warn({ err: error, worker: 'rates', source }, 'exchange price fetch failed'),
  });
  const deps: Deps = {
    config,
    store: { ...store, apps: createCachedAppLookup(store.apps, clock) },
    clock,
    ids: options.ids ?? createRandomIdSource(clock),
    networks,
    rateSource: options.rateSource ?? rates,
    quoteLifetimes: rateSettings.quoteLifetimes,
    deriveDepositAddress,
    ...(options.metrics === undefined ? {} : { metrics: options.metrics }),
  };
  const readiness = createReadiness({ kassaDb, deps, metrics: options.metrics, getLogger: () => http.log });
  const http = await createHttpServer({
    deps,
    kassaDb,
    logger: options.logger ?? false,
    readiness,
    metrics: options.metrics,
    ...(options.checkoutDevPanel === undefined ? {} : { checkoutDevPanel: options.checkoutDevPanel }),
    consoleDevSignInToken: options.consoleDevSignInToken,
  });
  options.metrics?.watchSources({ db: kassaDb.db, now: clock.now, rates, logger: http.log });
  const workerStops = new Set<() => Promise<void>>();
  return {
    deps,
    kassaDb,
    http,
    readiness,
    async listen() {
      return http.listen({ host: config.server.host, port: config.server.port });
    },
    refreshRates: () => rates.refresh(),
    startWorkers({ roles, watcher = {}, expirerIntervalMs, dispatcher = {} }) {
      const controller = new AbortController();
      const running: Promise<void>[] = [];
      if (roles.includes('watcher')) {
        // Loaded here, not at the top: viem and the watcher cost an API-only process start time and memory.
        const watching = import('./workers/startNetworkWatchers.ts').then(({ startNetworkWatchers }) =>
          startNetworkWatchers(deps, {
            networks,
            // One setting paces both: how long a stalled holder keeps its lease, how long failing steps are borne.
            tuning: { failoverMs: config.watcher.failoverSeconds * 1000, ...watcher },
            lock: kassaDb.dialect.createLeaderLock({ ttlMs: config.watcher.failoverSeconds * 1000 }),
            signal: controller.signal,
            metrics: options.metrics,
            loggerFor: (network) => http.log.child({ worker: 'watcher', network: network.key }),
          }),
        );
        running.push(watching);
      }
      if (roles.includes('rates')) running.push(rates.start({ signal: controller.signal }));
      if (roles.includes('expirer')) {
        running.push(
          startOrderExpirer(deps, {
            signal: controller.signal,
            logger: http.log.child({ worker: 'expirer' }),
            ...(expirerIntervalMs === undefined ? {} : { intervalMs: expirerIntervalMs }),
          }),
        );
      }
      if (roles.includes('dispatcher')) {
        running.push(
          startWebhookDispatcher(
            // Webhooks leave signed and through the address guard; the dispatcher closes the sender.
            { ...deps, webhookSender: createWebhookSender(config.webhooks) },
            {
              owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
              ...dispatcher,
              signal: controller.signal,
              logger: http.log.child({ worker: 'dispatcher' }),
            },
          ),
        );
      }
      const stop = async (): Promise<void> => {
        workerStops.delete(stop);
        controller.abort();
        await Promise.all(running);
      };
      workerStops.add(stop);
      return stop;
    },
    async close() {
      readiness.markStopping();
      // Requests and webhook attempts in flight finish together; then the database closes under nobody.
      await Promise.all([...[...workerStops].map((stop) => stop()), http.close()]);
      await kassaDb.close();
    },
  };
}
