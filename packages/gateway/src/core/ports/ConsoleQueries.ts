import type { Delivery, DeliveryAttempt, DeliveryState } from '../Delivery.ts';
import type { Order } from '../Order.ts';
import type { OrderStatus } from '../OrderStatus.ts';
import type { Payment } from '../Payment.ts';
import type { Quote } from '../Quote.ts';

/** An app as the console names it (never its secret). */
export type ConsoleAppName = { readonly appId: string; readonly name: string };

/** Which orders a console list shows; every field narrows it. */
export type ConsoleOrderFilter = {
  readonly appId?: string;
  readonly status?: OrderStatus;
  /** Orders with a quote on this network (any of their quotes). */
  readonly networkKey?: string;
  /** Orders with a quote in this coin (token symbol, any network unless `networkKey` is set too). */
  readonly symbol?: string;
  /** Created at or after. */
  readonly createdFromMs?: number;
  /** Created before. */
  readonly createdBeforeMs?: number;
};

/** A place in the newest-first list of orders: the next page holds what comes strictly after it. */
export type ConsoleOrderCursor = { readonly createdAtMs: number; readonly orderId: string };

/** One line of an order list: the order, its app's name and its newest quote (null before any). */
export type ConsoleOrderRow = {
  readonly order: Order;
  readonly appName: string;
  readonly quote: Quote | null;
};

export type ConsoleOrderPage = {
  readonly rows: readonly ConsoleOrderRow[];
  /**
   * Where to go on (older orders); null when nothing older matches. A page can hold fewer rows than
   * asked and still have a next one: a filter on quotes stops looking after a bounded stretch of
   * orders, so a rare coin never makes one request read the whole table.
   */
  readonly next: ConsoleOrderCursor | null;
};

/** What a search box holds, read as every kind of key it can be. */
export type ConsoleSearchKeys = {
  /** The text as typed (trimmed): a merchant order id can be anything. */
  readonly merchantOrderId: string;
  readonly orderId?: string;
  /** Lower-case 0x hex, the form addresses are held in. */
  readonly address?: string;
  /** Lower-case 0x hex. */
  readonly txid?: string;
};

/** A delivery with every attempt, oldest first. */
export type ConsoleDeliveryWithAttempts = {
  readonly delivery: Delivery;
  readonly attempts: readonly DeliveryAttempt[];
};

/** Everything the order page shows. */
export type ConsoleOrderDetail = {
  readonly order: Order;
  readonly appName: string;
  /** Oldest first. */
  readonly quotes: readonly Quote[];
  /** In the order they were seen. */
  readonly payments: readonly Payment[];
  /** In the order they go out (the order's sequence). */
  readonly deliveries: readonly ConsoleDeliveryWithAttempts[];
};

/** Which deliveries the webhooks page lists. */
export type ConsoleDeliveryFilter = { readonly state: DeliveryState; readonly appId?: string };

/** A place in a delivery list: by next attempt time, newest first. */
export type ConsoleDeliveryCursor = { readonly nextAttemptAtMs: number; readonly deliveryId: string };

export type ConsoleDeliveryRow = {
  readonly delivery: Delivery;
  readonly appName: string;
  /** The newest attempt, if any. */
  readonly lastAttempt: DeliveryAttempt | null;
};

/** Orders created per UTC day. */
export type DailyOrderCount = { readonly day: number; readonly orders: number };

/**
 * Confirmed payments per UTC day (of confirmation), network, coin and rate: amounts summed exactly
 * in the database, so a month of payments never travels row by row.
 */
export type DailyPaidVolume = {
  /** Days since the epoch (UTC). */
  readonly day: number;
  readonly networkKey: string;
  readonly symbol: string;
  readonly decimals: number;
  /** USD per whole token of the quotes paid. */
  readonly tokenRate: string;
  readonly payments: number;
  /** Base units. */
  readonly amount: bigint;
};

/** Counts the overview shows beside the activity; each stops at the cap it was asked with, plus one. */
export type ConsoleBacklog = {
  /** Orders without funds still inside their valid period at the moment asked. */
  readonly openOrders: number;
  /** Deliveries out of attempts. */
  readonly failedDeliveries: number;
  /** Pending deliveries that failed at least once and wait for a retry. */
  readonly retryingDeliveries: number;
};

/** The console's reads across tables (lists, search, overview), answered by SQL of its own. */
export type ConsoleQueries = {
  listAppNames(): Promise<ConsoleAppName[]>;
  /** Newest first (creation time, then order id), `limit` at most, after `before` when given. */
  listOrders(
    filter: ConsoleOrderFilter,
    page: { before?: ConsoleOrderCursor; limit: number },
  ): Promise<ConsoleOrderPage>;
  /** Orders matching any of the keys, newest first, at most `limit`. */
  searchOrders(keys: ConsoleSearchKeys, limit: number): Promise<ConsoleOrderRow[]>;
  findOrderDetail(orderId: string): Promise<ConsoleOrderDetail | null>;
  countOrdersByDay(p: { readonly fromMs: number; readonly toMs: number }): Promise<DailyOrderCount[]>;
  sumPaidVolumeByDay(p: { readonly fromMs: number; readonly toMs: number }): Promise<DailyPaidVolume[]>;
  /** What waits at `nowMs`; a count above `cap` means "more than `cap`" (it is not counted further). */
  countBacklog(nowMs: number, cap: number): Promise<ConsoleBacklog>;
  listDeliveries(
    filter: ConsoleDeliveryFilter,
    page: { before?: ConsoleDeliveryCursor; limit: number },
  ): Promise<ConsoleDeliveryRow[]>;
};
