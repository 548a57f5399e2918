import { type Kysely, sql } from 'kysely';
import type { DeliveryStore } from '../../../core/ports.ts';
import type { KassaDialect } from '../dialect/KassaDialect.ts';
import type { Database } from '../schema.ts';
import { finishDeliveryAttempts } from './finishDeliveryAttempts.ts';
import { leaseDeliveries } from './leaseDeliveries.ts';
import { leaseDueDeliveriesTo } from './leaseDueDeliveriesTo.ts';
import { listDueDeliveries } from './listDueDeliveries.ts';
import { startDeliveryAttempts } from './startDeliveryAttempts.ts';
import { toDelivery } from './toDelivery.ts';
import { toDeliveryAttempt } from './toDeliveryAttempt.ts';

/**
 * The webhook outbox in the database. The dispatcher's hot statements (listDueDeliveries,
 * leaseDeliveries, leaseDueDeliveriesTo, finishDeliveryAttempts) are SQL templates in files of their
 * own: building them with the query builder took more CPU than SQLite took to run them. Where the
 * dialects differ (leasing, the resend lock) the dialect says how. `onDue` runs after every
 * statement that made deliveries due at once (an insert, a requeue), in the same transaction, so
 * the dispatcher can be woken when it commits.
 */
export function createDeliveryStore(
  db: Kysely<Database>,
  dialect: KassaDialect,
  onDue: () => Promise<void>,
): DeliveryStore {
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
      const isInserted = (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
      if (isInserted) await onDue();
      return isInserted;
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

    listDueDeliveries: (p) => listDueDeliveries(db, p),
    leaseDeliveries: (p) => leaseDeliveries({ db, dialect }, p),
    startAttempts: (owner, starts) => startDeliveryAttempts(db, owner, starts),
    finishAttempts: (owner, finished) => finishDeliveryAttempts(db, owner, finished),
    leaseDueDeliveriesTo: (p) => leaseDueDeliveriesTo({ db, dialect }, p),

    async renewLeases(owner, deliveryIds, leaseUntilMs) {
      if (deliveryIds.length === 0) return;
      await db
        .updateTable('deliveries')
        .set({ lease_until: leaseUntilMs })
        .where('delivery_id', 'in', [...deliveryIds])
        .where('lease_owner', '=', owner)
        // An attempt that started meanwhile holds a longer lease: keep it.
        .where('lease_until', '<', leaseUntilMs)
        .execute();
    },

    async releaseLeases(owner, deliveryIds) {
      if (deliveryIds.length === 0) return;
      const result = await db
        .updateTable('deliveries')
        .set({ lease_owner: null, lease_until: null })
        .where('delivery_id', 'in', [...deliveryIds])
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      // Due at once for the other dispatchers: word saves them waiting for their next poll.
      if (result.numUpdatedRows > 0n) await onDue();
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
      return rows.map(toDeliveryAttempt);
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
      const requeued = Number(result.numUpdatedRows);
      if (requeued > 0) await onDue();
      return requeued;
    },

    async requeueDelivery(deliveryId, nowMs) {
      const result = await db
        .updateTable('deliveries')
        .set({ state: 'pending', next_attempt_at: nowMs, delivered_at: null })
        .where('delivery_id', '=', deliveryId)
        .executeTakeFirst();
      const isRequeued = result.numUpdatedRows > 0n;
      if (isRequeued) await onDue();
      return isRequeued;
    },

    async listResendRequestTimes(appId, sinceMs) {
      // The limits are checked and then recorded: lock the app's row first so two resends at the
      // same moment queue instead of both passing.
      await dialect.lockRowsForUpdate(db, sql`select app_id from apps where app_id = ${appId}`);
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
