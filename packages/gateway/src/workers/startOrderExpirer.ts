import { sleep } from '../adapters/system/sleep.ts';
import type { Deps } from '../app/Deps.ts';
import { expireOrders } from '../app/expireOrders.ts';
import { SILENT_WORKER_LOGGER, type WorkerLogger } from './WorkerLogger.ts';

export type StartOrderExpirerParameters = {
  /** Aborting stops the expirer; the promise resolves once it has stopped. */
  readonly signal: AbortSignal;
  /** Default 5 s: `bill/info` computes the status itself, the stored one is for lists and metrics. */
  readonly intervalMs?: number;
  readonly logger?: WorkerLogger;
};

const DEFAULT_INTERVAL_MS = 5_000;

/**
 * Moves unpaid orders past their valid period to `Expired` every `intervalMs` until `signal`
 * aborts. Safe to run in several processes at once: each batch is one conditional UPDATE.
 */
export async function startOrderExpirer(
  deps: Pick<Deps, 'store' | 'clock'>,
  { signal, intervalMs = DEFAULT_INTERVAL_MS, logger = SILENT_WORKER_LOGGER }: StartOrderExpirerParameters,
): Promise<void> {
  while (!signal.aborted) {
    try {
      const expired = await expireOrders(deps);
      if (expired > 0) logger.info({ expired }, 'orders expired');
    } catch (error) {
      // The next round retries; the status is recomputed on every read meanwhile.
      logger.warn({ err: error }, 'order expirer round failed');
    }
    await sleep(intervalMs, signal);
  }
}
