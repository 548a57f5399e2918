import type { SweepAddressPlan, SweepBatch, SweepHex } from '../../../../core/sweep/SweepPlan.ts';
import { estimateSweepBatchGas } from './estimateSweepBatchGas.ts';

/**
 * Most addresses per `sweepMany` transaction. At the ~30,000 gas a fresh address costs (its
 * authorization included) and a few tokens each, 150 addresses stay far below the 16,777,216 gas
 * cap EIP-7825 puts on one transaction, and below most chains' block gas limits.
 */
export const MAX_BATCH_ADDRESSES = 150;

/**
 * Splits the eip7702 addresses, in the order given, into batches of at most
 * {@link MAX_BATCH_ADDRESSES}, each with the gas its `sweepMany` call needs: authorizations for the
 * addresses not yet delegated, one transfer per token and one per non-zero native balance.
 *
 * @example
 * const batches = planBatches(addresses);
 */
export function planBatches(addresses: readonly SweepAddressPlan[]): SweepBatch[] {
  const batches: SweepBatch[] = [];
  for (let start = 0; start < addresses.length; start += MAX_BATCH_ADDRESSES) {
    const members = addresses.slice(start, start + MAX_BATCH_ADDRESSES);
    // Tokens under eip7702 always have a contract: the native coin is never in `tokens`.
    const tokens = members.map((a) => a.tokens.flatMap((t): SweepHex[] => (t.contract === null ? [] : [t.contract])));
    const gasLimit = estimateSweepBatchGas({
      authorizations: members.filter((a) => a.needsAuthorization).length,
      addresses: members.length,
      tokenTransfers: tokens.reduce((sum, list) => sum + list.length, 0),
      nativeTransfers: members.filter((a) => BigInt(a.native) > 0n).length,
      distinctTokens: new Set(tokens.flat().map((contract) => contract.toLowerCase())).size,
    });
    batches.push({ addresses: members.map((a) => a.address), tokens, gasLimit: gasLimit.toString() });
  }
  return batches;
}
