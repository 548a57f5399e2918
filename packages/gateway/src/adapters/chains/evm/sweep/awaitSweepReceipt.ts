import type { Address, Hash, PublicClient, TransactionReceipt } from 'viem';
import { SweepError } from '../../../../core/sweep/SweepError.ts';
import { findTransactionReceipt } from './findTransactionReceipt.ts';

export const DEFAULT_RECEIPT_TIMEOUT_MS = 120_000;
const FIRST_POLL_MS = 100;
const MAX_POLL_MS = 2_000;

export type AwaitSweepReceiptParameters = {
  readonly publicClient: PublicClient;
  readonly hash: Hash;
  /** Sender and nonce: once the sender's count passed the nonce without this receipt, it never comes. */
  readonly from: Address;
  readonly nonce: number;
  /** For messages: `top-up of 0x…`, `batch 2`. */
  readonly what: string;
  readonly timeoutMs: number;
};

/**
 * Polls for a sweep transaction's receipt; null when another transaction used its nonce, so it can
 * never be mined (the caller decides whether that fails one address or the run). Fails with a
 * SweepError when it is not mined in time: rerunning send is safe, the journal rebroadcasts the
 * same bytes.
 *
 * @example
 * const receipt = await awaitSweepReceipt({ publicClient, hash, from, nonce, what: 'batch 0', timeoutMs: 120_000 });
 */
export async function awaitSweepReceipt(p: AwaitSweepReceiptParameters): Promise<TransactionReceipt | null> {
  const deadlineMs = Date.now() + p.timeoutMs;
  let pollMs = FIRST_POLL_MS;
  for (;;) {
    const receipt = await findTransactionReceipt(p.publicClient, p.hash);
    if (receipt !== null) return receipt;
    const count = await p.publicClient.getTransactionCount({ address: p.from, blockTag: 'latest' });
    if (count > p.nonce) {
      // Mined between the two reads, or replaced: one more look tells which.
      return await findTransactionReceipt(p.publicClient, p.hash);
    }
    if (Date.now() >= deadlineMs) {
      throw new SweepError(
        `${p.what} (${p.hash}) not mined within ${Math.round(p.timeoutMs / 1000)} s; run send again (it resumes safely)`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    pollMs = Math.min(MAX_POLL_MS, Math.round(pollMs * 1.5));
  }
}
