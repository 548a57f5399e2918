import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mnemonicToAccount } from 'viem/accounts';
import { ANVIL_DEFAULT_MNEMONIC } from '../../packages/gateway/src/adapters/chains/evm/startAnvil.ts';
import { createSecretBox } from '../../packages/gateway/src/adapters/crypto/createSecretBox.ts';
import { createDb } from '../../packages/gateway/src/adapters/db/createDb.ts';
import { createStore } from '../../packages/gateway/src/adapters/db/createStore.ts';
import { migrateToLatest } from '../../packages/gateway/src/adapters/db/migrateToLatest.ts';
import { createRandomIdSource } from '../../packages/gateway/src/adapters/system/createRandomIdSource.ts';
import { createSystemClock } from '../../packages/gateway/src/adapters/system/createSystemClock.ts';
import { createApp } from '../../packages/gateway/src/app/createApp.ts';
import { createBenchNetwork, seedWatchedQuotes } from './seedWatchedQuotes.ts';

/** The network the served gateway watches: a custom one over the bench's anvil. */
export const SERVE_NETWORK_KEY = 'MEMBENCH';
/** Any EIP-55 contract will do: the watcher asks the node for its logs whether or not it exists. */
const USDT = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const USDC = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';

export type ServeData = {
  readonly dataDir: string;
  readonly configFile: string;
  /** What an operator exports before `kassa serve`. */
  readonly env: Readonly<Record<string, string>>;
  readonly appId: string;
  readonly appSecret: string;
  readonly databaseFile: string;
  remove(): void;
};

export type PrepareServeDataParameters = {
  readonly rpcUrl: string;
  readonly chainId: number;
  readonly port: number;
  /** Open orders to seed, each with one watched quote on the bench network. */
  readonly openOrders: number;
  readonly logLevel: string;
};

/**
 * A data dir as an operator would have it before `kassa serve`: a config file (SQLite, one custom
 * network whose RPC URL is the bench's anvil), a migrated database with one app, and optionally
 * `openOrders` open orders whose addresses the watcher must hold, inserted directly (the API would
 * take minutes for 100,000).
 */
export async function prepareServeData(p: PrepareServeDataParameters): Promise<ServeData> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kassa-bench-memory-'));
  const masterKey = randomBytes(32);
  const databaseFile = path.join(dataDir, 'kassa.sqlite');
  const configFile = path.join(dataDir, 'kassa.json');
  const xpub = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: "m/44'/60'/0'" }).getHdKey().publicExtendedKey;
  writeFileSync(
    configFile,
    JSON.stringify({
      dataDir,
      logLevel: p.logLevel,
      // The per-app budget (60,000 a minute) would answer most of a fast run with `rate_limited`
      // before it reaches the database; the per-address checkout budget stays at its default.
      server: { port: p.port, appRequestsPerMinute: 0 },
      networks: {
        xpub,
        [SERVE_NETWORK_KEY]: {
          chainId: p.chainId,
          rpcUrls: [p.rpcUrl],
          confirmations: 1,
          blockTimeSeconds: 1,
          tokens: [
            { symbol: 'USDT', contract: USDT, decimals: 6, stable: true },
            { symbol: 'USDC', contract: USDC, decimals: 6, stable: true },
            { symbol: 'ETH', native: true },
          ],
        },
      },
      rates: { tokens: { ETH: { fixed: '2000' } } },
    }),
  );
  const kassaDb = createDb({ url: databaseFile });
  try {
    await migrateToLatest(kassaDb);
    const clock = createSystemClock();
    const store = createStore(kassaDb, createSecretBox(masterKey));
    const { appId, appSecret } = await createApp(
      { store, clock, ids: createRandomIdSource(clock) },
      { name: 'Memory bench', webhookUrl: null },
    );
    const network = createBenchNetwork(SERVE_NETWORK_KEY, p.chainId, p.rpcUrl, USDT, USDC);
    if (p.openOrders > 0) await seedWatchedQuotes(kassaDb, appId, network, p.openOrders, clock.now());
    return {
      dataDir,
      configFile,
      env: { KASSA_MASTER_KEY: masterKey.toString('hex') },
      appId,
      appSecret,
      databaseFile,
      remove: () => rmSync(dataDir, { recursive: true, force: true }),
    };
  } finally {
    await kassaDb.close();
  }
}
