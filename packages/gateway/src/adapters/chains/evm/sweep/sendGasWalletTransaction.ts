import { type Hash, keccak256, type TransactionReceipt, type TransactionSerializable } from 'viem';
import { SweepError } from '../../../../core/sweep/SweepError.ts';
import { awaitSweepReceipt } from './awaitSweepReceipt.ts';
import { broadcastRawTransaction } from './broadcastRawTransaction.ts';
import type { SweepSendContext } from './SweepSendContext.ts';

/** A gas-wallet transaction without its nonce: the wallet's pending count is taken at signing. */
export type GasWalletTransaction = TransactionSerializable;

/**
 * Signs a gas-wallet transaction, journals it (fsynced) and only then broadcasts it: a crash at
 * any point leaves either nothing sent, or the exact bytes on disk for the rerun to send again.
 *
 * Resolves once it is mined: with its receipt, whatever its status.
 *
 * @example
 * const receipt = await sendGasWalletTransaction(ctx, `topup:${address}`, { type: 'legacy', to, value, gas, gasPrice, chainId });
 */
export async function sendGasWalletTransaction(
  ctx: SweepSendContext,
  key: string,
  transaction: GasWalletTransaction,
): Promise<TransactionReceipt> {
  const nonce = await ctx.publicClient.getTransactionCount({ address: ctx.gasWallet.address, blockTag: 'pending' });
  const raw = await ctx.gasWallet.signTransaction({ ...transaction, nonce } as TransactionSerializable);
  const hash = keccak256(raw);
  // Noted before it can be mined: the watcher must find it when it scans the block (see FundsStore).
  await ctx.funds.noteOutgoingTransaction(ctx.plan.network.key, hash, ctx.now());
  ctx.journal.append({ planId: ctx.plan.planId, key, hash, raw, nonce });
  await broadcastRawTransaction(ctx.publicClient, raw);
  ctx.log(`sent ${key} ${hash}`);
  return awaitGasWalletReceipt(ctx, key, hash, nonce);
}

async function awaitGasWalletReceipt(
  ctx: SweepSendContext,
  key: string,
  hash: Hash,
  nonce: number,
): Promise<TransactionReceipt> {
  const receipt = await awaitSweepReceipt({
    publicClient: ctx.publicClient,
    hash,
    from: ctx.gasWallet.address,
    nonce,
    what: key,
    timeoutMs: ctx.receiptTimeoutMs,
  });
  if (receipt === null) {
    throw new SweepError(`${key} (${hash}) will never be mined: the gas wallet used its nonce ${nonce} elsewhere`);
  }
  return receipt;
}
