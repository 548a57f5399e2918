import type { WebhookSender } from '../../adapters/webhooks/createWebhookSender.ts';
import type { SendSignedWebhookReturnType } from '../../adapters/webhooks/sendSignedWebhook.ts';
import type { LeasedDelivery } from '../../core/Delivery.ts';
import { getDeliveryOutcome } from '../../core/getDeliveryOutcome.ts';
import type { AppStore, Clock, DeliveryOutcome, FinishedAttempt } from '../../core/ports.ts';
import { withOrderStatus } from '../../protocol/webhook/withOrderStatus.ts';

export type AttemptDeliveryDeps = {
  readonly apps: Pick<AppStore, 'findApp'>;
  readonly clock: Clock;
  readonly sender: Pick<WebhookSender, 'send'>;
  /**
   * Writes the attempt's `sending` row before the request leaves (`DeliveryStore.startAttempts`):
   * its id, or null when the lease was lost meanwhile.
   */
  readonly begin: (delivery: LeasedDelivery, startedAtMs: number) => Promise<number | null>;
};

export type AttemptDeliveryParameters = {
  readonly delivery: LeasedDelivery;
  /** The retry offsets after the first attempt (`webhooks.retryScheduleSeconds`). */
  readonly scheduleSeconds: readonly number[];
  /** Aborted once a stopping dispatcher's grace period is over: the request is cut short. */
  readonly cutSignal: AbortSignal;
};

const APP_GONE: SendSignedWebhookReturnType = {
  delivered: false,
  statusCode: null,
  latencyMs: 0,
  error: 'app no longer exists',
  responseExcerpt: '',
};

/**
 * Makes one attempt of a leased delivery, signed for its app, and says what it means for it; null
 * when the lease was lost before the request left (another dispatcher has the delivery now).
 */
export async function attemptDelivery(
  { apps, clock, sender, begin }: AttemptDeliveryDeps,
  { delivery, scheduleSeconds, cutSignal }: AttemptDeliveryParameters,
): Promise<FinishedAttempt | null> {
  const app = await apps.findApp(delivery.appId);
  const startedAtMs = clock.now();
  const attemptId = await begin(delivery, startedAtMs);
  if (attemptId === null) return null;
  const result =
    app === null
      ? APP_GONE
      : await sender.send({
          url: delivery.url,
          // The order's status as it is now, not as it was when the webhook was written: the last
          // webhook of an order a merchant receives must carry its current status (docs/webhooks.md).
          body: delivery.orderStatus === null ? delivery.body : withOrderStatus(delivery.body, delivery.orderStatus),
          appId: app.appId,
          appSecret: app.secret,
          nowMs: startedAtMs,
          signal: cutSignal,
        });
  const firstAttemptAtMs = delivery.firstAttemptAtMs ?? startedAtMs;
  const answeredAtMs = clock.now();
  const isCut = !result.delivered && cutSignal.aborted;
  // A cut attempt says nothing about the endpoint, and it may have arrived: due again at once, so
  // another dispatcher sends it now rather than at the next step of the schedule.
  const outcome: DeliveryOutcome = isCut
    ? { state: 'pending', nextAttemptAtMs: answeredAtMs }
    : getDeliveryOutcome({
        delivered: result.delivered,
        canRetry: app !== null,
        firstAttemptAtMs,
        startedAtMs,
        answeredAtMs,
        attemptsMade: delivery.attempts + 1,
        scheduleSeconds,
      });
  return {
    attemptId,
    firstAttemptAtMs,
    outcome,
    attempt: {
      deliveryId: delivery.deliveryId,
      state: isCut ? 'interrupted' : 'finished',
      startedAtMs,
      latencyMs: result.latencyMs,
      statusCode: result.statusCode,
      error: result.error,
      responseExcerpt: result.responseExcerpt,
      delivered: result.delivered,
    },
  };
}
