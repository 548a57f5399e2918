// Risk: /readyz says ready while the database is gone, its migrations are missing, the process is stopping or its watcher is far behind.
import { sql } from 'kysely';
import { describe, expect } from 'vitest';
import { databaseTest } from '../../../test/support/databaseTest.ts';
import { getFreePort } from '../../../test/support/getFreePort.ts';
import { SYNTHETIC_NETWORK } from '../../../test/support/syntheticNetwork.ts';
import { testDatabases } from '../../../test/support/testDatabases.ts';
import { createDb } from '../db/createDb.ts';
import { createGatewayMetrics } from '../metrics/createGatewayMetrics.ts';
import { createReadiness } from './createReadiness.ts';

// 1 s blocks: "far behind" is more than 120 blocks (and more than the 3 confirmations).
const NETWORK = SYNTHETIC_NETWORK;

describe.each(testDatabases())('readiness ($kind)', (database) => {
  databaseTest.override({ database });

  databaseTest('is ready with a migrated database, and not once stopping', async ({ t, clock }) => {
    const readiness = createReadiness({ kassaDb: t.kassaDb, deps: { store: t.store, clock, networks: [NETWORK] } });
    expect(await readiness.check()).toEqual({ status: 'ready' });
    readiness.markStopping();
    expect(await readiness.check()).toEqual({ status: 'not ready', reasons: ['stopping'] });
  });

  databaseTest('is not ready when a migration is missing', async ({ t, clock }) => {
    const deps = { store: t.store, clock, networks: [NETWORK] };
    await sql`delete from kassa_migrations where name = (select max(name) from kassa_migrations)`.execute(t.kassaDb.db);
    expect(await createReadiness({ kassaDb: t.kassaDb, deps }).check()).toEqual({
      status: 'not ready',
      reasons: ['database migrations pending'],
    });
  });

  databaseTest(
    'for a watcher, is not ready until its cursor is written, nor while far behind',
    async ({ t, clock }) => {
      const metrics = createGatewayMetrics();
      const fresh = () => {
        const readiness = createReadiness({
          kassaDb: t.kassaDb,
          deps: { store: t.store, clock, networks: [NETWORK] },
          metrics,
        });
        readiness.watchNetworks([NETWORK]);
        return readiness;
      };
      const behind = { status: 'not ready', reasons: ['watcher of DEV is far behind'] };
      expect(await fresh().check()).toEqual(behind);
      await t.store.chain.initCursor('DEV', 1_000n, clock.now());
      metrics.observeWatcher('DEV', { headBlock: 1_119n, nextBlock: 1_000n });
      expect(await fresh().check()).toEqual({ status: 'ready' });
      metrics.observeWatcher('DEV', { headBlock: 1_120n, nextBlock: 1_000n });
      expect(await fresh().check()).toEqual(behind);
      metrics.observeWatcher('DEV', { headBlock: 1_121n, nextBlock: 1_100n });
      expect(await fresh().check()).toEqual({ status: 'ready' });
      // A cursor not written for two minutes: the watcher (here or elsewhere) has stopped.
      clock.advance(120_001);
      expect(await fresh().check()).toEqual(behind);
    },
  );

  databaseTest('is not ready, and logs why, when the database refuses connections', async ({ t, clock }) => {
    // Nothing listens on this port: a real refused connection, as when the database server is down.
    const kassaDb = createDb({ url: `postgres://kassa@127.0.0.1:${await getFreePort()}/kassa` });
    const logged: unknown[] = [];
    const readiness = createReadiness({
      kassaDb,
      deps: { store: t.store, clock, networks: [NETWORK] },
      getLogger: () => ({ warn: (fields) => logged.push(fields) }),
    });
    expect(await readiness.check()).toEqual({ status: 'not ready', reasons: ['database unreachable'] });
    expect(logged).toHaveLength(1);
    await kassaDb.close();
  });
});
