import { randomUUID } from 'node:crypto';
import type { Address } from 'viem';
import type { ChainClient } from '../../adapters/chains/evm/createChainClient.ts';
import { type BuildSweepPlanReturnType, buildSweepPlan } from '../../adapters/chains/evm/sweep/buildSweepPlan.ts';
import type { Network, NetworkSweepSettings } from '../../core/network.ts';
import type { FundsStore } from '../../core/ports/FundsStore.ts';
import { readDustThresholds } from './readDustThresholds.ts';
import { requireSweepDestination } from './requireSweepDestination.ts';

export type PlanSweepParameters = {
  readonly network: Network;
  readonly funds: FundsStore;
  readonly publicClient: ChainClient;
  readonly strategy: NetworkSweepSettings['strategy'];
  readonly gasWallet: Address;
  /** Every address the network ever issued, not only the paid ones (`--all-addresses`). */
  readonly allAddresses: boolean;
  readonly now: Date;
};

/**
 * The plan step shared by `sweep plan`, `sweep --execute` and the sandbox button: the network's
 * deposit addresses from the ledger, its destination and dust settings, a fresh random plan id.
 */
export async function planSweep(p: PlanSweepParameters): Promise<BuildSweepPlanReturnType> {
  const destination = requireSweepDestination(p.network);
  const addresses = p.allAddresses
    ? await p.funds.listIssuedAddresses(p.network.key)
    : await p.funds.listPaidAddresses(p.network.key);
  return buildSweepPlan({
    publicClient: p.publicClient,
    network: p.network,
    addresses,
    destination,
    strategy: p.strategy,
    gasWallet: p.gasWallet,
    dust: readDustThresholds(p.network),
    planId: randomUUID(),
    now: p.now,
  });
}
