import { sql } from 'kysely';
import type { KassaDb } from '../../packages/gateway/src/adapters/db/createDb.ts';

/** The apps the console benchmark's orders belong to, by share of the orders. */
export const CONSOLE_BENCH_APPS = [
  { appId: 'bench-app-a', name: 'Big shop' },
  { appId: 'bench-app-b', name: 'Middle shop' },
  { appId: 'bench-app-c', name: 'Small shop' },
] as const;

/** Spacing of the seeded orders: a million of them cover a year. */
export const ORDER_SPACING_MS = 31_536;

/**
 * Order `i`'s coin by `i * 7 % 20`: BSC USDT 40 %, TRON USDT 25 %, ETH USDC 15 %, POLYGON USDT 10 %,
 * ETH 5 %, BASE USDC 5 %; every tenth order never got a quote (the buyer left before choosing).
 */
const COINS = `case
  when (i * 7) % 20 < 8 then 'BSC|USDT|18|1'
  when (i * 7) % 20 < 13 then 'TRON|USDT|6|1'
  when (i * 7) % 20 < 16 then 'ETH|USDC|6|1'
  when (i * 7) % 20 < 18 then 'POLYGON|USDT|6|1'
  when (i * 7) % 20 < 19 then 'ETH|ETH|18|2500.5'
  else 'BASE|USDC|6|1' end`;

/** What each dialect writes differently: a number series and fixed-width number text. */
type SeedSql = {
  readonly series: (count: number) => string;
  readonly hex: (expr: string, width: number) => string;
  readonly digits: (expr: string, width: number) => string;
  readonly part: (expr: string, index: number) => string;
};

const SQLITE: SeedSql = {
  series: (count) =>
    `(with recursive s(i) as (select 0 union all select i + 1 from s where i < ${count - 1}) select i from s)`,
  hex: (expr, width) => `printf('%0${width}x', ${expr})`,
  digits: (expr, width) => `printf('%0${width}d', ${expr})`,
  // The n-th field of 'a|b|c|d'.
  part: (expr, index) =>
    index === 0
      ? `substr(${expr}, 1, instr(${expr}, '|') - 1)`
      : SQLITE.part(`substr(${expr}, instr(${expr}, '|') + 1)`, index - 1),
};

const POSTGRES: SeedSql = {
  series: (count) => `(select generate_series(0, ${count - 1})::bigint as i)`,
  hex: (expr, width) => `lpad(to_hex(${expr}), ${width}, '0')`,
  digits: (expr, width) => `lpad((${expr})::text, ${width}, '0')`,
  part: (expr, index) => `split_part(${expr}, '|', ${index + 1})`,
};

/**
 * Fills the gateway's tables with `count` orders (order `i` created `i × 31.5 s` before `nowMs`),
 * nine in ten with a quote, a third paid with one confirmed payment and its webhook (97 % delivered
 * at the first attempt, 1 % failed, 1 % retrying), written by a few INSERT … SELECT over a
 * number series inside the database: a million orders in about a minute rather than an hour of API calls.
 */
export async function seedConsoleData(kassaDb: KassaDb, count: number, nowMs: number): Promise<void> {
  const { db } = kassaDb;
  const d = kassaDb.dialect.name === 'postgres' ? POSTGRES : SQLITE;
  const run = (text: string) => sql.raw(text).execute(db);
  for (const app of CONSOLE_BENCH_APPS) {
    await db
      .insertInto('apps')
      .values({
        app_id: app.appId,
        name: app.name,
        secret_ciphertext: 'x',
        fee_rate: '0',
        payment_tolerance: '0',
        webhook_url: 'https://shop.example/hook',
        notify_processing: 0,
        created_at: nowMs,
        updated_at: nowMs,
      })
      .execute();
  }
  await seedOrdersAndQuotes(run, d, count, nowMs);
  await seedPaymentsAndWebhooks(run, d, count, nowMs);
  await run(
    `insert into chain_cursors (network_key, next_block, updated_at) values ('BSC', '45000000', ${nowMs}), ('TRON', '70000000', ${nowMs})`,
  );
  // Fresh statistics and (PostgreSQL) a visibility map, as a database that grew to this size over a
  // year would have from autovacuum: index-only scans then skip the table.
  await run(kassaDb.dialect.name === 'postgres' ? 'vacuum analyze' : 'analyze');
}

type Run = (text: string) => Promise<unknown>;

