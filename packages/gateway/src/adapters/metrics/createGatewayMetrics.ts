import type { Kysely } from 'kysely';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Metrics, WatcherProgress } from '../../core/ports.ts';
import type { Database } from '../db/schema.ts';
import { createScrapeCache } from './createScrapeCache.ts';
import { readDeliveryQueue } from './readDeliveryQueue.ts';
import { watchDeliveryQueue } from './watchDeliveryQueue.ts';
import { type PriceTime, watchRateAges } from './watchRateAges.ts';

/** One answered HTTP request, as the metrics see it. */
export type HttpRequestObservation = {
  readonly method: string;
  /** The route's pattern (`/pay/:token`), never the raw URL: the label set must stay bounded. */
  readonly route: string;
  readonly statusCode: number;
  /** The merchant API's CCPayment `code`, when the reply carried one. */
  readonly resultCode: number | undefined;
  readonly durationSeconds: number;
};

/** The gateway's Prometheus registry, and the hooks the composition root wires into each part. */
export type GatewayMetrics = Metrics & {
  readonly registry: Registry;
  observeHttpRequest(observation: HttpRequestObservation): void;
  /** A JSON-RPC request of the watcher failed; `endpoint` is a host, never a URL with its key. */
  countRpcError(networkKey: string, endpoint: string): void;
  /** The newest progress a watcher of this process reported, for readiness. */
  getWatcherProgress(networkKey: string): WatcherProgress | undefined;
  /** Adds the gauges read at scrape time: the webhook outbox (from the database) and the price ages. */
  watchSources(sources: MetricSources): void;
};

/** What the scrape-time gauges read. */
export type MetricSources = {
  readonly db: Kysely<Database>;
  readonly now: () => number;
  readonly rates: { listPriceTimes(): readonly PriceTime[] };
  /** Where to log that the outbox could not be read (the gauges then keep their last value). */
  readonly logger: { warn(fields: object, message: string): void };
};

// The outbox is counted at most once a second, and a scrape waits at most half a second for it.
const QUEUE_CACHE_MS = 1_000;
const QUEUE_TIMEOUT_MS = 500;

// From 1 ms (a cached read) to 10 s (the request timeout's neighbourhood).
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const OUTCOME_LABELS = { delivered: 'delivered', pending: 'retry', failed: 'failed' } as const;

/**
 * Builds the `kassa_*` metrics on a registry of their own (never the global one, so two gateways in
 * one process, as in tests, do not collide), plus Node's process metrics. Counters start at zero
 * for every label value known in advance, so a rate is defined before the first event.
 */
export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const httpRequests = new Counter({
    name: 'kassa_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern, HTTP status and merchant API result code',
    labelNames: ['method', 'route', 'status', 'result_code'] as const,
    registers,
  });
  const httpDuration = new Histogram({
    name: 'kassa_http_request_duration_seconds',
    help: 'Time from request to answer, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: DURATION_BUCKETS,
    registers,
  });
  const ordersCreated = new Counter({
    name: 'kassa_orders_created_total',
    help: 'Orders created, by kind (hosted: concise/url/get, native: bill/create)',
    labelNames: ['kind'] as const,
    registers,
  });
  const ordersPaid = new Counter({
    name: 'kassa_orders_paid_total',
    help: 'Orders that became paid (full or more), counted by the watcher that recorded the payment',
    registers,
  });
  const webhookAttempts = new Counter({
    name: 'kassa_webhook_attempts_total',
    help: 'Webhook attempts by outcome: delivered, retry (failed, tried again later), failed (out of attempts)',
    labelNames: ['outcome'] as const,
    registers,
  });
  const rpcErrors = new Counter({
    name: 'kassa_rpc_errors_total',
    help: 'Failed chain watcher steps by network and RPC endpoint host',
    labelNames: ['network', 'endpoint'] as const,
    registers,
  });
  const watcher = createWatcherGauges(registers);
  for (const kind of ['hosted', 'native']) ordersCreated.inc({ kind }, 0);
  for (const outcome of Object.values(OUTCOME_LABELS)) webhookAttempts.inc({ outcome }, 0);
  return {
    registry,
    observeHttpRequest({ method, route, statusCode, resultCode, durationSeconds }) {
      const result_code = resultCode === undefined ? '' : String(resultCode);
      httpRequests.inc({ method, route, status: String(statusCode), result_code });
      httpDuration.observe({ method, route }, durationSeconds);
    },
    countOrderCreated: (kind) => ordersCreated.inc({ kind }),
    countOrdersPaid: (count) => ordersPaid.inc(count),
    countDeliveryAttempt: (outcome) => webhookAttempts.inc({ outcome: OUTCOME_LABELS[outcome] }),
    countRpcError: (network, endpoint) => rpcErrors.inc({ network, endpoint }),
    observeWatcher: watcher.observe,
    getWatcherProgress: (networkKey) => watcher.progress.get(networkKey),
    watchSources({ db, now, rates, logger }) {
      const read = () => readDeliveryQueue(db, now());
      const onError = (error: unknown) => logger.warn({ err: error }, 'webhook queue could not be read for metrics');
      watchDeliveryQueue(
        registry,
        createScrapeCache({ read, maxAgeMs: QUEUE_CACHE_MS, timeoutMs: QUEUE_TIMEOUT_MS, onError }),
      );
      watchRateAges(registry, () => rates.listPriceTimes(), now);
    },
  };
}

function createWatcherGauges(registers: Registry[]) {
  const progress = new Map<string, WatcherProgress>();
  const gauge = (name: string, help: string) => new Gauge({ name, help, labelNames: ['network'] as const, registers });
  const head = gauge('kassa_watcher_head_block', "The node's head block when the watcher last committed a range");
  const cursor = gauge('kassa_watcher_cursor_block', 'The newest block the watcher has scanned and recorded');
  const lag = gauge('kassa_watcher_lag_blocks', 'Blocks between the head and the newest scanned block');
  return {
    progress,
    observe(network: string, observed: WatcherProgress) {
      progress.set(network, observed);
      // Block numbers fit a double exactly far beyond any chain's height (2^53).
      const scanned = observed.nextBlock - 1n;
      head.set({ network }, Number(observed.headBlock));
      cursor.set({ network }, Number(scanned));
      lag.set({ network }, Number(observed.headBlock > scanned ? observed.headBlock - scanned : 0n));
    },
  };
}
