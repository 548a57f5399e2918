import type { App } from './App.ts';
import type { Delivery, DeliveryAttempt, DeliveryEvent, DeliveryState, LeasedDelivery } from './Delivery.ts';
import type { Decimal } from './money/Decimal.ts';
import type { Order } from './Order.ts';
import type { Payment } from './Payment.ts';
import type { Quote } from './Quote.ts';

/** The one source of "now" (epoch ms): tests move it, code never reads the system clock itself. */
export type Clock = { now(): number };

/** Randomness for identifiers: tests may make it deterministic. */
export type IdSource = {
  /** A 33-digit time-sortable id (`order_id`, `record_id`, `app_id`). */
  createId(): string;
  /** An unguessable URL-safe token (≥ 128 bits). */
  createToken(): string;
  /** A new app secret (≥ 32 random characters). */
  createSecret(): string;
};

export type NewApp = {
  readonly appId: string;
  readonly name: string;
  readonly secret: string;
  readonly webhookUrl: string | null;
  readonly createdAtMs: number;
};

export type AppSettingsChange = {
  readonly webhookUrl?: string | null;
  readonly feeRate?: Decimal;
  readonly paymentTolerance?: Decimal;
  readonly notifyProcessing?: boolean;
};

/** Apps and their secrets; the adapter encrypts secrets at rest. */
export type AppStore = {
  insertApp(app: NewApp): Promise<void>;
  findApp(appId: string): Promise<App | null>;
  listApps(): Promise<App[]>;
  /** Replaces the secret; false when no such app. */
  updateSecret(appId: string, secret: string, nowMs: number): Promise<boolean>;
  updateSettings(appId: string, change: AppSettingsChange, nowMs: number): Promise<boolean>;
};

export type InsertOrderResult =
  | { readonly inserted: true; readonly order: Order }
  /** The (app, merchant_order_id) pair existed: here is the order that holds it. */
  | { readonly inserted: false; readonly order: Order };

export type OrderStore = {
  /** Inserts unless the app already has that merchant order id (idempotent by unique key). */
  insertOrder(order: Order): Promise<InsertOrderResult>;
  findOrder(orderId: string): Promise<Order | null>;
  findOrderByCheckoutToken(token: string): Promise<Order | null>;
  findOrdersByMerchantOrderIds(appId: string, merchantOrderIds: readonly string[]): Promise<Order[]>;
  updateStatus(orderId: string, status: Order['status']): Promise<void>;
  /**
   * Takes the order's row lock for the rest of the transaction (PostgreSQL; SQLite has one writer
   * anyway), so two watchers recording payments of one order do not compute its status from
   * stale views.
   */
  lockOrder(orderId: string): Promise<void>;
  /**
   * Sets `Expired` on up to `limit` `Pending` orders whose valid period ended by `nowMs`; returns
   * how many. `Pending` means no confirmed funds, as the watcher keeps the status current.
   */
  expirePendingOrders(nowMs: number, limit: number): Promise<number>;
};

/** A quote before the database numbered it. */
export type NewQuote = Omit<Quote, 'quoteId'>;

/** A quote whose address is still watched, with the moment it stops being watched. */
export type WatchedQuote = Quote & {
  /** The order's `watch_until`: expiry plus the late-payment window. */
  readonly watchUntilMs: number;
};

export type QuoteStore = {
  /** Every quote of these orders, oldest first. */
  listQuotesForOrders(orderIds: readonly string[]): Promise<Quote[]>;
  /** Inserts a quote and returns it with its id. */
  insertQuote(quote: NewQuote): Promise<Quote>;
  /**
   * Quotes on `networkKey` with id above `afterQuoteId` whose order is watched at `nowMs`
   * (`watch_until > nowMs`), by ascending id: the watcher's address set, loaded incrementally.
   * Ids are assigned at insert and may commit out of order under concurrency, so a caller that
   * follows by id should reload from 0 now and then (or re-read a margin below its last id).
   */
  listWatchedQuotes(networkKey: string, nowMs: number, afterQuoteId: number): Promise<WatchedQuote[]>;
  /**
   * Sets a new rate and amount (same address) when the quote is still priced at `pricedAtMs` and
   * its order has no payment at all, in one conditional UPDATE; false when another caller re-priced
   * it first or a payment arrived.
   */
  repriceUnpaidQuote(p: RepriceQuote): Promise<boolean>;
};

/** A new price for an existing quote, conditional on the price it replaces. */
export type RepriceQuote = {
  readonly quoteId: number;
  /** The `priced_at` the caller saw: a concurrent re-pricing changes it and makes this one a no-op. */
  readonly pricedAtMs: number;
  readonly tokenRate: string;
  readonly amount: bigint;
  readonly nowMs: number;
};

