import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DailyOrderCount, DailyPaidVolume } from '../../../core/ports/ConsoleQueries.ts';
import type { SqlDialectName } from '../dialect/KassaDialect.ts';
import type { Database } from '../schema.ts';

const DAY_MS = 86_400_000;
/** SQLite sums the decimal text in 12-digit slices (each slice's sum stays far inside 64 bits). */
const SLICE_DIGITS = 12;
const SLICES = 4;

/** Orders created per UTC day in [fromMs, toMs): an index-only count over the creation-time index. */
export async function countOrdersByDay(
  db: Kysely<Database>,
  p: { readonly fromMs: number; readonly toMs: number },
): Promise<DailyOrderCount[]> {
  // A literal, not a parameter: PostgreSQL matches the grouped expression to the selected one by its text.
  const day = sql<number>`created_at / ${sql.lit(DAY_MS)}`;
  const rows = await db
    .selectFrom('orders')
    .select([day.as('day'), (eb) => eb.fn.countAll<number>().as('orders')])
    .where('created_at', '>=', p.fromMs)
    .where('created_at', '<', p.toMs)
    .groupBy(day)
    .orderBy(day)
    .execute();
  return rows.map((row) => ({ day: Number(row.day), orders: Number(row.orders) }));
}

/**
 * Confirmed payments per UTC day of confirmation, network, coin and rate in [fromMs, toMs), their
 * amounts summed exactly by the database: PostgreSQL as numeric; SQLite, whose sums are 64-bit
 * integers or floats, per 12-digit slice of the decimal text, joined here as bigints.
 */
export async function sumPaidVolumeByDay(
  db: Kysely<Database>,
  dialect: SqlDialectName,
  p: { readonly fromMs: number; readonly toMs: number },
): Promise<DailyPaidVolume[]> {
  const day = sql<number>`p.confirmed_at / ${sql.lit(DAY_MS)}`;
  const sums: RawBuilder<string>[] =
    dialect === 'postgres'
      ? [sql<string>`sum(p.amount::numeric)::text`]
      : Array.from(
          { length: SLICES },
          (_, i) => sql<string>`sum(cast(substr(p.amount, ${-SLICE_DIGITS * (i + 1)}, ${SLICE_DIGITS}) as integer))`,
        );
  const rows = await db
    .selectFrom('payments as p')
    .innerJoin('quotes as q', 'q.quote_id', 'p.quote_id')
    .select([day.as('day'), 'p.network_key', 'q.symbol', 'q.decimals', 'q.token_rate'])
    .select((eb) => [
      eb.fn.countAll<number>().as('payments'),
      eb.fn.max(sql<number>`length(p.amount)`).as('width'),
      ...sums.map((sum, i) => sum.as(`s${i}`)),
    ])
    .where('p.status', '=', 'success')
    .where('p.confirmed_at', '>=', p.fromMs)
    .where('p.confirmed_at', '<', p.toMs)
    .groupBy([day, 'p.network_key', 'q.symbol', 'q.decimals', 'q.token_rate'])
    .orderBy(day)
    .execute();
  return rows.map((row) => {
    const record = row as unknown as Record<string, string | number | null>;
    if (dialect === 'sqlite' && Number(row.width) > SLICE_DIGITS * SLICES) {
      throw new Error('payments.amount has more digits than the slices summed');
    }
    // Horner over the slice sums, highest first (a single sum on PostgreSQL).
    let amount = 0n;
    for (let i = sums.length - 1; i >= 0; i--)
      amount = amount * 10n ** BigInt(SLICE_DIGITS) + BigInt(record[`s${i}`] ?? 0);
    return {
      day: Number(row.day),
      networkKey: row.network_key,
      symbol: row.symbol,
      decimals: Number(row.decimals),
      tokenRate: row.token_rate,
      payments: Number(row.payments),
      amount,
    };
  });
}
