import type { TransactionReceipt } from 'viem';
import type { SweepMovement, SweepTransactionRecord } from '../../../../core/ports/FundsStore.ts';

export type ToSweepRecordParameters = {
  readonly receipt: TransactionReceipt;
  readonly networkKey: string;
  readonly planId: string;
  readonly kind: SweepTransactionRecord['kind'];
  readonly destination: string;
  /** Native value the transaction carried (top-up amount, native sweep value). */
  readonly valueWei: bigint;
  readonly recordedAtMs: number;
  /** Already empty for a reverted transaction's caller to pass: it moved nothing. */
  readonly movements: readonly SweepMovement[];
};

/**
 * The ledger row of a mined sweep transaction. A reverted one keeps its fee (it was paid) and
 * moves nothing, whatever the caller found.
 *
 * @example
 * await funds.recordSweepTransaction(toSweepRecord({ receipt, networkKey: 'ETH', planId, kind: 'batch', ... }));
 */
export function toSweepRecord(p: ToSweepRecordParameters): SweepTransactionRecord {
  const { receipt } = p;
  const isSuccess = receipt.status === 'success';
  return {
    networkKey: p.networkKey,
    txid: receipt.transactionHash.toLowerCase(),
    planId: p.planId,
    kind: p.kind,
    from: receipt.from.toLowerCase(),
    // Every sweep transaction has a recipient; only a contract creation has none.
    to: (receipt.to ?? '').toLowerCase(),
    destination: p.destination.toLowerCase(),
    blockNumber: receipt.blockNumber,
    gasUsed: receipt.gasUsed,
    feeWei: receipt.gasUsed * receipt.effectiveGasPrice,
    valueWei: isSuccess ? p.valueWei : 0n,
    paidBy: p.kind === 'deposit' ? 'deposit' : 'gas_wallet',
    status: isSuccess ? 'success' : 'reverted',
    recordedAtMs: p.recordedAtMs,
    movements: isSuccess ? p.movements : [],
  };
}
