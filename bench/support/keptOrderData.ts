import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where a benchmark gateway's seeded orders live between runs, and whether they are there yet. */
export type KeptOrderData = {
  /** Handed to bench/support/serveKassa.ts: the kept data dir, PostgreSQL schema and, once seeded, app. */
  readonly env: Readonly<Record<string, string>>;
  /** True when an earlier run seeded these orders: seed nothing. */
  readonly isSeeded: boolean;
  /** Records the app once its orders are seeded, so the next run reuses them. */
  markSeeded(app: { readonly appId: string; readonly appSecret: string }): void;
};

type KeptInfo = { readonly appId: string; readonly appSecret: string; readonly pgSchema: string };

/**
 * Seeding 1,000,000 orders takes minutes; with `--keep DIR` a run keeps its data dir (SQLite file,
 * master key) and PostgreSQL schema under DIR, one per database and order count, and later runs
 * measure against them. The info file is written only after seeding finished, so an interrupted
 * run seeds afresh (its half-filled schema is left behind under another name).
 */
export function keptOrderData(keepDir: string, database: string, orderCount: number): KeptOrderData {
  const dataDir = path.resolve(keepDir, `${database}-${orderCount}`);
  const infoFile = path.join(dataDir, 'kept.json');
  const info = existsSync(infoFile) ? (JSON.parse(readFileSync(infoFile, 'utf8')) as KeptInfo) : undefined;
  if (info === undefined) mkdirSync(dataDir, { recursive: true });
  const pgSchema = info?.pgSchema ?? `kassa_kept_${orderCount}_${process.pid}`;
  const env: Record<string, string> = { KASSA_BENCH_DATA_DIR: dataDir, KASSA_BENCH_PG_SCHEMA: pgSchema };
  if (info !== undefined)
    Object.assign(env, { KASSA_BENCH_APP_ID: info.appId, KASSA_BENCH_APP_SECRET: info.appSecret });
  return {
    env,
    isSeeded: info !== undefined,
    markSeeded: ({ appId, appSecret }) =>
      writeFileSync(infoFile, JSON.stringify({ appId, appSecret, pgSchema } satisfies KeptInfo)),
  };
}
