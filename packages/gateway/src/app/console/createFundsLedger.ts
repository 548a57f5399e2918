import { buildFundsReport, type FundsReport } from '../buildFundsReport.ts';
import type { Deps } from '../Deps.ts';
import { createRefreshingValue, type RefreshingValue } from './createRefreshingValue.ts';

/**
 * The funds ledger reads and sums every confirmed payment and sweep (FundsStore.summarizeFunds): at a
 * million orders about 1.5 s of work (in steps of at most ~80 ms, bench/funds-ledger.ts). So it is
 * read again at most this often, and only while someone looks at a page that shows it.
 */
export const FUNDS_MAX_AGE_MS = 900_000;

/** The ledger as `kassa funds` reports it, held in memory for the console's pages (one key: all). */
export type FundsLedger = RefreshingValue<'all', FundsReport>;

/** One ledger per console, shared by the overview and the networks page so they never read it twice. */
export function createFundsLedger(
  deps: Pick<Deps, 'store' | 'clock' | 'networks'>,
  onError: (error: unknown) => void,
): FundsLedger {
  return createRefreshingValue<'all', FundsReport>({
    maxAgeMs: FUNDS_MAX_AGE_MS,
    now: () => deps.clock.now(),
    onError,
    load: async () => {
      const [funds, costs] = await Promise.all([
        deps.store.funds.summarizeFunds(),
        deps.store.funds.summarizeSweepCosts(),
      ]);
      return buildFundsReport({ funds, costs, networks: deps.networks });
    },
  });
}
