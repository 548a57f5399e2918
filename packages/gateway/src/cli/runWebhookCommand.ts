import { createSecretBox } from '../adapters/crypto/createSecretBox.ts';
import { createDb } from '../adapters/db/createDb.ts';
import { createStore } from '../adapters/db/createStore.ts';
import { migrateToLatest } from '../adapters/db/migrateToLatest.ts';
import { createSystemClock } from '../adapters/system/createSystemClock.ts';
import { loadConfig } from '../config/loadConfig.ts';
import type { Delivery, DeliveryState } from '../core/Delivery.ts';
import { parseCommandArgs, UsageError } from './parseCommandArgs.ts';

const DEFAULT_LIST_LIMIT = 50;

/** `kassa webhook list [--failed] [--app ID] [--limit N] [--json]` and `kassa webhook resend DELIVERY_ID`. */
export async function runWebhookCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    config: { type: 'string' },
    failed: { type: 'boolean', default: false },
    app: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const [subcommand, ...operands] = positionals;
  const limit = readLimit(values.limit);
  const config = loadConfig({ mode: 'auto', ...(values.config === undefined ? {} : { configFile: values.config }) });
  const kassaDb = createDb({ url: config.database.url });
  const store = createStore(kassaDb, createSecretBox(config.masterKey));
  const clock = createSystemClock();
  const print = (line: string) => process.stdout.write(`${line}\n`);
  try {
    await migrateToLatest(kassaDb);
    switch (subcommand) {
      case 'list': {
        const states: readonly DeliveryState[] | undefined = values.failed ? ['failed'] : undefined;
        const deliveries = await store.deliveries.listDeliveries({
          limit,
          ...(values.app === undefined ? {} : { appId: values.app }),
          ...(states === undefined ? {} : { states }),
        });
        for (const delivery of deliveries) {
          const attempts = await store.deliveries.listAttempts(delivery.deliveryId);
          const lastError = attempts.at(-1)?.error ?? null;
          print(values.json ? JSON.stringify(toJsonLine(delivery, lastError)) : toTextLine(delivery, lastError));
        }
        if (deliveries.length === 0 && !values.json)
          print(values.failed ? 'no failed deliveries' : 'no deliveries yet');
        return 0;
      }
      case 'resend': {
        const [deliveryId] = operands;
        if (deliveryId === undefined) throw new UsageError('webhook resend needs DELIVERY_ID');
        if (!(await store.deliveries.requeueDelivery(deliveryId, clock.now()))) {
          throw new UsageError(`webhook resend: no delivery ${deliveryId}`);
        }
        print(
          values.json
            ? JSON.stringify({ delivery_id: deliveryId, state: 'pending' })
            : `re-queued ${deliveryId}: a running dispatcher sends it now`,
        );
        return 0;
      }
      default:
        throw new UsageError(`webhook: unknown subcommand '${subcommand ?? ''}' (list, resend)`);
    }
  } finally {
    await kassaDb.close();
  }
}

function readLimit(text: string | undefined): number {
  if (text === undefined) return DEFAULT_LIST_LIMIT;
  if (!/^\d{1,6}$/.test(text) || Number(text) < 1)
    throw new UsageError(`--limit must be a positive whole number, got '${text}'`);
  return Number(text);
}

function toJsonLine(delivery: Delivery, lastError: string | null) {
  return {
    delivery_id: delivery.deliveryId,
    app_id: delivery.appId,
    order_id: delivery.orderId,
    record_id: delivery.recordId,
    event: delivery.event,
    url: delivery.url,
    state: delivery.state,
    attempts: delivery.attempts,
    next_attempt_at: delivery.state === 'pending' ? new Date(delivery.nextAttemptAtMs).toISOString() : null,
    delivered_at: delivery.deliveredAtMs === null ? null : new Date(delivery.deliveredAtMs).toISOString(),
    created_at: new Date(delivery.createdAtMs).toISOString(),
    last_error: lastError,
  };
}

function toTextLine(delivery: Delivery, lastError: string | null): string {
  const when =
    delivery.state === 'pending'
      ? `next ${new Date(delivery.nextAttemptAtMs).toISOString()}`
      : delivery.state === 'delivered' && delivery.deliveredAtMs !== null
        ? `at ${new Date(delivery.deliveredAtMs).toISOString()}`
        : `last error: ${lastError ?? 'none'}`;
  return `${delivery.deliveryId}  ${delivery.state.padEnd(9)}  ${delivery.event.padEnd(10)}  ${String(delivery.attempts).padStart(2)} attempts  ${delivery.url}  ${when}`;
}
