import { sql } from 'kysely';
import type { Deps } from '../../app/Deps.ts';
import { getNetworkHeights } from '../../app/getNetworkHeights.ts';
import type { Network } from '../../core/network.ts';
import type { WatcherProgress } from '../../core/ports.ts';
import type { KassaDb } from '../db/createDb.ts';
import { MIGRATIONS } from '../db/migrations/index.ts';

/** What `/readyz` answers: ready, or every reason it is not. */
export type ReadinessReport =
  | { readonly status: 'ready' }
  | { readonly status: 'not ready'; readonly reasons: readonly string[] };

export type Readiness = {
  check(): Promise<ReadinessReport>;
  /** From now on the process is stopping: `/readyz` fails, so load balancers stop sending work. */
  markStopping(): void;
  /** This process runs the watcher role for these networks: a far-behind one makes it not ready. */
  watchNetworks(networks: readonly Network[]): void;
};

export type CreateReadinessParameters = {
  readonly kassaDb: KassaDb;
  readonly deps: Pick<Deps, 'store' | 'clock' | 'networks'>;
  /** Where the watchers of this process report their head and cursor. */
  readonly metrics?: { getWatcherProgress(networkKey: string): WatcherProgress | undefined } | undefined;
  /** Where to log why a probe of the database failed (it answers 503 either way). */
  readonly getLogger?: () => { warn(fields: object, message: string): void };
};

// A probe answers within this, whatever the database does; its answer serves probes for as long.
const PROBE_TIMEOUT_MS = 1_000;
const PROBE_CACHE_MS = 1_000;
// "Far behind": payments would be seen more than this late.
const FAR_BEHIND_SECONDS = 120;

/**
 * Readiness: the database answers (within a second), every migration this version knows is
 * applied, the process is not stopping, and, for a watcher, each network is followed closely (see
 * `isFarBehind`). Probes share one database round trip per second, so frequent probes cost nothing.
 */
export function createReadiness({ kassaDb, deps, metrics, getLogger }: CreateReadinessParameters): Readiness {
  let isStopping = false;
  let watched: readonly Network[] = [];
  let cached: { readonly atMs: number; readonly reasons: Promise<string[]> } | null = null;
  const probe = async (): Promise<string[]> => {
    const [applied, heights] = await Promise.all([
      sql<{ name: string }>`select name from kassa_migrations`.execute(kassaDb.db),
      watched.length === 0 ? [] : getNetworkHeights({ ...deps, networks: watched }),
    ]);
    const names = new Set(applied.rows.map((row) => row.name));
    const reasons = MIGRATIONS.some((m) => !names.has(m.name)) ? ['database migrations pending'] : [];
    for (const height of heights) {
      if (height.isLagging || isFarBehind(height.network, metrics?.getWatcherProgress(height.network.key))) {
        reasons.push(`watcher of ${height.network.key} is far behind`);
      }
    }
    return reasons;
  };
  const probeWithin = (): Promise<string[]> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<string[]>((resolve) => {
      timer = setTimeout(() => resolve(['database unreachable (no answer within 1 s)']), PROBE_TIMEOUT_MS);
    });
    const answered = probe().catch((error: unknown) => {
      getLogger?.().warn({ err: error }, 'readiness probe of the database failed');
      return ['database unreachable'];
    });
    return Promise.race([answered, timeout]).finally(() => clearTimeout(timer));
  };
  return {
    async check() {
      const nowMs = performance.now();
      if (cached === null || nowMs - cached.atMs >= PROBE_CACHE_MS) cached = { atMs: nowMs, reasons: probeWithin() };
      const reasons = [...(isStopping ? ['stopping'] : []), ...(await cached.reasons)];
      return reasons.length === 0 ? { status: 'ready' } : { status: 'not ready', reasons };
    },
    markStopping() {
      isStopping = true;
    },
    watchNetworks(networks) {
      watched = networks;
      cached = null;
    },
  };
}

/**
 * A watcher of this process is far behind when the chain's head is more blocks ahead of what it
 * recorded than `FAR_BEHIND_SECONDS` of blocks, and more than the network's confirmations. (A watcher
 * that stopped writing its cursor altogether, here or in another process, is caught by
 * `getNetworkHeights`' `isLagging`: no write for max(2 min, 20 block times).)
 */
function isFarBehind(network: Network, progress: WatcherProgress | undefined): boolean {
  if (progress === undefined) return false;
  const lag = progress.headBlock - (progress.nextBlock - 1n);
  const limit = Math.max(network.confirmations, Math.ceil(FAR_BEHIND_SECONDS / network.blockTimeSeconds));
  return lag > BigInt(limit);
}
