import type pg from 'pg';
import type { LeaderLease, LeaderLock } from '../../../core/LeaderLock.ts';
import { sleep } from '../../system/sleep.ts';
import { loadPg } from '../loadPg.ts';
import { searchPathOption } from './searchPathOption.ts';

export type CreatePostgresLeaderLockParameters = {
  readonly url: string;
  /** Locks are per schema, so installations sharing a database do not collide. */
  readonly pgSchema: string | undefined;
  readonly retryMs: number;
  readonly heartbeatMs: number;
};

// First half of the two-int advisory lock key: the application's own key space.
const KASSA_LOCK_CLASS = 0x4b415353; // "KASS"
const LOCK_KEY_SQL = 'hashtext(current_schema() || $2)';

/**
 * A session advisory lock on a dedicated connection (not one of the pool's), which the server
 * frees the moment that connection dies, so a standby in another process takes over; the holder
 * notices a dead connection within a heartbeat and stops.
 */
export function createPostgresLeaderLock(parameters: CreatePostgresLeaderLockParameters): LeaderLock {
  const { url, retryMs, heartbeatMs } = parameters;
  const schemaOption = searchPathOption(parameters.pgSchema);
  return {
    async acquire(name, signal) {
      while (!signal.aborted) {
        const lost = new AbortController();
        const client = new (loadPg().Client)({ connectionString: url, query_timeout: heartbeatMs, ...schemaOption });
        // Without a listener a dropped connection would crash the process.
        client.on('error', (error) => lost.abort(error));
        const key = [KASSA_LOCK_CLASS, `/${name}`];
        try {
          await client.connect();
          while (!signal.aborted && !lost.signal.aborted) {
            const { rows } = await client.query<{ locked: boolean }>(
              `select pg_try_advisory_lock($1, ${LOCK_KEY_SQL}) as locked`,
              key,
            );
            if (rows[0]?.locked === true) {
              return holdLease({
                lost,
                heartbeatMs,
                ping: () => client.query('select 1'),
                unlock: async () => {
                  await client.query(`select pg_advisory_unlock($1, ${LOCK_KEY_SQL})`, key);
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
