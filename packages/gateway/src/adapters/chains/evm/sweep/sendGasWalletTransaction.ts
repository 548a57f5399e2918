import { type Hash, keccak256, type TransactionSerializable } from 'viem';
import { broadcastRawTransaction } from './broadcastRawTransaction.ts';
import type { SweepSendContext } from './SweepSendContext.ts';

/** A gas-wallet transaction without its nonce: the wallet's pending count is taken at signing. */
export type GasWalletTransaction = TransactionSerializable;

/**
 * Signs a gas-wallet transaction, journals it (fsynced) and only then broadcasts it: a crash at
 * any point leaves either nothing sent, or the exact bytes on disk for the rerun to send again.
 *
 * @example
 * const { hash, nonce } = await sendGasWalletTransaction(ctx, `topup:${address}`, { type: 'legacy', to, value, gas, gasPrice, chainId });
 */
export async function sendGasWalletTransaction(
  ctx: SweepSendContext,
  key: string,
  transaction: GasWalletTransaction,
): Promise<{ hash: Hash; nonce: number }> {
  const nonce = await ctx.publicClient.getTransactionCount({ address: ctx.gasWallet.address, blockTag: 'pending' });
  const raw = await ctx.gasWallet.signTransaction({ ...transaction, nonce } as TransactionSerializable);
  const hash = keccak256(raw);
  ctx.journal.append({ planId: ctx.plan.planId, key, hash, raw, nonce });
  await broadcastRawTransaction(ctx.publicClient, raw);
  ctx.log(`sent ${key} ${hash}`);
  return { hash, nonce };
}
