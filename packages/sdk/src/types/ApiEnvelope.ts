// Wire types of the CCPayment v1 merchant API as Kassa speaks it (spec/ccpayment-v1.md).
// Field names stay snake_case: they are the wire. Amounts are decimal strings, never numbers.

/** Every response body: business errors are HTTP 200 with `code !== 10000`. */
export type ApiEnvelope<TData> = {
  code: number;
  msg: string;
  /** Omitted or null on errors. */
  data?: TData | null;
};
