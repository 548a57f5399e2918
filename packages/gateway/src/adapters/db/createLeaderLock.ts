import pg from 'pg';
import type { LeaderLease, LeaderLock } from '../../core/LeaderLock.ts';
import { sleep } from '../system/sleep.ts';
import type { SqlDialectName } from './migrations/KassaMigration.ts';

export type CreateLeaderLockParameters = {
  readonly dialect: SqlDialectName;
  /** The PostgreSQL URL (ignored for SQLite). */
  readonly url: string;
  /** PostgreSQL schema: locks are per schema, so installations sharing a database do not collide. */
  readonly pgSchema?: string;
  /** How often a standby tries to take the lock. Default 2 s. */
  readonly retryMs?: number;
  /** How often the holder checks that its connection (and so its lock) is alive. Default 5 s. */
  readonly heartbeatMs?: number;
};

// First half of the two-int advisory lock key: the application's own key space.
const KASSA_LOCK_CLASS = 0x4b415353; // "KASS"

/**
 * A leader lock over the database. PostgreSQL: a session advisory lock on a dedicated connection
 * (not one of the pool's), which the server frees the moment that connection dies, so a standby
 * in another process takes over; the holder notices a dead connection within a heartbeat and
 * stops. SQLite serves one process, so the lock only excludes holders within this process.
 */
export function createLeaderLock(parameters: CreateLeaderLockParameters): LeaderLock {
  const retryMs = parameters.retryMs ?? 2_000;
  const heartbeatMs = parameters.heartbeatMs ?? 5_000;
  if (parameters.dialect === 'sqlite') return createInProcessLock(retryMs);
  const schemaOption =
    parameters.pgSchema === undefined ? {} : { options: `-c search_path=${checkSchemaName(parameters.pgSchema)}` };

  return {
    async acquire(name, signal) {
      while (!signal.aborted) {
        const lost = new AbortController();
        const client = new pg.Client({ connectionString: parameters.url, query_timeout: heartbeatMs, ...schemaOption });
        // Without a listener a dropped connection would crash the process.
        client.on('error', (error) => lost.abort(error));
        const keySql = 'hashtext(current_schema() || $2)';
        try {
          await client.connect();
          while (!signal.aborted && !lost.signal.aborted) {
            const { rows } = await client.query<{ locked: boolean }>(
              `select pg_try_advisory_lock($1, ${keySql}) as locked`,
              [KASSA_LOCK_CLASS, `/${name}`],
            );
            if (rows[0]?.locked === true) {
              return holdLease({
                lost,
                heartbeatMs,
                ping: () => client.query('select 1'),
                unlock: async () => {
                  await client.query(`select pg_advisory_unlock($1, ${keySql})`, [KASSA_LOCK_CLASS, `/${name}`]);
                },
                close: () => closeQuietly(client),
              });
            }
            await sleep(retryMs, signal);
          }
        } catch (error) {
          await closeQuietly(client);
          throw new Error(`cannot take the ${name} lock`, { cause: error });
        }
        await closeQuietly(client);
      }
      return null;
    },
  };
}

function holdLease(p: {
  readonly lost: AbortController;
  readonly heartbeatMs: number;
  ping(): Promise<unknown>;
  unlock(): Promise<void>;
  close(): Promise<void>;
}): LeaderLease {
  const timer = setInterval(() => {
    p.ping().catch((error: unknown) => p.lost.abort(error));
  }, p.heartbeatMs);
  let releasing: Promise<void> | undefined;
  return {
    lost: p.lost.signal,
    release() {
      releasing ??= (async () => {
        clearInterval(timer);
        try {
          // A lost connection has freed the lock already; closing is all that is left.
          if (!p.lost.signal.aborted) await p.unlock();
        } finally {
          await p.close();
        }
      })();
      return releasing;
    },
  };
}

/** Ends a connection that may already be dead: its error says nothing the caller can act on. */
async function closeQuietly(client: pg.Client): Promise<void> {
  try {
    await client.end();
  } catch {
    // Already closed or broken: the server has dropped the session and its locks either way.
  }
}

function createInProcessLock(retryMs: number): LeaderLock {
  const held = new Set<string>();
  return {
    async acquire(name, signal) {
      while (held.has(name)) {
        if (signal.aborted) return null;
        await sleep(retryMs, signal);
      }
      if (signal.aborted) return null;
      held.add(name);
      return {
        lost: new AbortController().signal,
        release: async () => {
          held.delete(name);
        },
      };
    },
  };
}

function checkSchemaName(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new RangeError(`invalid schema name: ${name}`);
  return name;
}
