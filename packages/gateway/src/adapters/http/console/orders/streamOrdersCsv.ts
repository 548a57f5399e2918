import { formatAmount } from '../../../../core/money/formatAmount.ts';
import type { Network } from '../../../../core/network.ts';
import type {
  ConsoleOrderCursor,
  ConsoleOrderFilter,
  ConsoleOrderRow,
  ConsoleQueries,
} from '../../../../core/ports/ConsoleQueries.ts';
import { toOrderWireStatus } from '../../../../protocol/toOrderWireStatus.ts';

const HEADER = [
  'order_id',
  'merchant_order_id',
  'app_id',
  'app_name',
  'created_at',
  'status',
  'product_name',
  'product_price',
  'currency',
  'custom_value',
  'network',
  'coin',
  'amount_due',
  'deposit_address',
  'expires_at',
];
/** Rows per read: large enough to amortise a query, small enough to stream in steady pieces. */
const BATCH = 1000;

/**
 * Every order `filter` matches as CSV, newest first, read page by page along the list's own keyset
 * (so memory stays flat however many match) and written as it is read.
 */
export async function* streamOrdersCsv(
  queries: Pick<ConsoleQueries, 'listOrders'>,
  filter: ConsoleOrderFilter,
  networks: readonly Network[],
): AsyncGenerator<string> {
  yield toCsvLine(HEADER);
  let before: ConsoleOrderCursor | undefined;
  for (;;) {
    const page = await queries.listOrders(filter, { limit: BATCH, ...(before === undefined ? {} : { before }) });
    if (page.rows.length > 0) yield page.rows.map((row) => toCsvLine(toCells(row, networks))).join('');
    if (page.next === null) return;
    before = page.next;
  }
}

function toCells({ order, appName, quote }: ConsoleOrderRow, networks: readonly Network[]): string[] {
  const kind = quote === null ? undefined : networks.find((n) => n.key === quote.networkKey)?.kind;
  return [
    order.orderId,
    order.merchantOrderId,
    order.appId,
    appName,
    new Date(order.createdAtMs).toISOString(),
    toOrderWireStatus(order.status),
    order.productName,
    order.productPrice,
    order.denominatedCurrency,
    order.customValue ?? '',
    quote?.networkKey ?? '',
    quote?.symbol ?? '',
    quote === null ? '' : formatAmount(quote.amount, quote.decimals),
    quote === null ? '' : (kind?.formatAddress(quote.address) ?? quote.address),
    new Date(order.expiresAtMs).toISOString(),
  ];
}

/**
 * One CSV line (RFC 4180: every cell quoted, quotes doubled, CRLF). A cell a spreadsheet would
 * run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading
 * `'`: merchants choose product names and custom values, and an operator opens this file.
 */
export function toCsvLine(cells: readonly string[]): string {
  return `${cells.map((cell) => `"${(/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell).replaceAll('"', '""')}"`).join(',')}\r\n`;
}