/** Deposit-address indexes, one counter per xpub. */
export type AddressStore = {
  /**
   * Hands out the next unused index of the xpub `xpubId` names (0, 1, 2, …). Atomic in the
   * database: never the same index twice, across restarts and concurrent processes.
   */
  allocateIndex(xpubId: string): Promise<number>;
};

export type PaymentStore = {
  /** Every payment of these orders, in the order they were seen. */
  listPaymentsForOrders(orderIds: readonly string[]): Promise<Payment[]>;
  /**
   * Inserts a payment unless a live (not `failed`) payment of the same transfer exists (network,
   * txid, log index): one statement, so a rescan or a second watcher records nothing twice. True
   * when inserted.
   */
  insertPayment(payment: Payment): Promise<boolean>;
  /** The network's `processing` payments: those still waiting for confirmations. */
  listProcessingPayments(networkKey: string): Promise<Payment[]>;
  /** The network's live (`processing` or `success`) payments in blocks with these hashes. */
  listLivePaymentsInBlocks(networkKey: string, blockHashes: readonly string[]): Promise<Payment[]>;
  /** `processing` → `success`; false when the payment was not processing. */
  markPaymentConfirmed(recordId: string, confirmedAtMs: number): Promise<boolean>;
  /** `processing` or `success` → `failed` (its block was orphaned); false when already failed. */
  markPaymentFailed(recordId: string, failedAtMs: number): Promise<boolean>;
};

/** A block the watcher scanned, kept for a while to notice when the chain forks under it. */
export type ChainBlock = {
  readonly blockNumber: bigint;
  readonly blockHash: string;
  readonly parentHash: string;
};

/** A network watcher's cursor as stored: how far it has scanned, and when it last wrote. */
export type ChainCursor = {
  readonly networkKey: string;
  /** The next block to scan: the newest scanned block is one below. */
  readonly nextBlock: bigint;
  readonly updatedAtMs: number;
};

/** Where each network's watcher stands: its cursor and the recent block hashes. */
export type ChainStore = {
  /** The next block to scan, or null before the first start. */
  findCursor(networkKey: string): Promise<bigint | null>;
  /** Every network's cursor (for `get/network/height/info` and watcher health). */
  listCursors(): Promise<ChainCursor[]>;
  /** Stores the cursor unless one exists; returns the stored one (first writer wins). */
  initCursor(networkKey: string, nextBlock: bigint, nowMs: number): Promise<bigint>;
  setCursor(networkKey: string, nextBlock: bigint, nowMs: number): Promise<void>;
  /** Stores (or replaces) block hashes. */
  saveBlocks(networkKey: string, blocks: readonly ChainBlock[]): Promise<void>;
  findBlock(networkKey: string, blockNumber: bigint): Promise<ChainBlock | null>;
  /** Every kept block of the network, ascending. */
  listBlocks(networkKey: string): Promise<ChainBlock[]>;
  /** Forgets blocks at or above `fromBlock` (orphaned by a reorg). */
  deleteBlocksFrom(networkKey: string, fromBlock: bigint): Promise<void>;
  /** Forgets blocks below `belowBlock` (too old to be reorged). */
  pruneBlocks(networkKey: string, belowBlock: bigint): Promise<void>;
};

export type NewDelivery = {
  readonly deliveryId: string;
  readonly appId: string;
  readonly orderId: string;
  readonly recordId: string;
  readonly event: DeliveryEvent;
  readonly url: string;
  readonly body: string;
  readonly createdAtMs: number;
};

/** What became of a delivery after an attempt. */
export type DeliveryOutcome =
  | { readonly state: 'delivered'; readonly atMs: number }
  | { readonly state: 'pending'; readonly nextAttemptAtMs: number }
  | { readonly state: 'failed' };

/** An attempt just made, and what it means for its delivery. */
export type FinishedAttempt = {
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
   * Records attempts and, for each delivery `owner` still holds the lease of, its outcome
   * (releasing the lease), all in one transaction; per attempt, false when the lease was lost, in
   * which case only the attempt row is written.
   */
  finishAttempts(owner: string, finished: readonly FinishedAttempt[]): Promise<boolean[]>;
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
  /** Gives back leases of `owner` on deliveries it did not attempt (a graceful stop). */
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

/** The stores that can take part in one transaction. */
export type Stores = {
  readonly apps: AppStore;
  readonly orders: OrderStore;
  readonly quotes: QuoteStore;
  readonly payments: PaymentStore;
  readonly deliveries: DeliveryStore;
  readonly addresses: AddressStore;
  readonly chain: ChainStore;
};

/** Persistence as the use cases see it: stores, and a way to change several atomically. */
export type Store = Stores & {
  /** Runs `work` in one database transaction: all of its writes commit, or none. */
  transaction<T>(work: (tx: Stores) => Promise<T>): Promise<T>;
};
