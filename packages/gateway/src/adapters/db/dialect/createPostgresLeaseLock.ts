import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { LeaderLease, LeaderLock } from '../../../core/LeaderLock.ts';
import { sleep } from '../../system/sleep.ts';
import { loadPg } from '../loadPg.ts';
import { searchPathOption } from './searchPathOption.ts';

export type CreatePostgresLeaseLockParameters = {
  readonly url: string;
  /** Leases live in the schema's `leader_leases`, so installations sharing a database do not collide. */
  readonly pgSchema: string | undefined;
  /** How long a lease lasts unless renewed; a standby takes over at most this long after the last renewal. */
  readonly ttlMs: number;
  /** How often a standby tries to take a lease. */
  readonly retryMs: number;
};

/** The database's clock in epoch ms: every process compares expiries against the same one. */
const NOW_MS = `(extract(epoch from clock_timestamp()) * 1000)::bigint`;

/**
 * Leader leases as rows of `leader_leases`, renewed by their holder every third of `ttlMs` and
 * taken over by a standby once expired (in the database's clock, so the processes' clocks may
 * differ). Unlike a session advisory lock, which PostgreSQL frees only when it notices the holder's
 * connection is gone (two hours of TCP keepalive for a machine that lost power, or a link that
 * stalls without closing), a lease lapses by itself: a frozen holder, a holder cut off from the
 * database, or one whose job keeps failing (`isHealthy`) stops renewing, and within `ttlMs` a
 * standby holds the job. Each takeover raises the fencing token the job's writes check.
 *
 * The holder also counts the lease as lost once `ttlMs` has passed since it sent its last renewal
 * that succeeded, before the database would let another take it over.
 */
export function createPostgresLeaseLock(parameters: CreatePostgresLeaseLockParameters): LeaderLock {
  const { ttlMs, retryMs } = parameters;
  const holder = randomUUID();
  const connect = async (): Promise<pg.Client> => {
    const client = new (loadPg().Client)({
      connectionString: parameters.url,
      // A query of a stalled link fails in time for the holder to notice before its lease ends.
      query_timeout: Math.max(100, Math.floor(ttlMs / 3)),
      connectionTimeoutMillis: ttlMs,
      keepAlive: true,
      ...searchPathOption(parameters.pgSchema),
    });
    // Without a listener a dropped connection would crash the process; the next query notices.
    client.on('error', () => {});
    await client.connect();
    return client;
  };
  return {
    async acquire(name, signal, options = {}) {
      let client: pg.Client | null = null;
      while (!signal.aborted) {
        try {
          client ??= await connect();
          const { rows } = await client.query<{ token: string }>(
            `insert into leader_leases (name, holder, token, expires_at) values ($1, $2, 1, ${NOW_MS} + $3)
             on conflict (name) do update set holder = excluded.holder, token = leader_leases.token + 1,
               expires_at = excluded.expires_at
             where leader_leases.expires_at <= ${NOW_MS}
             returning token`,
            [name, holder, ttlMs],
          );
          const token = rows[0]?.token;
          if (token !== undefined) {
            return holdLease({ client, connect, name, token: Number(token), ttlMs, isHealthy: options.isHealthy });
          }
        } catch {
          // Unreachable database: a standby keeps trying; nothing to release.
          await closeQuietly(client);
          client = null;
        }
        await sleep(retryMs, signal);
      }
      await closeQuietly(client);
      return null;
    },
  };
}

function holdLease(p: {
  client: pg.Client;
  readonly connect: () => Promise<pg.Client>;
  readonly name: string;
  readonly token: number;
  readonly ttlMs: number;
  readonly isHealthy: (() => boolean) | undefined;
}): LeaderLease {
  const lost = new AbortController();
  let client: pg.Client | null = p.client;
  const checkEveryMs = Math.max(20, Math.floor(p.ttlMs / 20));
  // The lease runs at least until ttl after the moment the last successful renewal was sent; the
  // holder gives it up a little earlier, so it has stopped before the database lets a standby in.
  const margin = 2 * checkEveryMs;
  let deadline = performance.now() + p.ttlMs - margin;
  let renewing = false;
  const renew = async (): Promise<void> => {
    if (renewing || lost.signal.aborted) return;
    if (p.isHealthy !== undefined && !p.isHealthy()) return;
    renewing = true;
    const sentAt = performance.now();
    try {
      client ??= await p.connect();
      const { rowCount } = await client.query(
        `update leader_leases set expires_at = ${NOW_MS} + $3 where name = $1 and token = $2 and expires_at > ${NOW_MS}`,
        [p.name, p.token, p.ttlMs],
      );
      if (rowCount === 1) deadline = sentAt + p.ttlMs - margin;
      else lost.abort(new Error(`lease ${p.name} expired or was taken over`));
    } catch {
      // Not awaited: ending a connection the server already dropped may never settle.
      void closeQuietly(client);
      client = null;
    } finally {
      renewing = false;
    }
  };
  const renewTimer = setInterval(() => void renew(), Math.max(50, Math.floor(p.ttlMs / 3)));
  // Checked often: a frozen process that wakes finds its lease gone before its next write.
  const expiryTimer = setInterval(() => {
    if (performance.now() >= deadline) lost.abort(new Error(`lease ${p.name} ran out before it was renewed`));
  }, checkEveryMs);
  lost.signal.addEventListener('abort', () => clearInterval(renewTimer), { once: true });
  let releasing: Promise<void> | undefined;
  return {
    lost: lost.signal,
    fencing: { name: p.name, token: p.token },
    release() {
      releasing ??= (async () => {
        clearInterval(renewTimer);
        clearInterval(expiryTimer);
        try {
          // Expired at once, so a standby need not wait out the rest of the lease.
          await client?.query(`update leader_leases set expires_at = 0 where name = $1 and token = $2`, [
            p.name,
            p.token,
          ]);
        } catch {
          // Unreachable: the lease lapses by itself within ttlMs.
        } finally {
          await closeQuietly(client);
        }
      })();
      return releasing;
    },
  };
}

const CLOSE_WAIT_MS = 1_000;

/**
 * Ends a connection that may already be dead: its error says nothing the caller can act on, and
 * `end()` of a connection the server dropped may never settle, so it is waited for a second at most.
 */
async function closeQuietly(client: pg.Client | null): Promise<void> {
  if (client === null) return;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([client.end(), new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)))]);
  } catch {
    // Already closed or broken.
  } finally {
    clearTimeout(timer);
  }
}
