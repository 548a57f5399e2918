import { type Address, getAddress, type PublicClient } from 'viem';
import { getXpubId } from '../../../../app/getXpubId.ts';
import type { Network } from '../../../../core/network.ts';
import type { DepositAddress } from '../../../../core/ports/FundsStore.ts';
import { chooseSweepStrategy } from '../../../../core/sweep/chooseSweepStrategy.ts';
import { SweepError } from '../../../../core/sweep/SweepError.ts';
import { SWEEP_PLAN_FORMAT, type SweepPlan, type SweepStrategy } from '../../../../core/sweep/SweepPlan.ts';
import { sumSweepPlanCost } from '../../../../core/sweep/sumSweepPlanCost.ts';
import { sumSweepTotals } from '../../../../core/sweep/sumSweepTotals.ts';
import { deriveDepositAddress } from '../deriveDepositAddress.ts';
import { planBatches } from './planBatches.ts';
import { planEip7702Addresses } from './planEip7702Addresses.ts';
import { planTopUpAddresses } from './planTopUpAddresses.ts';
import { predictSweeperAddress } from './predictSweeperAddress.ts';
import { readDepositStates } from './readDepositStates.ts';
import { readSweepFees } from './readSweepFees.ts';
import type { SweepPlanContext } from './splitDepositState.ts';

export type BuildSweepPlanParameters = {
  readonly publicClient: PublicClient;
  readonly network: Network;
  /** Candidates from the funds ledger; those of another xpub are ignored. */
  readonly addresses: readonly DepositAddress[];
  /** The configured `sweepTo`. */
  readonly destination: Address;
  readonly strategy: 'auto' | SweepStrategy;
  readonly gasWallet: Address;
  /** Base units; balances below are dust. Key: lower-case contract, or 'native'. */
  readonly dust: ReadonlyMap<string, bigint>;
  readonly planId: string;
  readonly now: Date;
};

export type BuildSweepPlanReturnType = {
  readonly plan: SweepPlan;
  /** The gas wallet's balance now, wei: compare with `plan.cost.gasWalletNeedsWei`. */
  readonly gasWalletBalance: bigint;
  /** Candidates left out: of another xpub, or not the address the network's xpub derives at their index. */
  readonly ignoredAddresses: number;
  /** Whether the destination's sweeper has code on the chain: why `auto` chose the strategy it did. */
  readonly isSweeperDeployed: boolean;
};

/**
 * Plans a sweep of a network's deposit addresses to `destination` from live chain state (the
 * ledger only names the candidates): balances, nonces and code of every address, the fees, the
 * strategy, and what it all costs. Reads only; sends nothing and needs no key.
 *
 * @example
 * const { plan, gasWalletBalance } = await buildSweepPlan({ publicClient, network, addresses: await store.funds.listPaidAddresses('ETH'), destination, strategy: 'auto', gasWallet, dust: new Map(), planId, now: new Date() });
 */
export async function buildSweepPlan(p: BuildSweepPlanParameters): Promise<BuildSweepPlanReturnType> {
  const { publicClient, network } = p;
  const destination = getAddress(p.destination);
  const gasWallet = getAddress(p.gasWallet);
  const candidates = selectCandidates(network, p.addresses);
  const sweeper = predictSweeperAddress(destination);
  const context = describeContext(publicClient, network, p.dust, destination);
  const [chainId, fees, states, gasWalletBalance, sweeperCode] = await Promise.all([
    publicClient.getChainId(),
    readSweepFees(publicClient),
    readDepositStates({ publicClient, addresses: candidates, tokens: context.tokens.map((t) => t.contract) }),
    publicClient.getBalance({ address: gasWallet }),
    publicClient.getCode({ address: sweeper }),
  ]);
  if (chainId !== network.chainId) {
    throw new SweepError(`the RPC of ${network.key} serves chain id ${chainId}, not the configured ${network.chainId}`);
  }
  const isSweeperDeployed = sweeperCode !== undefined && sweeperCode !== '0x';
  const strategy = chooseSweepStrategy({ requested: p.strategy, isSweeperDeployed, networkKey: network.key });
  const planned =
    strategy === 'eip7702'
      ? { ...planEip7702Addresses(states, context, sweeper), topUpGasLimits: new Map<string, bigint>() }
      : await planTopUpAddresses({ publicClient, states, context, gasPrice: fees.gasPrice, gasWallet, sweeper });
  const batches = strategy === 'eip7702' ? planBatches(planned.addresses) : [];
  const plan: SweepPlan = {
    format: SWEEP_PLAN_FORMAT,
    version: 1,
    planId: p.planId,
    createdAt: p.now.toISOString(),
    network: { key: network.key, chainId: network.chainId },
    xpub: network.xpub,
    destination,
    strategy,
    sweeper: strategy === 'eip7702' ? sweeper : null,
    gasWallet,
    gasPrice: fees.gasPrice.toString(),
    maxFeePerGas: fees.maxFeePerGas.toString(),
    maxPriorityFeePerGas: fees.maxPriorityFeePerGas.toString(),
    addresses: planned.addresses,
    batches,
    dust: planned.dust,
    totals: sumSweepTotals({ strategy, addresses: planned.addresses, native: context.native }),
    cost: sumSweepPlanCost({
      strategy,
      addresses: planned.addresses,
      batches,
      gasPrice: fees.gasPrice,
      maxFeePerGas: fees.maxFeePerGas,
      topUpGasLimits: planned.topUpGasLimits,
    }),
  };
  return { plan, gasWalletBalance, ignoredAddresses: p.addresses.length - candidates.length, isSweeperDeployed };
}

/**
 * The candidates this network's xpub derives, each once, ascending by index, checksummed. A ledger
 * row of another xpub (the config's xpub changed) or whose address is not the one derived at its
 * index is left out: `sign` would refuse the whole plan for it.
 */
function selectCandidates(
  network: Network,
  addresses: readonly DepositAddress[],
): { address: Address; index: number }[] {
  const xpubId = getXpubId(network.xpub);
  const selected = new Map<number, { address: Address; index: number }>();
  for (const candidate of addresses) {
    if (candidate.xpubId !== xpubId || selected.has(candidate.index)) continue;
    const address = deriveDepositAddress(network.xpub, candidate.index);
    if (address.toLowerCase() !== candidate.address.toLowerCase()) continue;
    selected.set(candidate.index, { address, index: candidate.index });
  }
  return [...selected.values()].sort((a, b) => a.index - b.index);
}

function describeContext(
  publicClient: PublicClient,
  network: Network,
  dust: ReadonlyMap<string, bigint>,
  destination: Address,
): SweepPlanContext {
  const tokens = network.tokens.flatMap((token) =>
    token.contract === null
      ? []
      : [{ contract: getAddress(token.contract), symbol: token.symbol, decimals: token.decimals }],
  );
  // A network may list no native coin (nobody pays in it), but its addresses still hold some.
  const listed = network.tokens.find((token) => token.contract === null);
  const native = listed ?? publicClient.chain?.nativeCurrency ?? { symbol: 'ETH', decimals: 18 };
  return { tokens, native: { symbol: native.symbol, decimals: native.decimals }, dust, destination };
}
