import type { Network } from '../core/network.ts';
import type { OrderStatus } from '../core/OrderStatus.ts';
import type { Payment } from '../core/Payment.ts';
import type { ChainBlock } from '../core/ports.ts';
import type { Deps } from './Deps.ts';
import { refreshOrderStatuses } from './refreshOrderStatuses.ts';

export type RewindChainDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'networks'>;

export type RewindChainParameters = {
  readonly network: Network;
  /** The newest block the kept chain and the node's chain still share. */
  readonly forkBlock: bigint;
  /** The kept blocks above `forkBlock`: the node's chain no longer has them. */
  readonly orphanedBlocks: readonly ChainBlock[];
};

export type RewindChainReturnType = {
  /** Payments of the orphaned blocks, now `failed`. */
  readonly failed: readonly Payment[];
  readonly orderStatuses: ReadonlyMap<string, OrderStatus>;
};

/**
 * Undoes what the watcher recorded on a fork the chain abandoned, in one transaction: the payments
 * of the orphaned blocks become `failed` (their orders' statuses go back, webhooks are written),
 * the orphaned block hashes are forgotten and the cursor moves back to just above the fork, so the
 * next scan reads the new chain from there. A transaction that is mined again on the new chain is
 * then recorded as a new payment.
 */
export async function rewindChain(
  deps: RewindChainDeps,
  { network, forkBlock, orphanedBlocks }: RewindChainParameters,
): Promise<RewindChainReturnType> {
  const nowMs = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const orphaned = await tx.payments.listLivePaymentsInBlocks(
      network.key,
      orphanedBlocks.map((b) => b.blockHash),
    );
    const failed: Payment[] = [];
    for (const payment of orphaned) {
      if (await tx.payments.markPaymentFailed(payment.recordId, nowMs)) {
        failed.push({ ...payment, status: 'failed', failedAtMs: nowMs });
      }
    }
    await tx.chain.deleteBlocksFrom(network.key, forkBlock + 1n);
    await tx.chain.setCursor(network.key, forkBlock + 1n, nowMs);
    const orderStatuses = await refreshOrderStatuses(
      { tx, ids: deps.ids, networks: deps.networks },
      { changedPayments: failed, nowMs },
    );
    return { failed, orderStatuses };
  });
}
