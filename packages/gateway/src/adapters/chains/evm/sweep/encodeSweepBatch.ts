import { encodeFunctionData, type Hex } from 'viem';
import type { SweepBatch } from '../../../../core/sweep/SweepPlan.ts';
import { kassaSweeperAbi } from './kassaSweeperArtifact.ts';

/**
 * Calldata of `KassaSweeper.sweepMany(addresses, tokens)` for one batch: the gas wallet sends it
 * to the sweeper contract (any delegated address would do too, the code is the same).
 *
 * @example
 * const data = encodeSweepBatch({ addresses: [deposit], tokens: [[usdt]] });
 */
export function encodeSweepBatch(batch: Pick<SweepBatch, 'addresses' | 'tokens'>): Hex {
  return encodeFunctionData({ abi: kassaSweeperAbi, functionName: 'sweepMany', args: [batch.addresses, batch.tokens] });
}
