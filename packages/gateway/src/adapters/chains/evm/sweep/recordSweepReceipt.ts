import type { TransactionReceipt } from 'viem';
import type { SweepMovement, SweepTransactionRecord } from '../../../../core/ports/FundsStore.ts';
import type { SweepSendContext } from './SweepSendContext.ts';
import { toSweepRecord } from './toSweepRecord.ts';

export type RecordSweepReceiptParameters = {
  readonly receipt: TransactionReceipt;
  readonly kind: SweepTransactionRecord['kind'];
  readonly valueWei: bigint;
  readonly movements: readonly SweepMovement[];
  readonly address: string | null;
  readonly batch: number | null;
};

/**
 * Records a mined sweep transaction in the ledger (idempotent: a rerun finding it again records
 * nothing) and adds it to this run's report.
 *
 * @example
 * await recordSweepReceipt(ctx, { receipt, kind: 'topup', valueWei, movements: [], address, batch: null });
 */
export async function recordSweepReceipt(ctx: SweepSendContext, p: RecordSweepReceiptParameters): Promise<void> {
  const record = toSweepRecord({
    receipt: p.receipt,
    networkKey: ctx.plan.network.key,
    planId: ctx.plan.planId,
    kind: p.kind,
    destination: ctx.plan.destination,
    valueWei: p.valueWei,
    recordedAtMs: ctx.now(),
    movements: p.movements,
  });
  if (ctx.transactions.has(record.txid)) return;
  const isNewlyRecorded = await ctx.funds.recordSweepTransaction(record);
  ctx.transactions.set(record.txid, {
    kind: record.kind,
    hash: p.receipt.transactionHash,
    address: p.address,
    batch: p.batch,
    status: record.status,
    gasUsed: record.gasUsed,
    feeWei: record.feeWei,
    valueWei: record.valueWei,
    paidBy: record.paidBy,
    isNewlyRecorded,
  });
  ctx.movements.push(...record.movements);
  if (record.status === 'reverted') {
    const what = p.batch === null ? `its ${p.kind} transaction` : `batch ${p.batch}`;
    const addresses = p.address === null ? [] : [p.address];
    for (const address of p.batch === null ? addresses : batchAddressesOf(ctx, p.batch)) {
      // An address already dropped from the batch keeps the reason it was dropped for.
      if (!ctx.failed.has(address)) ctx.failed.set(address, `${what} ${p.receipt.transactionHash} reverted`);
    }
  }
}

function batchAddressesOf(ctx: SweepSendContext, batch: number): string[] {
  return (ctx.plan.batches[batch]?.addresses ?? []).map((address) => address.toLowerCase());
}
