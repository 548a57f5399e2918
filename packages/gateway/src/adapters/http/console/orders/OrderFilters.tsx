import type { Network } from '../../../../core/network.ts';
import { ORDER_STATUSES } from '../../../../core/OrderStatus.ts';
import type { ConsoleAppName } from '../../../../core/ports/ConsoleQueries.ts';
import { toOrderWireStatus } from '../../../../protocol/toOrderWireStatus.ts';
import type { OrderListRequest } from './readOrderListQuery.ts';

export type OrderFiltersProps = {
  readonly form: OrderListRequest['form'];
  readonly apps: readonly ConsoleAppName[];
  readonly networks: readonly Network[];
};

/** The search box and the filter form of the orders list; both are plain GET forms. */
export function OrderFilters({ form, apps, networks }: OrderFiltersProps) {
  const symbols = [...new Set(networks.flatMap((n) => n.tokens.map((t) => t.symbol)))].sort();
  return (
    <>
      <search>
        <form class="filters" method="get" action="/console/orders">
          <div class="field">
            <label for="order-search">Find an order</label>
            <input
              id="order-search"
              name="q"
              type="search"
              value={form.q}
              maxLength={256}
              placeholder="Merchant order id, order id, address or txid"
              autocomplete="off"
              spellcheck={false}
            />
          </div>
          <button type="submit">Search</button>
        </form>
      </search>
      <form class="filters" method="get" action="/console/orders" aria-label="Filter orders">
        <Choice id="f-app" name="app" label="App" value={form.app} options={apps.map((a) => [a.appId, a.name])} />
        <Choice
          id="f-status"
          name="status"
          label="Status"
          value={form.status}
          options={ORDER_STATUSES.map((s) => [toOrderWireStatus(s), toOrderWireStatus(s)])}
        />
        <Choice
          id="f-network"
          name="network"
          label="Network"
          value={form.network}
          options={networks.map((n) => [n.key, n.key])}
        />
        <Choice id="f-coin" name="coin" label="Coin" value={form.coin} options={symbols.map((s) => [s, s])} />
        <div class="field">
          <label for="f-from">Created from</label>
          <input id="f-from" name="from" type="date" value={form.from} />
        </div>
        <div class="field">
          <label for="f-to">Created to</label>
          <input id="f-to" name="to" type="date" value={form.to} />
        </div>
        <button type="submit">Filter</button>
        <a class="button secondary" href="/console/orders">
          Clear
        </a>
      </form>
    </>
  );
}

function Choice(p: {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly options: readonly (readonly [string, string])[];
}) {
  return (
    <div class="field">
      <label for={p.id}>{p.label}</label>
      <select id={p.id} name={p.name}>
        <option value="">Any</option>
        {p.options.map(([value, text]) => (
          <option key={value} value={value} selected={value === p.value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
