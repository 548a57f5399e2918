import type { Address } from 'viem';
import type { SweepAddressPlan, SweepDust } from '../../../../core/sweep/SweepPlan.ts';
import { isDelegatedTo } from './isDelegatedTo.ts';
import type { DepositState } from './readDepositStates.ts';
import {
  getNativeThreshold,
  listForeignCodeDust,
  type SweepPlanContext,
  splitDepositState,
  toNativeDust,
} from './splitDepositState.ts';

export type PlannedAddresses = {
  readonly addresses: readonly SweepAddressPlan[];
  readonly dust: readonly SweepDust[];
};

/**
 * The eip7702 side of a plan: every address with a token at or above its threshold, or enough
 * native coin, is swept by the sweeper, which moves the token balances named and the whole native
 * balance at no fee to the address; it signs an authorization unless it already delegates to the
 * sweeper. An address with any other code (a delegation elsewhere) is left, all its balances
 * listed as `foreign-code`: the sweeper cannot run there.
 *
 * @example
 * const { addresses, dust } = planEip7702Addresses(states, context, sweeper);
 */
export function planEip7702Addresses(
  states: readonly DepositState[],
  context: SweepPlanContext,
  sweeper: Address,
): PlannedAddresses {
  const addresses: SweepAddressPlan[] = [];
  const dust: SweepDust[] = [];
  const nativeThreshold = getNativeThreshold(context);
  for (const state of states) {
    const split = splitDepositState(state, context);
    const isDelegated = isDelegatedTo(state.code, sweeper);
    if (state.code !== undefined && !isDelegated) {
      dust.push(...listForeignCodeDust(state, context));
      continue;
    }
    dust.push(...split.dust);
    const sweepsNative = state.native > 0n && state.native >= nativeThreshold;
    if (split.tokens.length === 0 && !sweepsNative) {
      if (state.native > 0n) dust.push(toNativeDust(state, context, state.native, 'below-threshold'));
      continue;
    }
    addresses.push({
      index: state.index,
      address: state.address,
      nonce: state.nonce,
      native: state.native.toString(),
      tokens: split.tokens,
      topUp: '0',
      transactions: [],
      needsAuthorization: !isDelegated,
    });
  }
  return { addresses, dust };
}
