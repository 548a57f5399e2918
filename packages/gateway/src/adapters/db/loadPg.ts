import { createRequire } from 'node:module';
import type pg from 'pg';

/**
 * The `pg` driver, loaded when a PostgreSQL connection is first made rather than at import: a gateway
 * on SQLite, and every `kassa` command, would otherwise load it for nothing (about a fifth of the
 * start-up of `kassa app list`, bench/startup.ts). `pg` is CommonJS, so a synchronous require works.
 */
export function loadPg(): typeof pg {
  return createRequire(import.meta.url)('pg') as typeof pg;
}
