import type { OrderStatus } from '../../../../core/OrderStatus.ts';
import type { ConsoleOrderCursor, ConsoleOrderFilter } from '../../../../core/ports/ConsoleQueries.ts';
import { parseOrderWireStatus } from '../../../../protocol/parseOrderWireStatus.ts';

/** The orders page's query string as sent: every field a form control or the pager wrote. */
export type OrderListQuery = {
  readonly app?: string;
  readonly status?: string;
  readonly network?: string;
  readonly coin?: string;
  /** `YYYY-MM-DD` (UTC), inclusive. */
  readonly from?: string;
  readonly to?: string;
  readonly q?: string;
  /** `<created_at ms>.<order id>`: the last order of the page before. */
  readonly before?: string;
};

export type OrderListRequest = {
  readonly filter: ConsoleOrderFilter;
  readonly before: ConsoleOrderCursor | undefined;
  /** The fields as the form shows them again (cleaned of what was refused). */
  readonly form: Required<Omit<OrderListQuery, 'before'>>;
  /** What was refused, for the operator; the rest of the filter still applies. */
  readonly problems: readonly string[];
};

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CURSOR = /^(\d{1,16})\.(.{1,100})$/;

/** Reads the query string into a filter; a field it cannot read is left out and named in `problems`. */
export function readOrderListQuery(query: OrderListQuery): OrderListRequest {
  const problems: string[] = [];
  const text = (value: string | undefined) => (typeof value === 'string' ? value.trim().slice(0, 256) : '');
  const form = {
    app: text(query.app),
    status: text(query.status),
    network: text(query.network),
    coin: text(query.coin),
    from: text(query.from),
    to: text(query.to),
    q: text(query.q),
  };
  let status: OrderStatus | undefined;
  if (form.status !== '') {
    status = parseOrderWireStatus(form.status);
    if (status === undefined) {
      problems.push(`Unknown status "${form.status}".`);
      form.status = '';
    }
  }
  const fromMs = readDay(form.from, 'From', problems);
  const toMs = readDay(form.to, 'To', problems);
  if (fromMs === undefined) form.from = '';
  if (toMs === undefined) form.to = '';
  const filter: ConsoleOrderFilter = {
    ...(form.app === '' ? {} : { appId: form.app }),
    ...(status === undefined ? {} : { status }),
    ...(form.network === '' ? {} : { networkKey: form.network }),
    ...(form.coin === '' ? {} : { symbol: form.coin }),
    ...(fromMs === undefined ? {} : { createdFromMs: fromMs }),
    // The day named in "to" is included: orders before the next midnight.
    ...(toMs === undefined ? {} : { createdBeforeMs: toMs + DAY_MS }),
  };
  return { filter, before: readCursor(query.before), form, problems };
}

function readDay(text: string, label: string, problems: string[]): number | undefined {
  if (text === '') return undefined;
  const match = DATE.exec(text);
  const ms = match === null ? Number.NaN : Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text) {
    problems.push(`${label} must be a date (YYYY-MM-DD).`);
    return undefined;
  }
  return ms;
}

function readCursor(text: string | undefined): ConsoleOrderCursor | undefined {
  const match = typeof text === 'string' ? CURSOR.exec(text) : null;
  if (match === null) return undefined;
  return { createdAtMs: Number(match[1]), orderId: match[2] ?? '' };
}

/** The pager's `before` value for a cursor. */
export function formatOrderCursor(cursor: ConsoleOrderCursor): string {
  return `${cursor.createdAtMs}.${cursor.orderId}`;
}
