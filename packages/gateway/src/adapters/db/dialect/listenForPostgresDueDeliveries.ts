import type pg from 'pg';
import { getBackoffDelay } from '../../../core/getBackoffDelay.ts';
import { loadPg } from '../loadPg.ts';
import type { DueDeliveryListener, ListenForDueDeliveriesParameters } from './KassaDialect.ts';
import { searchPathOption } from './searchPathOption.ts';

/** The channel `notifyDueDeliveries` signals; the payload is `<schema>/<source>`. */
export const DUE_DELIVERIES_CHANNEL = 'kassa_deliveries';

export type ListenForPostgresDueDeliveriesParameters = ListenForDueDeliveriesParameters & {
  readonly url: string;
  readonly pgSchema: string | undefined;
  /** The wait after the first failed connection, doubling up to `maxBackoffMs`. Default 100. */
  readonly initialBackoffMs?: number;
  /** Default 5 s: a listener down longer than that leaves the waiting to polling anyway. */
  readonly maxBackoffMs?: number;
  /** How often the connection is checked, so a silently dead one is noticed. Default 10 s. */
  readonly heartbeatMs?: number;
};

/** The `application_name` of the listening connection: what an operator sees in `pg_stat_activity`. */
export function dueDeliveriesListenerName(pgSchema: string | undefined): string {
  return pgSchema === undefined ? 'kassa wakeups' : `kassa wakeups ${pgSchema}`;
}

/**
 * `LISTEN kassa_deliveries` on a dedicated connection (never one of the pool's: a pooled
 * connection goes back to other work and its notifications with it). The connection is checked
 * every heartbeat; when it fails it is replaced, backing off while the server stays away, and each
 * new connection reports `onNotice(null)`: words sent while it was down are lost, so the caller
 * looks at once. Notices from other schemas on the same database are skipped. `stop` ends the
 * connection and every timer, so nothing keeps the process alive after it.
 */
export function listenForPostgresDueDeliveries(p: ListenForPostgresDueDeliveriesParameters): DueDeliveryListener {
  const { initialBackoffMs = 100, maxBackoffMs = 5_000, heartbeatMs = 10_000 } = p;
  let client: pg.Client | null = null;
  let isStopped = false;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;

  const lose = (lost: pg.Client, error: unknown): void => {
    if (lost !== client || isStopped) return;
    client = null;
    clearInterval(heartbeat);
    void endQuietly(lost);
    p.onError(error);
    failures++;
    retryTimer = setTimeout(connect, getBackoffDelay({ failures, initialMs: initialBackoffMs, maxMs: maxBackoffMs }));
    retryTimer.unref();
  };

  const connect = async (): Promise<void> => {
    const next = new (loadPg().Client)({
      connectionString: p.url,
      application_name: dueDeliveriesListenerName(p.pgSchema),
      query_timeout: heartbeatMs,
      keepAlive: true,
      ...searchPathOption(p.pgSchema),
    });
    client = next;
    // Without listeners a dropped connection would crash the process.
    next.on('error', (error) => lose(next, error));
    next.on('end', () => lose(next, new Error('the listening connection ended')));
    try {
      await next.connect();
      const { rows } = await next.query<{ schema: string }>('select current_schema() as schema');
      const prefix = `${rows[0]?.schema ?? ''}/`;
      next.on('notification', ({ channel, payload = '' }) => {
        if (channel === DUE_DELIVERIES_CHANNEL && payload.startsWith(prefix)) p.onNotice(payload.slice(prefix.length));
      });
      await next.query(`listen ${DUE_DELIVERIES_CHANNEL}`);
    } catch (error) {
      lose(next, error);
      return;
    }
    if (isStopped || next !== client) return;
    failures = 0;
    heartbeat = setInterval(() => {
      next.query('select 1').catch((error: unknown) => lose(next, error));
    }, heartbeatMs);
    heartbeat.unref();
    p.onNotice(null);
  };

  void connect();
  return {
    async stop() {
      isStopped = true;
      clearTimeout(retryTimer);
      clearInterval(heartbeat);
      const last = client;
      client = null;
      if (last !== null) await endQuietly(last);
    },
  };
}

/** Ends a connection that may already be broken: its error says nothing anyone can act on. */
async function endQuietly(client: pg.Client): Promise<void> {
  try {
    await client.end();
  } catch {
    // Already closed or broken: the server has dropped the session and its LISTEN with it.
  }
}
