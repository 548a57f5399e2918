import type { WebhookSender } from '../../adapters/webhooks/createWebhookSender.ts';
import type { SendSignedWebhookReturnType } from '../../adapters/webhooks/sendSignedWebhook.ts';
import type { LeasedDelivery } from '../../core/Delivery.ts';
import { getDeliveryOutcome } from '../../core/getDeliveryOutcome.ts';
import type { AppStore, Clock, FinishedAttempt } from '../../core/ports.ts';
import { withOrderStatus } from '../../protocol/webhook/withOrderStatus.ts';

export type AttemptDeliveryDeps = {
  readonly apps: Pick<AppStore, 'findApp'>;
  readonly clock: Clock;
  readonly sender: Pick<WebhookSender, 'send'>;
};

export type AttemptDeliveryParameters = {
  readonly delivery: LeasedDelivery;
  /** The retry offsets after the first attempt (`webhooks.retryScheduleSeconds`). */
  readonly scheduleSeconds: readonly number[];
};

const APP_GONE: SendSignedWebhookReturnType = {
  delivered: false,
  statusCode: null,
  latencyMs: 0,
  error: 'app no longer exists',
  responseExcerpt: '',
};

/** Makes one attempt of a leased delivery, signed for its app, and says what it means for it. */
export async function attemptDelivery(
  { apps, clock, sender }: AttemptDeliveryDeps,
  { delivery, scheduleSeconds }: AttemptDeliveryParameters,
): Promise<FinishedAttempt> {
  const app = await apps.findApp(delivery.appId);
  const startedAtMs = clock.now();
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
        });
  const firstAttemptAtMs = delivery.firstAttemptAtMs ?? startedAtMs;
  const outcome = getDeliveryOutcome({
    delivered: result.delivered,
    canRetry: app !== null,
    firstAttemptAtMs,
    startedAtMs,
    answeredAtMs: clock.now(),
    attemptsMade: delivery.attempts + 1,
    scheduleSeconds,
  });
  return {
    firstAttemptAtMs,
    outcome,
    attempt: {
      deliveryId: delivery.deliveryId,
      startedAtMs,
      latencyMs: result.latencyMs,
      statusCode: result.statusCode,
      error: result.error,
      responseExcerpt: result.responseExcerpt,
      delivered: result.delivered,
    },
  };
}
