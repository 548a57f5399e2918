import type { Address } from 'viem';
import type { SweepDust } from '../../../../core/sweep/SweepPlan.ts';
import { splitTokenDust, type TokenAsset } from '../../../../core/sweep/splitTokenDust.ts';
import type { DepositState } from './readDepositStates.ts';

/** A configured token with a contract, as the plan names it. */
export type PlanToken = { readonly contract: Address; readonly symbol: string; readonly decimals: number };

/** What every per-strategy planner needs besides the chain. */
export type SweepPlanContext = {
  /** The network's tokens with a contract, in the order `DepositState.balances` holds them. */
  readonly tokens: readonly PlanToken[];
  readonly native: { readonly symbol: string; readonly decimals: number };
  /** Dust thresholds, base units: key a lower-case contract, or 'native'. */
  readonly dust: ReadonlyMap<string, bigint>;
  readonly destination: Address;
};

/**
 * One address's token balances split into what a sweep moves (at or above the dust threshold) and
 * the dust it leaves.
 *
 * @example
 * const { tokens, dust } = splitDepositState(state, context);
 */
export function splitDepositState(
  state: DepositState,
  context: SweepPlanContext,
): { tokens: readonly TokenAsset[]; dust: readonly SweepDust[] } {
  return splitTokenDust({
    address: state.address,
    index: state.index,
    balances: context.tokens.map((token, i) => ({ ...token, amount: state.balances[i] ?? 0n })),
    thresholds: context.dust,
  });
}

/** The native dust threshold (wei): balances below it are not worth sweeping on their own. */
export function getNativeThreshold(context: SweepPlanContext): bigint {
  return context.dust.get('native') ?? 0n;
}

/** A dust entry for the native coin at `state`'s address. */
export function toNativeDust(
  state: DepositState,
  context: SweepPlanContext,
  amount: bigint,
  reason: SweepDust['reason'],
): SweepDust {
  return {
    address: state.address,
    index: state.index,
    contract: null,
    symbol: context.native.symbol,
    amount: amount.toString(),
    reason,
  };
}

/** Every non-zero balance of an address whose code is not the sweeper's delegation, as `foreign-code` dust. */
export function listForeignCodeDust(state: DepositState, context: SweepPlanContext): SweepDust[] {
  const dust: SweepDust[] = [];
  if (state.native > 0n) dust.push(toNativeDust(state, context, state.native, 'foreign-code'));
  context.tokens.forEach(({ contract, symbol }, i) => {
    const amount = state.balances[i] ?? 0n;
    if (amount === 0n) return;
    const { address, index } = state;
    dust.push({ address, index, contract, symbol, amount: amount.toString(), reason: 'foreign-code' });
  });
  return dust;
}
