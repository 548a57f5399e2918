import { DEFAULT_WEBHOOK_RETRY_SCHEDULE_SECONDS } from '../core/getRetryDelay.ts';
import { ConfigError } from './ConfigError.ts';
import type { KassaConfig, KassaMode } from './KassaConfig.ts';
import { readInteger } from './read/readInteger.ts';
import { readList } from './read/readList.ts';
import { readStringList } from './read/readStringList.ts';

// Dev mode: the sandbox's own webhook inbox is on loopback.
const DEV_ALLOWED_CIDRS = ['127.0.0.0/8', '::1/128'];

/** Reads the `webhooks` section (its keys already checked) over its defaults. */
export function readWebhooksSection(
  webhooks: Readonly<Record<string, unknown>>,
  mode: KassaMode,
): KassaConfig['webhooks'] {
  return {
    timeoutMs: readInteger(webhooks.timeoutMs ?? 10_000, 'webhooks.timeoutMs', 100, 120_000),
    retryScheduleSeconds: readRetrySchedule(webhooks.retryScheduleSeconds ?? DEFAULT_WEBHOOK_RETRY_SCHEDULE_SECONDS),
    allowedCidrs: readStringList(
      webhooks.allowedCidrs ?? (mode === 'dev' ? DEV_ALLOWED_CIDRS : []),
      'webhooks.allowedCidrs',
    ),
    concurrency: readInteger(webhooks.concurrency ?? 64, 'webhooks.concurrency', 1, 10_000),
    perEndpointConcurrency: readInteger(
      webhooks.perEndpointConcurrency ?? 4,
      'webhooks.perEndpointConcurrency',
      1,
      1000,
    ),
  };
}

function readRetrySchedule(value: unknown): number[] {
  const setting = 'webhooks.retryScheduleSeconds';
  const schedule = readList(value, setting, 'seconds', (v, s) => readInteger(v, s, 1, 30 * 86_400), {
    nonEmpty: true,
  });
  for (let i = 1; i < schedule.length; i++) {
    if ((schedule[i] ?? 0) <= (schedule[i - 1] ?? 0)) {
      throw new ConfigError(setting, 'must be strictly increasing offsets from the first attempt');
    }
  }
  return schedule;
}
