import { BaseError } from '../../../core/BaseError.ts';

export type ChainReorgedDuringScanErrorParameters = {
  readonly blockNumber: bigint;
  /** What was seen first, and what the later read disagreed with. */
  readonly expectedHash: `0x${string}`;
  readonly actualHash: `0x${string}`;
  readonly cause?: unknown;
};

/**
 * The reads of one block-range scan saw different versions of the chain (a reorg happened between
 * them, or a load-balanced RPC answered from nodes at different heads). Nothing from the scan may
 * be used; the caller retries it.
 */
export class ChainReorgedDuringScanError extends BaseError {
  override readonly name = 'ChainReorgedDuringScanError';
  readonly blockNumber: bigint;
  readonly expectedHash: `0x${string}`;
  readonly actualHash: `0x${string}`;

  constructor({ blockNumber, expectedHash, actualHash, cause }: ChainReorgedDuringScanErrorParameters) {
    super(`chain changed during scan at block ${blockNumber}: ${expectedHash} then ${actualHash}`, { cause });
    this.blockNumber = blockNumber;
    this.expectedHash = expectedHash;
    this.actualHash = actualHash;
  }
}
