import { formatAmount } from '../../../../core/money/formatAmount.ts';
import type { Network } from '../../../../core/network.ts';
import type { ConsoleOrderRow } from '../../../../core/ports/ConsoleQueries.ts';
import { formatConsoleTime } from '../layout/formatConsoleTime.ts';
import { ScrollingTable } from '../layout/ScrollingTable.tsx';
import { OrderStatusBadge } from './OrderStatusBadge.tsx';

/** Orders as rows: each links to its page. The table scrolls sideways on a phone, the page does not. */
export function OrderTable({
  rows,
  networks,
}: {
  readonly rows: readonly ConsoleOrderRow[];
  readonly networks: readonly Network[];
}) {
  return (
    <ScrollingTable label="Orders">
      <thead>
        <tr>
          <th scope="col">Created</th>
          <th scope="col">Merchant order</th>
          <th scope="col">App</th>
          <th scope="col">Product</th>
          <th scope="col" class="num">
            Price
          </th>
          <th scope="col">Coin</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ order, appName, quote }) => (
          <tr key={order.orderId}>
            <td class="nowrap">{formatConsoleTime(order.createdAtMs)}</td>
            <td>
              <a href={`/console/orders/${encodeURIComponent(order.orderId)}`}>{order.merchantOrderId}</a>
              <br />
              <code class="muted">{order.orderId}</code>
            </td>
            <td>{appName}</td>
            <td>{order.productName}</td>
            <td class="num nowrap">{`${order.productPrice} ${order.denominatedCurrency}`}</td>
            <td class="nowrap">
              {quote === null ? (
                <span class="muted">not chosen</span>
              ) : (
                `${formatAmount(quote.amount, quote.decimals)} ${quote.symbol} · ${networkLabel(networks, quote.networkKey)}`
              )}
            </td>
            <td>
              <OrderStatusBadge status={order.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollingTable>
  );
}

function networkLabel(networks: readonly Network[], networkKey: string): string {
  return networks.some((n) => n.key === networkKey) ? networkKey : `${networkKey} (not configured)`;
}
