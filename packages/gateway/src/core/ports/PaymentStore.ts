import type { Payment } from '../Payment.ts';

export type PaymentStore = {
  /** Every payment of these orders, in the order they were seen. */
  listPaymentsForOrders(orderIds: readonly string[]): Promise<Payment[]>;
  /**
   * Inserts a payment unless a live (not `failed`) payment of the same transfer exists (network,
   * txid, log index): one statement, so a rescan or a second watcher records nothing twice. True
   * when inserted.
   */
  insertPayment(payment: Payment): Promise<boolean>;
  /** The network's `processing` payments: those still waiting for confirmations. */
  listProcessingPayments(networkKey: string): Promise<Payment[]>;
  /** The network's live (`processing` or `success`) payments in blocks with these hashes. */
  listLivePaymentsInBlocks(networkKey: string, blockHashes: readonly string[]): Promise<Payment[]>;
  /** `processing` → `success`; false when the payment was not processing. */
  markPaymentConfirmed(recordId: string, confirmedAtMs: number): Promise<boolean>;
  /** `processing` or `success` → `failed` (its block was orphaned); false when already failed. */
  markPaymentFailed(recordId: string, failedAtMs: number): Promise<boolean>;
};
