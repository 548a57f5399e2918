import type { KassaErrorCode } from './KassaError.ts';

export type ResultCodeEntry = {
  /** The `code` field of the wire envelope (spec §8). */
  readonly resultCode: number;
  /** Business errors are HTTP 200 (spec §1); only transport failures use other statuses. */
  readonly httpStatus: 200 | 404 | 413 | 429 | 500;
  /** Whether the reply may be signed: an unknown app has no secret to sign with. */
  readonly signed: boolean;
  /** What the code means, for docs/errors.md. */
  readonly meaning: string;
};

/** The success result code of every envelope. */
export const SUCCESS_RESULT_CODE = 10000;

/**
 * Each error code's wire result code. The `satisfies` clause makes a new `KassaErrorCode` without
 * a row here a compile error; `docs/errors.md` is kept in step by a test.
 */
export const RESULT_CODES = {
  missing_header: {
    resultCode: 100001,
    httpStatus: 200,
    signed: true,
    meaning: '`Appid`, `Timestamp` or `Sign` header absent or malformed',
  },
  unknown_app: {
    resultCode: 100002,
    httpStatus: 200,
    signed: false,
    meaning: 'no app with that `Appid`; the reply is unsigned',
  },
  bad_signature: {
    resultCode: 100003,
    httpStatus: 200,
    signed: true,
    meaning: '`Sign` does not match the request',
  },
  stale_timestamp: {
    resultCode: 100004,
    httpStatus: 200,
    signed: true,
    meaning: '`Timestamp` outside the accepted window (120 s by default)',
  },
  invalid_json: {
    resultCode: 100005,
    httpStatus: 200,
    signed: true,
    meaning: 'the body is not a JSON object',
  },
  invalid_param: {
    resultCode: 100006,
    httpStatus: 200,
    signed: true,
    meaning: 'a field breaks a rule; `msg` names the field and the rule',
  },
  duplicate_order: {
    resultCode: 100007,
    httpStatus: 200,
    signed: true,
    meaning: '`merchant_order_id` reused with different values',
  },
  order_not_found: {
    resultCode: 100008,
    httpStatus: 200,
    signed: true,
    meaning: 'no such order for this app',
  },
  too_many_ids: {
    resultCode: 100009,
    httpStatus: 200,
    signed: true,
    meaning: 'more than 100 ids in one query',
  },
  unsupported_token: {
    resultCode: 100010,
    httpStatus: 200,
    signed: true,
    meaning: 'unknown or disabled `token_id`, coin or network',
  },
  rate_unavailable: {
    resultCode: 100011,
    httpStatus: 200,
    signed: true,
    meaning: 'no fresh exchange rate for that token; no quote is made rather than a wrong one',
  },
  rate_limited: {
    resultCode: 100012,
    httpStatus: 429,
    signed: true,
    meaning: 'too many requests (or resends) for this app or address',
  },
  not_supported: {
    resultCode: 100013,
    httpStatus: 200,
    signed: true,
    meaning: 'a v1 path Kassa does not implement (custodial wallet calls)',
  },
  body_too_large: {
    resultCode: 100014,
    httpStatus: 413,
    signed: false,
    meaning: 'the request body is larger than the limit (64 KiB by default)',
  },
  unknown_path: {
    resultCode: 100015,
    httpStatus: 404,
    signed: false,
    meaning: 'no such endpoint',
  },
  internal_error: {
    resultCode: 100099,
    httpStatus: 500,
    signed: true,
    meaning: 'anything unexpected; logged with its cause, nothing leaked',
  },
} as const satisfies Record<KassaErrorCode, ResultCodeEntry>;
