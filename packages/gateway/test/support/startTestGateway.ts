import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createKassaClient, type KassaClient } from '@kassa/sdk';
import type { GatewayMetrics } from '../../src/adapters/metrics/createGatewayMetrics.ts';
import { createApp } from '../../src/app/createApp.ts';
import type { KassaConfig } from '../../src/config/KassaConfig.ts';
import { loadConfig } from '../../src/config/loadConfig.ts';
import type { Network } from '../../src/core/network.ts';
import type { IdSource } from '../../src/core/ports.ts';
import type { RateSource } from '../../src/core/RateSource.ts';
import { createGateway, type Gateway } from '../../src/main.ts';
import { createTestClock, type TestClock } from './createTestClock.ts';
import { getFreePort } from './getFreePort.ts';
import type { TestDatabase } from './testDatabases.ts';

export type TestGateway = {
  readonly gateway: Gateway;
  readonly baseUrl: string;
  readonly appId: string;
  readonly appSecret: string;
  /** The SDK client of the app, on the test clock. */
  readonly client: KassaClient;
  readonly clock: TestClock;
  readonly config: KassaConfig;
  stop(): Promise<void>;
};

export type StartTestGatewayOptions = {
  readonly clock?: TestClock;
  readonly networks?: readonly Network[];
  /** Replaces the rate source built from the config (e.g. one that answers stale). */
  readonly rateSource?: RateSource;
  /** Fastify/pino logger options (e.g. `{ level: 'warn', stream }` to read what was logged); none by default. */
  readonly logger?: object;
  /** Config file content overrides (written as a JSON config file). */
  readonly env?: Readonly<Record<string, string>>;
  readonly webhookUrl?: string | null;
  /** Deterministic ids for tests that pin bytes. */
  readonly ids?: IdSource;
  /** Written as the gateway's JSON config file. */
  readonly configFile?: Readonly<Record<string, unknown>>;
  /** Counts what the gateway does (`kassa serve` passes its metrics). */
  readonly metrics?: GatewayMetrics;
};

/** Starts the real gateway on a loopback port against a fresh database, with one app. */
export async function startTestGateway(
  database: TestDatabase,
  options: StartTestGatewayOptions = {},
): Promise<TestGateway> {
  const db = await database.create();
  const clock = options.clock ?? createTestClock();
  let configFile: string | undefined;
  if (options.configFile !== undefined) {
    configFile = path.join(db.dataDir, 'kassa.json');
    writeFileSync(configFile, JSON.stringify(options.configFile));
  }
  const config = loadConfig({
    mode: 'dev',
    ...(configFile === undefined ? {} : { configFile }),
    env: {
      KASSA_DATA_DIR: db.dataDir,
      DATABASE_URL: db.url,
      KASSA_HOST: '127.0.0.1',
      KASSA_PORT: String(await getFreePort()),
      KASSA_LOG_LEVEL: 'silent',
      ...options.env,
    },
  });
  const gateway = await createGateway(config, {
    clock,
    ...(db.pgSchema === undefined ? {} : { pgSchema: db.pgSchema }),
    ...(options.networks === undefined ? {} : { networks: options.networks }),
    ...(options.rateSource === undefined ? {} : { rateSource: options.rateSource }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(options.ids === undefined ? {} : { ids: options.ids }),
    ...(options.metrics === undefined ? {} : { metrics: options.metrics }),
  });
  const baseUrl = await gateway.listen();
  const { appId, appSecret } = await createApp(gateway.deps, {
    name: 'Test shop',
    webhookUrl: options.webhookUrl ?? null,
  });
  return {
    gateway,
    baseUrl,
    appId,
    appSecret,
    client: createKassaClient({ appId, appSecret, baseUrl, now: () => clock.now() }),
    clock,
    config,
    stop: async () => {
      await gateway.close();
      await db.dispose();
    },
  };
}
