/** Random tokens are URL-safe base64 (≥ 128 bits). */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/** Whether `token` can be a checkout token at all: anything else is answered without a query. */
export function isCheckoutToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}
