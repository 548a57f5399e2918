import { formatAmount } from '../../../../core/money/formatAmount.ts';
import { SweepError } from '../../../../core/sweep/SweepError.ts';
import type { SweepSendContext } from './SweepSendContext.ts';

const NATIVE_DECIMALS = 18;

/**
 * Refuses, before anything is broadcast, a run the gas wallet cannot pay to the end: half a sweep
 * (top-ups sent, batches stuck) helps nobody.
 *
 * @example
 * await requireGasWalletFunds(ctx, 2_000_000_000_000_000n);
 */
export async function requireGasWalletFunds(ctx: SweepSendContext, needsWei: bigint): Promise<void> {
  if (needsWei === 0n) return;
  const address = ctx.gasWallet.address;
  const balance = await ctx.publicClient.getBalance({ address, blockTag: 'pending' });
  if (balance >= needsWei) return;
  const format = (wei: bigint) => `${formatAmount(wei, NATIVE_DECIMALS)} (${wei} wei)`;
  throw new SweepError(
    `gas wallet ${address} holds ${format(balance)} but this sweep needs ${format(needsWei)}: send it ${format(needsWei - balance)} more`,
  );
}
