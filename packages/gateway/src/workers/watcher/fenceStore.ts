import type { LeaseFencing } from '../../core/LeaderLock.ts';
import type { Store } from '../../core/ports.ts';

/**
 * The store as a lease holder's job sees it: each of its transactions first checks, inside the
 * transaction, that the lease is still held (`leases.assertHeld`), and the cursor heartbeat, the
 * one write a watcher makes outside a transaction, becomes one. A holder deposed while frozen or
 * cut off therefore commits nothing after a standby took over: no payment of a fork the new holder
 * already rewound, no cursor moved back.
 */
export function fenceStore(store: Store, fencing: LeaseFencing): Store {
  const transaction: Store['transaction'] = (work) =>
    store.transaction(async (tx) => {
      await tx.leases.assertHeld(fencing);
      return work(tx);
    });
  return {
    ...store,
    transaction,
    chain: {
      ...store.chain,
      setCursor: (networkKey, nextBlock, nowMs) =>
        transaction((tx) => tx.chain.setCursor(networkKey, nextBlock, nowMs)),
    },
  };
}
