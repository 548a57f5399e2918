import type { Address, TransactionReceipt } from 'viem';
import { SweepError } from '../../../../core/sweep/SweepError.ts';
import { collectSweepMovements } from './collectSweepMovements.ts';
import { encodeSweepBatch } from './encodeSweepBatch.ts';
import { findTransactionReceipt } from './findTransactionReceipt.ts';
import { type PreparedSweepBatch, prepareSweepBatch } from './prepareSweepBatch.ts';
import { recordSweepReceipt } from './recordSweepReceipt.ts';
import { requireGasWalletFunds } from './requireGasWalletFunds.ts';
import type { SweepSendContext } from './SweepSendContext.ts';
import { sendGasWalletTransaction } from './sendGasWalletTransaction.ts';

/**
 * Sends an EIP-7702 sweep: one gas-wallet type-4 transaction per batch, calling the sweeper's
 * `sweepMany` with the addresses' authorizations. A batch journaled by an earlier run is only
 * awaited and recorded, never signed again. Every batch is checked (authorizations, gas wallet
 * balance, base fee) before the first one is broadcast.
 *
 * @example
 * await sendBatchSweep(ctx);
 */
export async function sendBatchSweep(ctx: SweepSendContext): Promise<void> {
  const sweeper = ctx.plan.sweeper as Address | null;
  if (sweeper === null) throw new SweepError('the plan uses eip7702 but names no sweeper contract; plan again');
  const toSend: PreparedSweepBatch[] = [];
  for (const [index, batch] of ctx.plan.batches.entries()) {
    const entry = ctx.journal.find(`batch:${index}`);
    if (entry !== undefined) {
      const receipt = await findTransactionReceipt(ctx.publicClient, entry.hash);
      if (receipt !== null) await recordBatchReceipt(ctx, receipt, index);
      continue;
    }
    const prepared = await prepareSweepBatch(ctx, batch, index, sweeper);
    if (prepared.addresses.length > 0) toSend.push(prepared);
  }
  const maxFeePerGas = BigInt(ctx.plan.maxFeePerGas);
  await requireGasWalletFunds(
    ctx,
    toSend.reduce((sum, batch) => sum + batch.gasLimit * maxFeePerGas, 0n),
  );
  if (toSend.length > 0) await requireFeeUnderCap(ctx, maxFeePerGas);
  for (const batch of toSend) await sendBatch(ctx, batch, sweeper, maxFeePerGas);
}

async function sendBatch(
  ctx: SweepSendContext,
  batch: PreparedSweepBatch,
  sweeper: Address,
  maxFeePerGas: bigint,
): Promise<void> {
  const key = `batch:${batch.index}`;
  const call = {
    chainId: ctx.plan.network.chainId,
    to: sweeper,
    data: encodeSweepBatch({ addresses: batch.addresses, tokens: batch.tokens }),
    gas: batch.gasLimit,
    maxFeePerGas,
    maxPriorityFeePerGas: BigInt(ctx.plan.maxPriorityFeePerGas),
    value: 0n,
  };
  // EIP-7702 makes a type-4 transaction with an empty authorization list invalid (a node may still
  // take it into its pool and never mine it): a batch of addresses that are all delegated already
  // is an ordinary EIP-1559 call.
  const receipt = await sendGasWalletTransaction(
    ctx,
    key,
    batch.authorizationList.length === 0
      ? { ...call, type: 'eip1559' }
      : { ...call, type: 'eip7702', authorizationList: batch.authorizationList },
  );
  await recordBatchReceipt(ctx, receipt, batch.index);
}

async function recordBatchReceipt(ctx: SweepSendContext, receipt: TransactionReceipt, index: number): Promise<void> {
  const addresses = new Map(
    (ctx.plan.batches[index]?.addresses ?? []).map((address) => {
      const lower = address.toLowerCase();
      return [lower, ctx.indexes.get(lower) ?? -1] as const;
    }),
  );
  const movements = collectSweepMovements({
    logs: receipt.logs,
    addresses,
    destination: ctx.plan.destination.toLowerCase(),
  });
  await recordSweepReceipt(ctx, { receipt, kind: 'batch', valueWei: 0n, movements, address: null, batch: index });
}

async function requireFeeUnderCap(ctx: SweepSendContext, maxFeePerGas: bigint): Promise<void> {
  const block = await ctx.publicClient.getBlock({ blockTag: 'latest' });
  const baseFee = block.baseFeePerGas ?? 0n;
  if (baseFee > maxFeePerGas) {
    throw new SweepError(
      `fees rose above the plan's cap (base fee ${baseFee} wei > max fee ${maxFeePerGas} wei per gas); plan again`,
    );
  }
}
