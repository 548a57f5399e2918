import type { Network } from '../../../../core/network.ts';
import type { ConsoleAppName, ConsoleOrderCursor, ConsoleOrderRow } from '../../../../core/ports/ConsoleQueries.ts';
import type { ConsoleSession } from '../auth/ConsoleSession.ts';
import type { ConsoleAssetHrefs } from '../ConsoleContext.ts';
import { ConsoleLayout } from '../layout/ConsoleLayout.tsx';
import { buildOrdersHref } from './buildOrdersHref.ts';
import { OrderFilters } from './OrderFilters.tsx';
import { OrderTable } from './OrderTable.tsx';
import { formatOrderCursor, type OrderListRequest } from './readOrderListQuery.ts';

export type OrdersPageProps = {
  readonly assets: ConsoleAssetHrefs;
  readonly session: ConsoleSession;
  readonly apps: readonly ConsoleAppName[];
  readonly networks: readonly Network[];
  readonly request: OrderListRequest;
  readonly rows: readonly ConsoleOrderRow[];
  /** Older orders start here; null on the last page (and for search results). */
  readonly next: ConsoleOrderCursor | null;
  /** True when the rows answer the search box rather than the filters. */
  readonly isSearch: boolean;
};

/** `/console/orders`: search, filters, a page of orders newest first, and the pager (no page numbers: no counting). */
export function OrdersPage(p: OrdersPageProps) {
  const { form } = p.request;
  return (
    <ConsoleLayout title="Orders" assets={p.assets} session={p.session} active="orders">
      <OrderFilters form={form} apps={p.apps} networks={p.networks} />
      {p.request.problems.map((problem) => (
        <p class="error" role="alert" key={problem}>
          {problem}
        </p>
      ))}
      {p.isSearch ? (
        <h2>
          {`Orders matching “${form.q}” `}
          <a href={buildOrdersHref({ ...form, q: '' })}>clear search</a>
        </h2>
      ) : (
        <div class="actions">
          <a
            class="button secondary"
            href={buildOrdersHref({ ...form, q: '' }, { path: '/console/orders.csv' })}
            download
          >
            Download CSV
          </a>
          <span class="muted">every order the filters match</span>
        </div>
      )}
      {p.rows.length === 0 ? (
        <p class="muted">
          {p.next === null ? 'No orders match.' : 'No orders match in this stretch: look further back.'}
        </p>
      ) : (
        <OrderTable rows={p.rows} networks={p.networks} />
      )}
      <nav class="pager" aria-label="Pages">
        {p.request.before === undefined || p.isSearch ? null : <a href={buildOrdersHref(form)}>Newest orders</a>}
        {p.next === null ? null : (
          <a rel="next" href={buildOrdersHref(form, { before: formatOrderCursor(p.next) })}>
            Older orders
          </a>
        )}
      </nav>
    </ConsoleLayout>
  );
}
