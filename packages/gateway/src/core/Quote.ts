/** A priced coin choice of an order, with its deposit address (one per order and network, shared by its quotes there). */
export type Quote = {
  readonly quoteId: number;
  readonly orderId: string;
  readonly networkKey: string;
  readonly tokenId: string;
  readonly symbol: string;
  /** Lower-case token contract, or null for the native coin. */
  readonly contract: string | null;
  readonly decimals: number;
  /** USD per whole token, canonical decimal string. */
  readonly tokenRate: string;
  /** What the buyer owes, in base units. */
  readonly amount: bigint;
  /** Lower-case deposit address. */
  readonly address: string;
  readonly addressIndex: number;
  readonly xpubId: string;
  readonly createdAtMs: number;
  readonly pricedAtMs: number;
};
