import { type Kysely, PostgresAdapter, type RawBuilder, type Selectable, sql } from 'kysely';
import type { Delivery, DeliveryAttempt, DeliveryEvent, DeliveryState, LeasedDelivery } from '../../core/Delivery.ts';
import { getOrderStatusAt } from '../../core/getOrderStatusAt.ts';
import { isOrderWireStatus } from '../../core/orderWireStatus.ts';
import type { DeliveryStore } from '../../core/ports.ts';
import type { Database, DeliveriesTable, DeliveryAttemptsTable } from './schema.ts';

// Seven values a row: well inside SQLite's 32,766 bound parameters per statement.
const ATTEMPT_ROWS_PER_INSERT = 1_000;
// Five values a row, likewise.
const OUTCOME_ROWS_PER_UPDATE = 1_000;

/**
 * The webhook outbox in the database. The dispatcher's hot statements are SQL templates: building
 * them with the query builder took more CPU than SQLite took to run them. Leasing is the one place
 * the dialects differ: PostgreSQL locks the candidate rows with `FOR UPDATE SKIP LOCKED` so several
 * dispatcher processes share the queue without waiting on each other; SQLite has one writer at a
 * time and a single dispatcher.
 */
export function createDeliveryStore(db: Kysely<Database>): DeliveryStore {
  // The store is built from a Kysely handle only; its adapter says which dialect it speaks.
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;

  const inTransaction = <T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> =>
    db.isTransaction ? work(db) : db.transaction().execute(work);

  return {
    async insertDelivery(delivery) {
      const result = await db
        .insertInto('deliveries')
        .values({
          delivery_id: delivery.deliveryId,
          app_id: delivery.appId,
          order_id: delivery.orderId,
          record_id: delivery.recordId,
          event: delivery.event,
          url: delivery.url,
          body: delivery.body,
          state: 'pending',
          attempts: 0,
          next_attempt_at: delivery.createdAtMs,
          first_attempt_at: null,
          lease_owner: null,
          lease_until: null,
          created_at: delivery.createdAtMs,
          delivered_at: null,
          // Behind every earlier delivery of the order; the caller's order lock makes it unique.
          seq: sql<number>`(select coalesce(max(seq), 0) + 1 from deliveries where order_id = ${delivery.orderId})`,
        })
        .onConflict((oc) => oc.columns(['record_id', 'event']).doNothing())
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },

    async hasDeliveryFor(recordId, events) {
      if (events.length === 0) return false;
      const row = await db
        .selectFrom('deliveries')
        .select('delivery_id')
        .where('record_id', '=', recordId)
        .where('event', 'in', [...events])
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    async listDueDeliveries({ nowMs, limit, excludeUrls = [] }) {
      const notExcluded = excludeUrls.length === 0 ? sql`` : sql`and url not in (${sql.join([...excludeUrls])})`;
      // No tie-breaker: with one, SQLite sorts every due row (they often share a due time) instead of
      // walking the (state, next_attempt_at) index and stopping at the limit.
      const { rows } = await sql<{ delivery_id: string; url: string }>`
        select delivery_id, url from deliveries
        where state = 'pending' and next_attempt_at <= ${nowMs} and (lease_until is null or lease_until < ${nowMs})
          and ${isHeadOfOrder('deliveries', nowMs)}
        ${notExcluded}
        order by next_attempt_at
        limit ${limit}`.execute(db);
      return rows.map((row) => ({ deliveryId: row.delivery_id, url: row.url }));
    },

    async leaseDeliveries({ deliveryIds, owner, nowMs, leaseUntilMs }) {
      if (deliveryIds.length === 0) return [];
      const ids = sql.join([...deliveryIds]);
      // PostgreSQL: rows another dispatcher is leasing right now are skipped, not waited for; the
      // outer condition is checked again after the lock, so a row leased meanwhile is left alone.
      // SQLite: `+state` keeps the planner on the primary key; left to itself it walks the
      // (state, next_attempt_at) index through every due row to lease a handful.
      const target = isPostgres
        ? sql`delivery_id in (select delivery_id from deliveries where delivery_id in (${ids}) for update skip locked) and state = 'pending'`
        : sql`delivery_id in (${ids}) and +state = 'pending'`;
      const { rows } = await sql<LeasedRow>`
        update deliveries set lease_owner = ${owner}, lease_until = ${leaseUntilMs}
        where ${target} and next_attempt_at <= ${nowMs} and (lease_until is null or lease_until < ${nowMs})
          and ${isHeadOfOrder('deliveries', nowMs)}
        returning ${LEASED_COLUMNS}`.execute(db);
      return toLeasedDeliveries(rows, nowMs);
    },

    async finishAttempts(owner, finished) {
      if (finished.length === 0) return [];
      // One transaction for a batch: the dispatcher's write cost is per batch, not per attempt.
      return inTransaction(async (trx) => {
        for (let start = 0; start < finished.length; start += ATTEMPT_ROWS_PER_INSERT) {
          const rows = finished.slice(start, start + ATTEMPT_ROWS_PER_INSERT).map(({ attempt: a }) => {
            return sql`(${a.deliveryId}, ${a.startedAtMs}, ${a.latencyMs}, ${a.statusCode}, ${a.error}, ${a.responseExcerpt}, ${a.delivered ? 1 : 0})`;
          });
          await sql`
            insert into delivery_attempts
              (delivery_id, started_at, latency_ms, status_code, error, response_excerpt, delivered)
            values ${sql.join(rows)}`.execute(trx);
        }
        const keptIds = new Set<string>();
        for (let start = 0; start < finished.length; start += OUTCOME_ROWS_PER_UPDATE) {
          const rows = finished
            .slice(start, start + OUTCOME_ROWS_PER_UPDATE)
            .map(({ attempt, firstAttemptAtMs, outcome }) => {
              const nextAttemptAtMs = outcome.state === 'pending' ? outcome.nextAttemptAtMs : null;
              const deliveredAtMs = outcome.state === 'delivered' ? outcome.atMs : null;
              // The casts type the parameters for PostgreSQL; SQLite reads them as integer affinity.
              return sql`(${attempt.deliveryId}, cast(${firstAttemptAtMs} as bigint), ${outcome.state}, cast(${nextAttemptAtMs} as bigint), cast(${deliveredAtMs} as bigint))`;
            });
          // One statement for the whole batch (UPDATE … FROM a VALUES list, in both dialects): per
          // attempt it would be as many statements, and those were most of the dispatcher's cost.
          const updated = await sql<{ delivery_id: string }>`
            update deliveries set
              attempts = deliveries.attempts + 1,
              first_attempt_at = v.column2,
              state = v.column3,
              next_attempt_at = coalesce(v.column4, deliveries.next_attempt_at),
              delivered_at = coalesce(v.column5, deliveries.delivered_at),
              lease_owner = null,
              lease_until = null
            from (values ${sql.join(rows)}) as v
            where deliveries.delivery_id = v.column1 and deliveries.lease_owner = ${owner}
            returning deliveries.delivery_id`.execute(trx);
          for (const row of updated.rows) keptIds.add(row.delivery_id);
        }
        const kept = finished.map((f) => keptIds.has(f.attempt.deliveryId));
        return kept;
      });
    },

    async leaseDueDeliveriesTo({ url, limit, owner, nowMs, leaseUntilMs }) {
      if (limit <= 0) return [];
      const skipLocked = isPostgres ? sql`for update skip locked` : sql``;
      const { rows } = await sql<LeasedRow>`
        update deliveries set lease_owner = ${owner}, lease_until = ${leaseUntilMs}
        where delivery_id in (
          select delivery_id from deliveries due
          where url = ${url} and state = 'pending' and next_attempt_at <= ${nowMs}
            and (lease_until is null or lease_until < ${nowMs})
            and ${isHeadOfOrder('due', nowMs)}
          order by next_attempt_at
          limit ${limit}
          ${skipLocked}
        )
        returning ${LEASED_COLUMNS}`.execute(db);
      return toLeasedDeliveries(rows, nowMs);
    },

    async releaseLeases(owner, deliveryIds) {
      if (deliveryIds.length === 0) return;
      await db
        .updateTable('deliveries')
        .set({ lease_owner: null, lease_until: null })
        .where('delivery_id', 'in', [...deliveryIds])
        .where('lease_owner', '=', owner)
        .execute();
    },

    async findDelivery(deliveryId) {
      const row = await db
        .selectFrom('deliveries')
        .selectAll()
        .where('delivery_id', '=', deliveryId)
        .executeTakeFirst();
      return row === undefined ? null : toDelivery(row);
    },

    async listDeliveries({ appId, states, limit }) {
      let query = db.selectFrom('deliveries').selectAll();
      if (appId !== undefined) query = query.where('app_id', '=', appId);
      if (states !== undefined) {
        if (states.length === 0) return [];
        query = query.where('state', 'in', [...states]);
      }
      const rows = await query.orderBy('created_at', 'desc').orderBy('delivery_id', 'desc').limit(limit).execute();
      return rows.map(toDelivery);
    },

    async listAttempts(deliveryId) {
      const rows = await db
        .selectFrom('delivery_attempts')
        .selectAll()
        .where('delivery_id', '=', deliveryId)
        .orderBy('attempt_id')
        .execute();
      return rows.map(toAttempt);
    },

    async requeueDeliveries({ appId, fromMs, toMs, states, nowMs }) {
      if (states.length === 0) return 0;
      const result = await db
        .updateTable('deliveries')
        .set({ state: 'pending', next_attempt_at: nowMs, delivered_at: null })
        .where('app_id', '=', appId)
        .where('created_at', '>=', fromMs)
        .where('created_at', '<=', toMs)
        .where('state', 'in', [...states])
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async requeueDelivery(deliveryId, nowMs) {
      const result = await db
        .updateTable('deliveries')
        .set({ state: 'pending', next_attempt_at: nowMs, delivered_at: null })
        .where('delivery_id', '=', deliveryId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async listResendRequestTimes(appId, sinceMs) {
      // The limits are checked and then recorded: on PostgreSQL, lock the app's row first so two
      // resends at the same moment queue instead of both passing. SQLite runs one writer at a time.
      if (isPostgres) await sql`select app_id from apps where app_id = ${appId} for update`.execute(db);
      const rows = await db
        .selectFrom('resend_requests')
        .select('requested_at')
        .where('app_id', '=', appId)
        .where('requested_at', '>=', sinceMs)
        .orderBy('requested_at', 'desc')
        .execute();
      return rows.map((row) => Number(row.requested_at));
    },

    async insertResendRequest({ appId, requestedAtMs, resendCount }) {
      await db
        .insertInto('resend_requests')
        .values({ app_id: appId, requested_at: requestedAtMs, resend_count: resendCount })
        .execute();
    },
  };
}

/**
 * True for a delivery that is next in its order: no earlier delivery of the order is still pending
 * and no other one is leased. So an order's webhooks go out one at a time, in the order they were
 * written, and a new one starts only after the one before it was answered (docs/webhooks.md).
 */
function isHeadOfOrder(alias: 'deliveries' | 'due', nowMs: number): RawBuilder<unknown> {
  const row = sql.ref(alias);
  return sql`not exists (
    select 1 from deliveries ahead
    where ahead.order_id = ${row}.order_id and ahead.delivery_id <> ${row}.delivery_id and ahead.state = 'pending'
      and (ahead.seq < ${row}.seq or ahead.lease_until >= ${nowMs}))`;
}

type LeasedRow = Selectable<DeliveriesTable> & {
  order_status: string | null;
  order_expires_at: number | string | null;
};

// The order's status is read in the statement that takes the lease: the newest committed one.
const LEASED_COLUMNS = sql`*,
  (select status from orders where orders.order_id = deliveries.order_id) as order_status,
  (select expires_at from orders where orders.order_id = deliveries.order_id) as order_expires_at`;

function toLeasedDeliveries(rows: readonly LeasedRow[], nowMs: number): LeasedDelivery[] {
  return rows
    .map((row) => {
      const delivery = toDelivery(row);
      const stored = row.order_status;
      const orderStatus =
        stored === null || row.order_expires_at === null || !isOrderWireStatus(stored)
          ? null
          : getOrderStatusAt({ storedStatus: stored, expiresAtMs: Number(row.order_expires_at), nowMs });
      return { ...delivery, orderStatus };
    })
    .sort((a, b) => a.nextAttemptAtMs - b.nextAttemptAtMs);
}

const DELIVERY_STATES: readonly DeliveryState[] = ['pending', 'delivered', 'failed'];
const DELIVERY_EVENTS: readonly DeliveryEvent[] = ['processing', 'success', 'failed'];

/** Maps a row to a delivery, checking its state and event. */
export function toDelivery(row: Selectable<DeliveriesTable>): Delivery {
  const state = DELIVERY_STATES.find((s) => s === row.state);
  const event = DELIVERY_EVENTS.find((e) => e === row.event);
  if (state === undefined) throw new Error(`deliveries.state is unknown: ${row.state}`);
  if (event === undefined) throw new Error(`deliveries.event is unknown: ${row.event}`);
  return {
    deliveryId: row.delivery_id,
    appId: row.app_id,
    orderId: row.order_id,
    recordId: row.record_id,
    event,
    url: row.url,
    body: row.body,
    state,
    attempts: Number(row.attempts),
    nextAttemptAtMs: Number(row.next_attempt_at),
    firstAttemptAtMs: row.first_attempt_at === null ? null : Number(row.first_attempt_at),
    leaseOwner: row.lease_owner,
    leaseUntilMs: row.lease_until === null ? null : Number(row.lease_until),
    createdAtMs: Number(row.created_at),
    deliveredAtMs: row.delivered_at === null ? null : Number(row.delivered_at),
  };
}

function toAttempt(row: Selectable<DeliveryAttemptsTable>): DeliveryAttempt {
  return {
    deliveryId: row.delivery_id,
    startedAtMs: Number(row.started_at),
    latencyMs: Number(row.latency_ms),
    statusCode: row.status_code === null ? null : Number(row.status_code),
    error: row.error,
    responseExcerpt: row.response_excerpt,
    delivered: Number(row.delivered) === 1,
  };
}
