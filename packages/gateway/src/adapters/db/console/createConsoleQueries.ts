import type { ConsoleQueries } from '../../../core/ports/ConsoleQueries.ts';
import type { KassaDb } from '../createDb.ts';
import { countConsoleBacklog } from './countConsoleBacklog.ts';
import { findConsoleOrderDetail } from './findConsoleOrderDetail.ts';
import { listConsoleDeliveries } from './listConsoleDeliveries.ts';
import { listConsoleOrders, QUOTE_FILTER_STRETCH } from './listConsoleOrders.ts';
import { searchConsoleOrders } from './searchConsoleOrders.ts';
import { countOrdersByDay, sumPaidVolumeByDay } from './summarizeConsoleDays.ts';

export type CreateConsoleQueriesOptions = {
  /** Orders a quote-filtered page looks through at most (tests make it small). */
  readonly quoteFilterStretch?: number;
};

/** The console's read model over the gateway's tables (SQLite or PostgreSQL alike). */
export function createConsoleQueries(
  { db, dialect }: KassaDb,
  { quoteFilterStretch = QUOTE_FILTER_STRETCH }: CreateConsoleQueriesOptions = {},
): ConsoleQueries {
  return {
    async listAppNames() {
      const rows = await db.selectFrom('apps').select(['app_id', 'name']).orderBy('name').orderBy('app_id').execute();
      return rows.map((row) => ({ appId: row.app_id, name: row.name }));
    },
    listOrders: (filter, page) => listConsoleOrders(db, filter, page, quoteFilterStretch),
    searchOrders: (keys, limit) => searchConsoleOrders(db, keys, limit),
    findOrderDetail: (orderId) => findConsoleOrderDetail(db, orderId),
    countOrdersByDay: (p) => countOrdersByDay(db, p),
    sumPaidVolumeByDay: (p) => sumPaidVolumeByDay(db, dialect.name, p),
    countBacklog: (nowMs, cap) => countConsoleBacklog(db, nowMs, cap),
    listDeliveries: (filter, page) => listConsoleDeliveries(db, filter, page),
  };
}
