import { SweepError } from '../../../../core/sweep/SweepError.ts';
import { awaitSweepReceipt } from './awaitSweepReceipt.ts';
import { broadcastRawTransaction } from './broadcastRawTransaction.ts';
import { findTransactionReceipt } from './findTransactionReceipt.ts';
import type { SweepSendContext } from './SweepSendContext.ts';

/**
 * Finishes what an earlier run signed: every journaled gas-wallet transaction not mined yet is
 * broadcast again as the same bytes (same hash: it cannot be paid twice) and awaited, in the
 * journal's order, which is the gas wallet's nonce order. Until these are mined the gas wallet's
 * pending nonce is not where new transactions should start.
 *
 * @example
 * await resumeSweepJournal(ctx);
 */
export async function resumeSweepJournal(ctx: SweepSendContext): Promise<void> {
  const waiting = [];
  for (const entry of ctx.journal.entries) {
    if ((await findTransactionReceipt(ctx.publicClient, entry.hash)) !== null) continue;
    await broadcastRawTransaction(ctx.publicClient, entry.raw);
    ctx.log(`sent again ${entry.key} ${entry.hash}`);
    waiting.push(entry);
  }
  for (const entry of waiting) {
    const receipt = await awaitSweepReceipt({
      publicClient: ctx.publicClient,
      hash: entry.hash,
      from: ctx.gasWallet.address,
      nonce: entry.nonce,
      what: entry.key,
      timeoutMs: ctx.receiptTimeoutMs,
    });
    if (receipt === null) {
      throw new SweepError(
        `${entry.key} (${entry.hash}) will never be mined: the gas wallet used its nonce ${entry.nonce} for another transaction; plan again`,
      );
    }
  }
}