const createdAt = (nowMs: number) => `(${nowMs} - i * ${ORDER_SPACING_MS})`;
/** Order i is paid: a third of the quoted ones, none of the last hour's. */
const isPaid = (nowMs: number) => `(i % 3 = 1 and i % 10 <> 0 and ${createdAt(nowMs)} < ${nowMs - 3_600_000})`;

async function seedOrdersAndQuotes(run: Run, d: SeedSql, count: number, nowMs: number): Promise<void> {
  const created = createdAt(nowMs);
  const paid = isPaid(nowMs);
  await run(`insert into orders (order_id, app_id, merchant_order_id, kind, product_name, product_price,
      denominated_currency, price_usd_cents, valid_period_seconds, return_url, notify_url, custom_value, remark,
      checkout_token, request_fingerprint, status, created_at, expires_at, watch_until)
    select ${d.digits('i', 33)}, case when i % 20 < 14 then 'bench-app-a' when i % 20 < 19 then 'bench-app-b' else 'bench-app-c' end,
      'order-' || i, 'hosted', 'Product ' || (i % 1000), '19.99', 'USD', '1999', 3600, null, null, 'cv-' || i, null,
      'tok-' || i, 'x',
      case when ${paid} then (case when i % 97 = 1 then 'Underpayment' when i % 89 = 1 then 'Overpayment' else 'Successful' end)
        when ${created} > ${nowMs - 3_600_000} then 'Pending' else 'Expired' end,
      ${created}, ${created} + 3600000, ${created} + 8 * 86400000
    from ${d.series(count)} s`);
  const coin = `(${COINS})`;
  await run(`insert into quotes (quote_id, order_id, network_key, token_id, symbol, contract, decimals, token_rate,
      amount, address, address_index, xpub_id, created_at, priced_at)
    select i + 1, ${d.digits('i', 33)}, ${d.part(coin, 0)}, 'token-' || ${d.part(coin, 1)}, ${d.part(coin, 1)},
      case when ${d.part(coin, 1)} = 'ETH' then null else '0x' || ${d.hex('(i * 7) % 20', 40)} end,
      cast(${d.part(coin, 2)} as integer), ${d.part(coin, 3)},
      case when ${d.part(coin, 2)} = '18' then '19990000000000000000' else '19990000' end,
      '0x' || ${d.hex('i', 40)}, i, 'bench', ${created} + 60000, ${created} + 60000
    from ${d.series(count)} s where i % 10 <> 0`);
}

async function seedPaymentsAndWebhooks(run: Run, d: SeedSql, count: number, nowMs: number): Promise<void> {
  const created = createdAt(nowMs);
  const paid = isPaid(nowMs);
  await run(`insert into payments (record_id, order_id, quote_id, network_key, txid, log_index, block_number,
      block_hash, from_address, to_address, contract, amount, status, seen_at, confirmed_at, failed_at)
    select 'r' || ${d.digits('i', 32)}, q.order_id, q.quote_id, q.network_key, '0x' || ${d.hex('i', 64)}, 0,
      cast(i as text), '0x' || ${d.hex('i', 64)}, '0x' || ${d.hex('i + 7', 40)}, q.address, q.contract, q.amount,
      'success', ${created} + 120000, ${created} + 300000, null
    from ${d.series(count)} s join quotes q on q.quote_id = i + 1 where ${paid}`);
  await run(`insert into deliveries (delivery_id, app_id, order_id, record_id, event, url, body, state, attempts,
      next_attempt_at, first_attempt_at, lease_owner, lease_until, created_at, delivered_at, seq)
    select 'd' || substr(p.record_id, 2), o.app_id, p.order_id, p.record_id, 'success', 'https://shop.example/hook', '{}',
      case when p.quote_id % 100 = 2 then 'failed' when p.quote_id % 100 = 5 then 'pending' else 'delivered' end,
      1,
      p.confirmed_at + 1000, p.confirmed_at, null, null, p.confirmed_at,
      case when p.quote_id % 100 in (2, 5) then null else p.confirmed_at + 50 end, 1
    from payments p join orders o on o.order_id = p.order_id`);
  await run(`insert into delivery_attempts (delivery_id, started_at, latency_ms, status_code, error, response_excerpt, delivered)
    select delivery_id, first_attempt_at, 40, case when state = 'delivered' then 200 else 500 end, null,
      case when state = 'delivered' then 'success' else 'busy' end, case when state = 'delivered' then 1 else 0 end
    from deliveries`);
}
