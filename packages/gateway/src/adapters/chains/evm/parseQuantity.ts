/**
 * A JSON-RPC quantity (`0x`-prefixed hex, as nodes write block numbers, values and indexes) as a
 * bigint. Anything else throws naming `what`: a node that sends it is broken, and a guess could
 * book the wrong amount.
 */
export function parseQuantity(value: unknown, what: string): bigint {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{1,64}$/.test(value))
    throw new Error(`RPC answer: ${what} is not a hex quantity (${JSON.stringify(value)?.slice(0, 80)})`);
  return BigInt(value);
}

/** `n` as a JSON-RPC quantity. */
export const toQuantity = (n: bigint | number): `0x${string}` => `0x${n.toString(16)}`;
