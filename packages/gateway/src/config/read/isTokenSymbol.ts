// As the symbols of bridged coins are spelled (`USDC.e`): the wire `crypto` and the rate key.
const TOKEN_SYMBOL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$/;

/** Whether `text` can be a token symbol: 1–16 letters, digits, dots, dashes or underscores. */
export function isTokenSymbol(text: string): boolean {
  return TOKEN_SYMBOL.test(text);
}
