import type { Delivery, DeliveryAttempt, DeliveryEvent, DeliveryState, LeasedDelivery } from '../Delivery.ts';

/** A delivery as the outbox first receives it: pending, due at once, never attempted. */
export type NewDelivery = Pick<
  Delivery,
  'deliveryId' | 'appId' | 'orderId' | 'recordId' | 'event' | 'url' | 'body' | 'createdAtMs'
>;

/** What became of a delivery after an attempt. */
export type DeliveryOutcome =
  | { readonly state: 'delivered'; readonly atMs: number }
  | { readonly state: 'pending'; readonly nextAttemptAtMs: number }
  | { readonly state: 'failed' };

/** An attempt about to be made: its row is written before the request leaves. */
export type AttemptStart = {
  readonly deliveryId: string;
  readonly startedAtMs: number;
  /** The lease from now on: it must cover the whole attempt and the write of its outcome. */
  readonly leaseUntilMs: number;
};

/** An attempt just made, and what it means for its delivery. */
export type FinishedAttempt = {
  /** The row `startAttempts` wrote for it. */
  readonly attemptId: number;
  readonly attempt: DeliveryAttempt;
  readonly firstAttemptAtMs: number;
  readonly outcome: DeliveryOutcome;
};

/** A due delivery as the dispatcher first sees it: enough to choose which to lease. */
export type DueDelivery = { readonly deliveryId: string; readonly url: string };

/** The webhook outbox: delivery rows, their attempts, leases and resend requests. */
export type DeliveryStore = {
  /**
   * Inserts the row unless the (record, event) pair has one already; true when inserted. It goes
   * behind the order's earlier deliveries: call it holding the order's row lock, so two
   * transactions cannot give the same place.
   */
  insertDelivery(delivery: NewDelivery): Promise<boolean>;
  /** True when the payment record has a delivery for one of these events. */
  hasDeliveryFor(recordId: string, events: readonly DeliveryEvent[]): Promise<boolean>;
  /**
   * Pending, due and unleased deliveries, oldest due first, none to `excludeUrls` (endpoints without
   * room). Only the head of each order: a delivery waits while an earlier one of its order is
   * pending or any other one of its order is leased.
   */
  listDueDeliveries(p: {
    readonly nowMs: number;
    readonly limit: number;
    readonly excludeUrls?: readonly string[];
  }): Promise<DueDelivery[]>;
  /**
   * Leases those of `deliveryIds` that are still due, unleased and the head of their order to
   * `owner` until `leaseUntilMs` and returns them with their orders' status at `nowMs`; rows another
   * process holds are skipped, never waited for.
   */
  leaseDeliveries(p: {
    readonly deliveryIds: readonly string[];
    readonly owner: string;
    readonly nowMs: number;
    readonly leaseUntilMs: number;
  }): Promise<LeasedDelivery[]>;
  /**
   * Before the requests leave, in one transaction: for each delivery `owner` still holds the lease
   * of, marks its attempts left `sending` by a dead dispatcher `interrupted`, counts the attempt,
   * extends the lease to `leaseUntilMs` and writes a `sending` attempt row. Per start, the new
   * row's id, or null when the lease was lost (another dispatcher has the delivery: do not send).
   */
  startAttempts(owner: string, starts: readonly AttemptStart[]): Promise<(number | null)[]>;
  /**
   * Completes the attempt rows and, for each delivery `owner` still holds the lease of, applies its
   * outcome (releasing the lease), all in one transaction; per attempt, false when the lease was
   * lost, in which case only the attempt row is completed.
   */
  finishAttempts(owner: string, finished: readonly FinishedAttempt[]): Promise<boolean[]>;
  /** Extends `owner`'s leases on these deliveries to `leaseUntilMs`; never shortens one. */
  renewLeases(owner: string, deliveryIds: readonly string[], leaseUntilMs: number): Promise<void>;
  /**
   * Leases to `owner` up to `limit` of the due, unleased deliveries to `url` that head their order,
   * oldest due first, in one statement (the dispatcher refilling one endpoint), with their orders'
   * status at `nowMs`; rows another process holds are skipped.
   */
  leaseDueDeliveriesTo(p: {
    readonly url: string;
    readonly limit: number;
    readonly owner: string;
    readonly nowMs: number;
    readonly leaseUntilMs: number;
  }): Promise<LeasedDelivery[]>;
  /**
   * Gives back leases of `owner` on deliveries it did not attempt (a graceful stop), and wakes the
   * other dispatchers so they take them at once.
   */
  releaseLeases(owner: string, deliveryIds: readonly string[]): Promise<void>;
  findDelivery(deliveryId: string): Promise<Delivery | null>;
  /** Newest first. */
  listDeliveries(p: {
    readonly appId?: string;
    readonly states?: readonly DeliveryState[];
    readonly limit: number;
  }): Promise<Delivery[]>;
  /** Oldest first. */
  listAttempts(deliveryId: string): Promise<DeliveryAttempt[]>;
  /**
   * Makes the app's deliveries created in `[fromMs, toMs]` with one of `states` pending and due at
   * `nowMs` (the attempt count continues); returns how many.
   */
  requeueDeliveries(p: {
    readonly appId: string;
    readonly fromMs: number;
    readonly toMs: number;
    readonly states: readonly DeliveryState[];
    readonly nowMs: number;
  }): Promise<number>;
  /** Makes one delivery pending and due at `nowMs`; false when there is no such delivery. */
  requeueDelivery(deliveryId: string, nowMs: number): Promise<boolean>;
  /**
   * When the app asked for resends at or after `sinceMs`, newest first. Inside a transaction it
   * also holds off the app's other resends until that transaction ends (checked-then-recorded limits).
   */
  listResendRequestTimes(appId: string, sinceMs: number): Promise<number[]>;
  insertResendRequest(p: {
    readonly appId: string;
    readonly requestedAtMs: number;
    readonly resendCount: number;
  }): Promise<void>;
};
