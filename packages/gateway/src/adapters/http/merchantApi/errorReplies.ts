import { RESULT_CODES } from '@kassa/sdk';
import type { KassaErrorCode } from '../../../core/KassaError.ts';

export type ErrorReply = {
  /** The `code` field of the wire envelope (spec §8), from the SDK's named table. */
  readonly resultCode: (typeof RESULT_CODES)[KassaErrorCode];
  /** Business errors are HTTP 200 (spec §1); only transport failures use other statuses. */
  readonly httpStatus: 200 | 404 | 413 | 429 | 500 | 503;
  /** Whether the reply may be signed: an unknown app has no secret to sign with. */
  readonly signed: boolean;
  /** What the code means, for docs/errors.md. */
  readonly meaning: string;
};

/**
 * How the merchant API answers each error: its result code (named alike in the SDK's
 * `RESULT_CODES`), HTTP status and signing. The `satisfies` clause makes a new `KassaErrorCode`
 * without a row here a compile error; `docs/errors.md` is kept in step by a test.
 */
export const ERROR_REPLIES = {
  missing_header: {
    resultCode: RESULT_CODES.missing_header,
    httpStatus: 200,
    signed: true,
    meaning: '`Appid`, `Timestamp` or `Sign` header absent or malformed',
  },
  unknown_app: {
    resultCode: RESULT_CODES.unknown_app,
    httpStatus: 200,
    signed: false,
    meaning: 'no app with that `Appid`; the reply is unsigned',
  },
  bad_signature: {
    resultCode: RESULT_CODES.bad_signature,
    httpStatus: 200,
    signed: true,
    meaning: '`Sign` does not match the request',
  },
  stale_timestamp: {
    resultCode: RESULT_CODES.stale_timestamp,
    httpStatus: 200,
    signed: true,
    meaning: '`Timestamp` outside the accepted window (120 s by default)',
  },
  invalid_json: {
    resultCode: RESULT_CODES.invalid_json,
    httpStatus: 200,
    signed: true,
    meaning: 'the body is not a JSON object',
  },
  invalid_param: {
    resultCode: RESULT_CODES.invalid_param,
    httpStatus: 200,
    signed: true,
    meaning: 'a field breaks a rule; `msg` names the field and the rule',
  },
  duplicate_order: {
    resultCode: RESULT_CODES.duplicate_order,
    httpStatus: 200,
    signed: true,
    meaning: '`merchant_order_id` reused with different values',
  },
  order_not_found: {
    resultCode: RESULT_CODES.order_not_found,
    httpStatus: 200,
    signed: true,
    meaning: 'no such order for this app',
  },
  too_many_ids: {
    resultCode: RESULT_CODES.too_many_ids,
    httpStatus: 200,
    signed: true,
    meaning: 'more than 100 ids in one query',
  },
  unsupported_token: {
    resultCode: RESULT_CODES.unsupported_token,
    httpStatus: 200,
    signed: true,
    meaning: 'unknown or disabled `token_id`, coin or network',
  },
  rate_unavailable: {
    resultCode: RESULT_CODES.rate_unavailable,
    httpStatus: 200,
    signed: true,
    meaning: 'no fresh exchange rate for that token; no quote is made rather than a wrong one',
  },
  rate_limited: {
    resultCode: RESULT_CODES.rate_limited,
    httpStatus: 429,
    signed: true,
    meaning: 'too many requests (or resends) for this app or address',
  },
  not_supported: {
    resultCode: RESULT_CODES.not_supported,
    httpStatus: 200,
    signed: true,
    meaning: 'a v1 path Kassa does not implement (custodial wallet calls)',
  },
  body_too_large: {
    resultCode: RESULT_CODES.body_too_large,
    httpStatus: 413,
    signed: false,
    meaning: 'the request body is larger than the limit (64 KiB by default)',
  },
  unknown_path: {
    resultCode: RESULT_CODES.unknown_path,
    httpStatus: 404,
    signed: false,
    meaning: 'no such endpoint',
  },
  service_unavailable: {
    resultCode: RESULT_CODES.service_unavailable,
    httpStatus: 503,
    signed: true,
    meaning: 'the gateway is stopping and takes no new request; retry, another instance answers',
  },
  internal_error: {
    resultCode: RESULT_CODES.internal_error,
    httpStatus: 500,
    signed: true,
    meaning: 'anything unexpected; logged with its cause, nothing leaked',
  },
} as const satisfies Record<KassaErrorCode, ErrorReply>;
