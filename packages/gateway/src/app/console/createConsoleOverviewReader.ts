import { type ConsoleActivity, summarizeConsoleActivity } from '../../core/console/summarizeConsoleActivity.ts';
import type {
  ConsoleBacklog,
  ConsoleQueries,
  DailyOrderCount,
  DailyPaidVolume,
} from '../../core/ports/ConsoleQueries.ts';
import type { FundsReportLine } from '../buildFundsReport.ts';
import type { Deps } from '../Deps.ts';
import { getNetworkHeights, type NetworkHeight } from '../getNetworkHeights.ts';
import type { FundsLedger } from './createFundsLedger.ts';
import { createRefreshingValue, type HeldValue } from './createRefreshingValue.ts';

const DAY_MS = 86_400_000;
/** The overview's span: today and the 29 days before it. */
export const OVERVIEW_SPAN_DAYS = 30;
/**
 * Days before today only change when a reorg fails a confirmed payment: read again this often. At a
 * million orders the read takes 0.1–0.6 s (bench/console.ts).
 */
export const PAST_DAYS_MAX_AGE_MS = 1_800_000;
/** The overview counts what waits up to this; past it, it says "more than". */
export const BACKLOG_COUNT_CAP = 999;
/** Everything the overview page shows. */
export type ConsoleOverview = {
  readonly atMs: number;
  /** Without the days before today while they are first read (null `pastDaysAtMs`). */
  readonly activity: ConsoleActivity;
  /** When the days before today were read; null while they are first read. */
  readonly pastDaysAtMs: number | null;
  /** Each count stops at {@link BACKLOG_COUNT_CAP} + 1. */
  readonly backlog: ConsoleBacklog;
  readonly networks: readonly NetworkHeight[];
  /** What awaits collection, per network and asset, as `kassa funds` reports it; null while first read. */
  readonly funds: HeldValue<readonly FundsReportLine[]> | null;
};

export type ConsoleOverviewReader = { read(): Promise<ConsoleOverview> };

type PastDays = { readonly orders: DailyOrderCount[]; readonly volumes: DailyPaidVolume[] };

/**
 * Reads the overview: today's orders and payments, the backlog and the watchers' cursors on every
 * read (each an index range that stays small); the 29 days before today and the funds ledger from
 * memory, loaded and reloaded behind the page, so the page costs the same at a million orders as at
 * a hundred, the first view after a start included (it shows them as still being read).
 */
export function createConsoleOverviewReader(
  deps: Pick<Deps, 'store' | 'clock' | 'networks'>,
  queries: ConsoleQueries,
  ledger: FundsLedger,
  onError: (error: unknown) => void,
): ConsoleOverviewReader {
  const now = () => deps.clock.now();
  const pastDays = createRefreshingValue<number, PastDays>({
    maxAgeMs: PAST_DAYS_MAX_AGE_MS,
    now,
    onError,
    load: async (today) => {
      const span = { fromMs: (today - OVERVIEW_SPAN_DAYS + 1) * DAY_MS, toMs: today * DAY_MS };
      return { orders: await queries.countOrdersByDay(span), volumes: await queries.sumPaidVolumeByDay(span) };
    },
  });
  return {
    async read() {
      const atMs = now();
      const today = Math.floor(atMs / DAY_MS);
      const todaySpan = { fromMs: today * DAY_MS, toMs: atMs + 1 };
      const past = pastDays.peek(today);
      const ledgerHeld = ledger.peek('all');
      const fundsHeld = ledgerHeld === null ? null : { value: ledgerHeld.value.funds, atMs: ledgerHeld.atMs };
      const [todayOrders, todayVolumes, backlog, networks] = await Promise.all([
        queries.countOrdersByDay(todaySpan),
        queries.sumPaidVolumeByDay(todaySpan),
        queries.countBacklog(atMs, BACKLOG_COUNT_CAP),
        getNetworkHeights(deps),
      ]);
      const activity = summarizeConsoleActivity({
        today,
        spanDays: OVERVIEW_SPAN_DAYS,
        orders: [...(past?.value.orders ?? []), ...todayOrders],
        volumes: [...(past?.value.volumes ?? []), ...todayVolumes],
      });
      return { atMs, activity, pastDaysAtMs: past?.atMs ?? null, backlog, networks, funds: fundsHeld };
    },
  };
}
