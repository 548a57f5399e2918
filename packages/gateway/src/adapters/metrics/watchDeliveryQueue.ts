import { Gauge, type Registry } from 'prom-client';
import type { ScrapeCache } from './createScrapeCache.ts';
import type { DeliveryQueue } from './readDeliveryQueue.ts';

/** Adds the outbox gauges, read at scrape time through `queue` (cached and time-bounded). */
export function watchDeliveryQueue(registry: Registry, queue: ScrapeCache<DeliveryQueue>): void {
  const gauge = (name: string, help: string, pick: (q: DeliveryQueue) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        const read = await queue.get();
        // Unknown until the first read succeeds: no sample rather than a false zero.
        if (read === undefined) this.reset();
        else this.set(pick(read));
      },
    });
  gauge('kassa_webhook_queue_pending', 'Webhook deliveries not yet delivered nor given up on', (q) => q.pending);
  gauge('kassa_webhook_queue_due', 'Pending webhook deliveries whose attempt is due now', (q) => q.due);
  gauge(
    'kassa_webhook_queue_oldest_due_age_seconds',
    'How long the oldest due webhook delivery has waited for its attempt',
    (q) => q.oldestDueAgeMs / 1000,
  );
}
