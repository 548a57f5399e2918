import type { Kysely, RawBuilder } from 'kysely';
import type { LeaderLock } from '../../../core/LeaderLock.ts';
import type { AddressStore } from '../../../core/ports.ts';
import type { BillWriter } from '../bills/BillWriter.ts';
import type { OrderWriter } from '../orders/OrderWriter.ts';
import type { Database } from '../schema.ts';

export type SqlDialectName = 'sqlite' | 'postgres';

export type CreateLeaderLockParameters = {
  /**
   * How long a holder that stopped renewing (frozen, cut off, failing) keeps the job before a
   * standby in another process takes it over. Default 5 s.
   */
  readonly ttlMs?: number;
  /** How often a standby tries to take the lock. Default a fifth of `ttlMs`, at most 1 s. */
  readonly retryMs?: number;
};

/** The rows of `table` whose `key` is one of `keys` and whose `column` still equals `value`. */
export type LeaseTarget = {
  readonly table: string;
  readonly key: string;
  readonly keys: readonly string[];
  readonly column: string;
  readonly value: string;
};

/** What hears other processes' word of due deliveries (`KassaDialect.listenForDueDeliveries`). */
export type ListenForDueDeliveriesParameters = {
  /**
   * Another process committed due deliveries; `source` is what it passed to `notifyDueDeliveries`.
   * Null once the listener has (re)connected: words sent while it was not listening are lost.
   */
  readonly onNotice: (source: string | null) => void;
  /** The listening connection failed; it is replaced by itself. */
  readonly onError: (error: unknown) => void;
};

/** A running listener; `stop` ends its connection and timers. */
export type DueDeliveryListener = { stop(): Promise<void> };

/**
 * Everything SQLite and PostgreSQL do differently, behind one interface (as Kysely's
 * `DialectAdapter` does for SQL generation). `createDb` picks the dialect once; stores, the
 * migration runner and the composition root ask it rather than testing which database they have.
 * PostgreSQL has concurrent writers across processes and needs locks; SQLite has one writer at a
 * time in one process, so its locks are mostly nothing at all.
 */
export type KassaDialect = {
  /** For the rare migration statement that must differ (migrations get the name, not the object). */
  readonly name: SqlDialectName;
  /**
   * Takes the row locks of the rows `select` finds for the rest of the transaction, so a check and
   * the write it allows cannot interleave with another transaction's.
   */
  lockRowsForUpdate(db: Kysely<Database>, select: RawBuilder<unknown>): Promise<void>;
  /**
   * Appended to a subquery choosing rows to lease: rows another transaction is leasing right now
   * are skipped, never waited for.
   */
  readonly skipLocked: RawBuilder<unknown>;
  /**
   * An UPDATE condition choosing the rows of `target` to lease, skipping those another
   * transaction has locked and re-checking `column` once the lock is held.
   */
  leaseTarget(target: LeaseTarget): RawBuilder<unknown>;
  /** A lock that lets one process at a time do a named job (one watcher per network). */
  createLeaderLock(parameters?: CreateLeaderLockParameters): LeaderLock;
  /** The database's clock in epoch ms, as SQL: lease expiries are compared with it, never a process clock. */
  readonly nowMs: RawBuilder<number>;
  /**
   * Runs `work` in one transaction that holds the migration lock: processes starting together
   * queue instead of racing, and a failure leaves the schema as it was.
   */
  withMigrationLock<T>(db: Kysely<Database>, work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  /** The order writer for inserts outside a transaction that may share one commit (group commit). */
  createBatchingOrderWriter(db: Kysely<Database>): OrderWriter;
  /** The same for orders with their first quote (bill/create). */
  createBatchingBillWriter(db: Kysely<Database>): BillWriter;
  /** `allocateIndexForNewOrder` of concurrent callers sharing one commit. */
  createBatchingIndexAllocator(db: Kysely<Database>): Pick<AddressStore, 'allocateIndexForNewOrder'>;
  /**
   * Tells other processes that deliveries became due, from inside the transaction `db` runs in:
   * the word leaves when it commits, never on a rollback. `source` names the sender, so its own
   * listener can skip what it already knows. Nothing on SQLite, where the only other processes
   * are CLI commands and the dispatcher's polling covers them.
   */
  notifyDueDeliveries(db: Kysely<Database>, source: string): Promise<void>;
  /** Hears `notifyDueDeliveries` of every process on this schema; null where there is no such channel (SQLite). */
  listenForDueDeliveries(parameters: ListenForDueDeliveriesParameters): DueDeliveryListener | null;
};
