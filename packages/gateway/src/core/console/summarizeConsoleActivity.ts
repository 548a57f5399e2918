import { convertTokenToUsdCents } from '../money/convertTokenToUsdCents.ts';
import { parseDecimal } from '../money/Decimal.ts';
import type { DailyOrderCount, DailyPaidVolume } from '../ports/ConsoleQueries.ts';

/** Payments of one coin over a span: how many, how much (base units) and its USD value in cents. */
export type CoinVolume = { readonly payments: number; readonly amount: bigint; readonly usdCents: bigint };

/** One coin's paid volume today and over the whole span. */
export type CoinActivity = {
  readonly networkKey: string;
  readonly symbol: string;
  readonly decimals: number;
  readonly today: CoinVolume;
  readonly span: CoinVolume;
};

/** One UTC day of the span: orders created and the USD value of payments confirmed. */
export type DayActivity = { readonly day: number; readonly orders: number; readonly paidUsdCents: bigint };

export type ConsoleActivity = {
  /** Oldest first, every day of the span, days without activity included. */
  readonly days: readonly DayActivity[];
  /** By network key, then symbol. */
  readonly coins: readonly CoinActivity[];
};

const NONE: CoinVolume = { payments: 0, amount: 0n, usdCents: 0n };

/**
 * The overview's figures from per-day counts and sums: each coin's volume today and over the
 * `spanDays` days ending with `today` (UTC day numbers), and the days for the chart. USD values are
 * each payment group's amount at its quotes' rate, rounded down to the cent (a credit); a rate
 * that does not parse values its group at nothing rather than at a guess.
 *
 * @example
 * summarizeConsoleActivity({ today: 20_000, spanDays: 2, orders: [{ day: 20_000, orders: 3 }], volumes: [] });
 * // { days: [{ day: 19_999, orders: 0, paidUsdCents: 0n }, { day: 20_000, orders: 3, paidUsdCents: 0n }], coins: [] }
 */
export function summarizeConsoleActivity(p: {
  readonly today: number;
  readonly spanDays: number;
  readonly orders: readonly DailyOrderCount[];
  readonly volumes: readonly DailyPaidVolume[];
}): ConsoleActivity {
  const first = p.today - p.spanDays + 1;
  const days = Array.from({ length: p.spanDays }, (_, i) => ({ day: first + i, orders: 0, paidUsdCents: 0n }));
  const dayOf = (day: number) => (day >= first && day <= p.today ? days[day - first] : undefined);
  for (const row of p.orders) {
    const slot = dayOf(row.day);
    if (slot !== undefined) slot.orders += row.orders;
  }
  const coins = new Map<
    string,
    { networkKey: string; symbol: string; decimals: number; today: CoinVolume; span: CoinVolume }
  >();
  for (const row of p.volumes) {
    const slot = dayOf(row.day);
    if (slot === undefined) continue;
    const rate = parseDecimal(row.tokenRate);
    const usdCents = rate.ok ? convertTokenToUsdCents(row.amount, rate.value, row.decimals) : 0n;
    slot.paidUsdCents += usdCents;
    const key = `${row.networkKey}\u0000${row.symbol}\u0000${row.decimals}`;
    const coin = coins.get(key) ?? {
      networkKey: row.networkKey,
      symbol: row.symbol,
      decimals: row.decimals,
      today: NONE,
      span: NONE,
    };
    const volume = { payments: row.payments, amount: row.amount, usdCents };
    coin.span = add(coin.span, volume);
    if (row.day === p.today) coin.today = add(coin.today, volume);
    coins.set(key, coin);
  }
  const sorted = [...coins.values()].sort((a, b) =>
    a.networkKey === b.networkKey ? compare(a.symbol, b.symbol) : compare(a.networkKey, b.networkKey),
  );
  return { days, coins: sorted };
}

function add(a: CoinVolume, b: CoinVolume): CoinVolume {
  return { payments: a.payments + b.payments, amount: a.amount + b.amount, usdCents: a.usdCents + b.usdCents };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
