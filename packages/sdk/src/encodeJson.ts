export type EncodeJsonReturnType = string;

/**
 * Serialises a value to the compact JSON that responses and webhooks are signed over.
 *
 * This is exactly `JSON.stringify(value)`: no whitespace, `/` unescaped, non-ASCII written as
 * UTF-8, keys in insertion order. It has to be: the official Node SDKs verify responses and
 * webhooks over `JSON.stringify(JSON.parse(body))` instead of the raw bytes, which only matches
 * when the sender already wrote that form. Serialise once and sign the string you send.
 * Money must already be a decimal string; a `bigint` throws, as `JSON.stringify` does.
 *
 * @example
 * const body = encodeJson({ code: 10000, msg: 'success', data: { payment_url } });
 * // '{"code":10000,"msg":"success","data":{"payment_url":"https://…"}}'
 */
export function encodeJson(value: unknown): EncodeJsonReturnType {
  const text: string | undefined = JSON.stringify(value);
  // JSON.stringify returns undefined for undefined, functions and symbols; there are no bytes to sign.
  if (text === undefined) throw new TypeError('encodeJson: value has no JSON representation');
  return text;
}
