import type { GatewayMetrics } from '../adapters/metrics/createGatewayMetrics.ts';
import type { MetricsServer } from '../adapters/metrics/startMetricsServer.ts';
import type { KassaConfig } from '../config/KassaConfig.ts';
import { loadConfig } from '../config/loadConfig.ts';
import { createGateway, type Gateway, type WorkerRole } from '../main.ts';
import { parseCommandArgs, readPortOption, UsageError } from './parseCommandArgs.ts';
import { stopOnSignals } from './stopOnSignals.ts';

/** What a process can do: serve HTTP (`api`) and any of the background workers. */
const ROLES = ['api', 'watcher', 'expirer', 'rates', 'dispatcher'] as const;
type Role = (typeof ROLES)[number];

/**
 * `kassa serve`: the production gateway on the configured database, with all roles by default,
 * and its metrics listener. SIGTERM or SIGINT stops it gracefully within `server.shutdownGraceMs`;
 * past that (or on a second signal) it exits with status 1.
 */
export async function runServeCommand(args: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    config: { type: 'string' },
    host: { type: 'string' },
    port: { type: 'string' },
    role: { type: 'string' },
  });
  const port = readPortOption(values.port);
  const roles = readRoles(values.role);
  const config = loadConfig({
    mode: 'production',
    ...(values.config === undefined ? {} : { configFile: values.config }),
    overrides: { ...(values.host === undefined ? {} : { host: values.host }), ...(port === undefined ? {} : { port }) },
  });
  // prom-client and its registry cost memory (about 10 MB): not loaded at all when metrics are off.
  const metrics =
    config.metrics.port === 0
      ? undefined
      : (await import('../adapters/metrics/createGatewayMetrics.ts')).createGatewayMetrics();
  const gateway = await createGateway(config, {
    logger: { level: config.logLevel },
    ...(metrics === undefined ? {} : { metrics }),
  });
  // An API process prices quotes from the prices it holds in memory, so it always refreshes them.
  const workerRoles = roles.filter((r): r is WorkerRole => r !== 'api');
  if (roles.includes('api') && !workerRoles.includes('rates')) workerRoles.push('rates');
  if (workerRoles.includes('watcher'))
    gateway.readiness.watchNetworks(gateway.deps.networks.filter((n) => n.rpcUrls.length > 0));
  // Signals are taken from here on: a SIGTERM while the listeners start still stops gracefully.
  let metricsServer: MetricsServer | null = null;
  let isStopping = false;
  const stopped = stopOnSignals(async () => {
    isStopping = true;
    gateway.http.log.info({ graceMs: config.server.shutdownGraceMs }, 'kassa is stopping');
    await gateway.close();
    await metricsServer?.close();
  }, config.server.shutdownGraceMs);
  // Listen first: the workers load more code (viem for the watcher), and the API need not wait for it.
  if (roles.includes('api')) {
    const url = await gateway.listen();
    gateway.http.log.info({ url, publicUrl: config.server.publicUrl, roles }, 'kassa is serving');
  } else {
    gateway.http.log.info({ roles }, 'kassa is running workers');
  }
  // A stop that came while listening has closed the gateway: starting workers then would outlive it.
  if (!isStopping) gateway.startWorkers({ roles: workerRoles });
  metricsServer = await startMetricsListener(config, gateway, metrics);
  if (isStopping) await metricsServer?.close();
  const outcome = await stopped;
  if (outcome === 'forced') {
    gateway.http.log.error({ graceMs: config.server.shutdownGraceMs }, 'kassa did not stop in time; exiting anyway');
    // Work still in flight holds the event loop open; leased webhooks are retried once their lease ends.
    process.exit(1);
  }
  gateway.http.log.info('kassa stopped');
  return 0;
}

async function startMetricsListener(
  config: KassaConfig,
  gateway: Gateway,
  metrics: GatewayMetrics | undefined,
): Promise<MetricsServer | null> {
  if (metrics === undefined) return null;
  const { startMetricsServer } = await import('../adapters/metrics/startMetricsServer.ts');
  try {
    const server = await startMetricsServer({
      ...config.metrics,
      registry: metrics.registry,
      readiness: gateway.readiness,
      onError: (error) => gateway.http.log.warn({ err: error }, 'metrics request failed'),
    });
    gateway.http.log.info({ url: server.url }, 'kassa metrics listening');
    return server;
  } catch (error) {
    // Payments matter more than their metrics: a taken port is reported, and the gateway runs on.
    gateway.http.log.error({ err: error, ...config.metrics }, 'metrics listener could not start');
    return null;
  }
}

function readRoles(text: string | undefined): Role[] {
  if (text === undefined) return [...ROLES];
  const roles = text.split(',').map((r) => r.trim());
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0 || roles.length === 0) {
    throw new UsageError(`--role takes a comma-separated list of ${ROLES.join(', ')}; got '${text}'`);
  }
  return roles as Role[];
}
