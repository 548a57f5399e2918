import type { LeasedDelivery } from '../../core/Delivery.ts';
import type { FinishedAttempt, Metrics } from '../../core/ports.ts';
import type { WorkerLogger } from '../WorkerLogger.ts';

/**
 * Tells the operator about an attempt: counts it by outcome (`metrics`), and logs one that did not
 * deliver or whose outcome went to another owner.
 */
export function logAttempt(
  logger: WorkerLogger,
  delivery: LeasedDelivery,
  { attempt, outcome }: FinishedAttempt,
  isKept: boolean,
  metrics?: Pick<Metrics, 'countDeliveryAttempt'>,
): void {
  metrics?.countDeliveryAttempt(outcome.state);
  if (!isKept) {
    logger.warn(
      { deliveryId: delivery.deliveryId },
      'webhook lease expired during the attempt; outcome left to its new owner',
    );
  }
  if (attempt.delivered) return;
  const fields = {
    deliveryId: delivery.deliveryId,
    appId: delivery.appId,
    url: delivery.url,
    attempt: delivery.attempts + 1,
    statusCode: attempt.statusCode,
    error: attempt.error,
    next: outcome.state === 'pending' ? new Date(outcome.nextAttemptAtMs).toISOString() : null,
  };
  if (outcome.state === 'failed') logger.error(fields, 'webhook delivery failed: no attempts left');
  else logger.warn(fields, 'webhook attempt failed');
}
