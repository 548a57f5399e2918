/**
 * The `code` of every v1 response envelope, by name (spec §8, docs/errors.md). Only `success`
 * carries data; v1 clients test `code === 10000`, the names let logs say why a call failed.
 */
export const RESULT_CODES = {
  success: 10000,
  missing_header: 100001,
  unknown_app: 100002,
  bad_signature: 100003,
  stale_timestamp: 100004,
  invalid_json: 100005,
  invalid_param: 100006,
  duplicate_order: 100007,
  order_not_found: 100008,
  too_many_ids: 100009,
  unsupported_token: 100010,
  rate_unavailable: 100011,
  rate_limited: 100012,
  not_supported: 100013,
  body_too_large: 100014,
  unknown_path: 100015,
  service_unavailable: 100016,
  internal_error: 100099,
} as const;

/** The name of a result code, e.g. `duplicate_order`. */
export type ResultCodeName = keyof typeof RESULT_CODES;

/** A result code Kassa sends, e.g. `100007`. */
export type ResultCode = (typeof RESULT_CODES)[ResultCodeName];

const NAME_BY_CODE: ReadonlyMap<number, ResultCodeName> = new Map(
  Object.entries(RESULT_CODES).map(([name, code]) => [code, name as ResultCodeName]),
);

/**
 * The name of an envelope's result code; undefined for a code this SDK does not know (another
 * v1 gateway may send more).
 *
 * @example
 * getResultCodeName(100007) // 'duplicate_order'
 */
export function getResultCodeName(code: number): ResultCodeName | undefined {
  return NAME_BY_CODE.get(code);
}
