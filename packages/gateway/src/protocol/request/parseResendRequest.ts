import type { ResendWebhooksRequest } from '@kassa/sdk';
import { InvalidParamError } from '../../core/InvalidParamError.ts';
import { isAbsent, pickField, type WireBody } from './fieldReaders.ts';

/** Longest `start_timestamp`…`end_timestamp` window of one resend request (spec §7.2). */
export const MAX_RESEND_WINDOW_SECONDS = 3_600;

/** A `webhook/resend` request, validated. */
export type ResendRequest = {
  /** Unix seconds, inclusive. */
  readonly startSeconds: number;
  /** Unix seconds, inclusive; `start + 1 h` when the merchant left it out. */
  readonly endSeconds: number;
  /** `Failed` (default): only deliveries out of attempts; `All Result`: every delivery. */
  readonly webhookResult: NonNullable<ResendWebhooksRequest['webhook_result']>;
  readonly transactionType: NonNullable<ResendWebhooksRequest['transaction_type']>;
};

const WEBHOOK_RESULTS = ['Failed', 'All Result'] as const satisfies readonly ResendRequest['webhookResult'][];
const TRANSACTION_TYPES = [
  'All Type',
  'API Deposit',
  'Refund',
] as const satisfies readonly ResendRequest['transactionType'][];
// Ten digits of seconds; a millisecond value (13 digits) is a mistake worth naming.
const MAX_UNIX_SECONDS = 9_999_999_999;

/** Reads a `webhook/resend` request (spec §7.2); throws `InvalidParamError` naming the field. */
export function parseResendRequest(body: WireBody<ResendWebhooksRequest>): ResendRequest {
  const start = pickField(body, ['start_timestamp']);
  if (start === null) throw new InvalidParamError({ field: 'start_timestamp', rule: 'is required' });
  const startSeconds = readUnixSeconds('start_timestamp', start.value);
  const end = body.end_timestamp;
  const endSeconds = isAbsent(end) ? startSeconds + MAX_RESEND_WINDOW_SECONDS : readUnixSeconds('end_timestamp', end);
  if (endSeconds < startSeconds) {
    throw new InvalidParamError({ field: 'end_timestamp', rule: 'must not be before start_timestamp' });
  }
  if (endSeconds - startSeconds > MAX_RESEND_WINDOW_SECONDS) {
    throw new InvalidParamError({ field: 'end_timestamp', rule: 'at most 1 hour after start_timestamp' });
  }
  return {
    startSeconds,
    endSeconds,
    webhookResult: readChoice('webhook_result', body.webhook_result, WEBHOOK_RESULTS) ?? 'Failed',
    transactionType: readChoice('transaction_type', body.transaction_type, TRANSACTION_TYPES) ?? 'All Type',
  };
}

function readUnixSeconds(field: string, value: unknown): number {
  // Some clients send numbers as strings; both are accepted as long as they are whole seconds.
  const seconds = typeof value === 'string' && /^\d{1,11}$/.test(value) ? Number(value) : value;
  if (typeof seconds !== 'number' || !Number.isSafeInteger(seconds) || seconds < 0) {
    throw new InvalidParamError({ field, rule: 'must be Unix seconds (a whole number)' });
  }
  if (seconds > MAX_UNIX_SECONDS)
    throw new InvalidParamError({ field, rule: 'must be Unix seconds, not milliseconds' });
  return seconds;
}

function readChoice<const T extends readonly string[]>(field: string, value: unknown, choices: T): T[number] | null {
  if (isAbsent(value)) return null;
  // Case-insensitive: clients copy these labels from docs that are not consistent about it.
  const match =
    typeof value === 'string' ? choices.find((c) => c.toLowerCase() === value.trim().toLowerCase()) : undefined;
  if (match === undefined)
    throw new InvalidParamError({ field, rule: `must be one of ${choices.map((c) => `"${c}"`).join(', ')}` });
  return match;
}
