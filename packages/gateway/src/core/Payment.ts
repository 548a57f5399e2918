/** The chain's view of a payment: seen in a block, deep enough, or removed by a reorg. */
export type PaymentStatus = 'processing' | 'success' | 'failed';

/** One on-chain transfer into a quote's address (a "trade" on the wire). */
export type Payment = {
  readonly recordId: string;
  readonly orderId: string;
  readonly quoteId: number;
  readonly networkKey: string;
  readonly txid: string;
  /** ERC-20 log index; -1 for a native transfer. */
  readonly logIndex: number;
  readonly blockNumber: bigint;
  readonly blockHash: string;
  readonly fromAddress: string;
  readonly toAddress: string;
  readonly contract: string | null;
  readonly amount: bigint;
  readonly status: PaymentStatus;
  readonly seenAtMs: number;
  readonly confirmedAtMs: number | null;
  readonly failedAtMs: number | null;
};
