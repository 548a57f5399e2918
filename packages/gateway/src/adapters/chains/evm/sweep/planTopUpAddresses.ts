import { type Address, BaseError, encodeFunctionData, erc20Abi, type PublicClient } from 'viem';
import { planTopUpAddress } from '../../../../core/sweep/planTopUpAddress.ts';
import { SweepError } from '../../../../core/sweep/SweepError.ts';
import type { SweepAddressPlan, SweepDust } from '../../../../core/sweep/SweepPlan.ts';
import type { TokenAsset } from '../../../../core/sweep/splitTokenDust.ts';
import { isDelegatedTo } from './isDelegatedTo.ts';
import { mapInRounds } from './mapInRounds.ts';
import type { DepositState } from './readDepositStates.ts';
import {
  getNativeThreshold,
  listForeignCodeDust,
  type SweepPlanContext,
  splitDepositState,
  toNativeDust,
} from './splitDepositState.ts';

export type PlanTopUpAddressesParameters = {
  readonly publicClient: PublicClient;
  readonly states: readonly DepositState[];
  readonly context: SweepPlanContext;
  readonly gasPrice: bigint;
  readonly gasWallet: Address;
  /** The destination's sweeper: a top-up into an address delegated to it runs its `receive()`. */
  readonly sweeper: Address;
};

export type PlannedTopUpAddresses = {
  readonly addresses: readonly SweepAddressPlan[];
  readonly dust: readonly SweepDust[];
  /** Gas of the top-up transfer into each topped-up address that has code (lower-case key); others 21000. */
  readonly topUpGasLimits: ReadonlyMap<string, bigint>;
};

const PLAIN_TRANSFER_GAS = 21_000n;

/**
 * The topup side of a plan: per address, a transfer per token (gas from `eth_estimateGas` of that
 * very transfer from the address), then its native coin minus fees or a top-up of the missing gas
 * money (decided by `planTopUpAddress`). An address with foreign code (delegated elsewhere than
 * to the sweeper) that would need a top-up is left, as `foreign-code` dust: what that code does
 * with coin sent to it is unknown.
 *
 * No margin is added to the estimates: a gas limit only caps what is spent, the fee is charged on
 * the gas used, and the estimate is what this transfer needs in the state the plan read. What the
 * limit over-reserves (storage refunds, the destination's first balance write being paid once
 * only) is a few thousand gas per transfer; it stays at the address and `send` reports it, to be
 * taken by the next native sweep.
 *
 * @example
 * const { addresses, dust } = await planTopUpAddresses({ publicClient, states, context, gasPrice, gasWallet, sweeper });
 */
export async function planTopUpAddresses(p: PlanTopUpAddressesParameters): Promise<PlannedTopUpAddresses> {
  const { publicClient, context } = p;
  const nativeGasLimit = await estimateTransferGas(publicClient, context.destination, p.gasWallet);
  const splits = p.states.map((state) => ({ state, ...splitDepositState(state, context) }));
  const tokenGasLimits = await mapInRounds(splits, ({ state, tokens }) =>
    Promise.all(tokens.map((token) => estimateTokenTransferGas(publicClient, state, token, context.destination))),
  );
  const addresses: SweepAddressPlan[] = [];
  const dust: SweepDust[] = [];
  const delegatedTopUps: Address[] = [];
  splits.forEach((split, i) => {
    const decided = planTopUpAddress({
      nonce: split.state.nonce,
      native: split.state.native,
      nativeThreshold: getNativeThreshold(context),
      tokens: split.tokens.map((token, t) => ({
        ...token,
        amount: BigInt(token.amount),
        gasLimit: tokenGasLimits[i]?.[t] ?? 0n,
      })),
      nativeGasLimit,
      gasPrice: p.gasPrice,
      destination: context.destination,
    });
    const { state } = split;
    if (decided.topUp > 0n && state.code !== undefined) {
      if (!isDelegatedTo(state.code, p.sweeper)) {
        dust.push(...listForeignCodeDust(state, context));
        return;
      }
      delegatedTopUps.push(state.address);
    }
    dust.push(...split.dust);
    if (decided.leftover !== null)
      dust.push(toNativeDust(state, context, decided.leftover.amount, decided.leftover.reason));
    if (decided.transactions.length > 0) addresses.push(toAddressPlan(state, split.tokens, decided));
  });
  // A transfer into an address delegated to the sweeper runs its `receive()`: more than 21000.
  const gas = await mapInRounds(delegatedTopUps, (address) => estimateTransferGas(publicClient, address, p.gasWallet));
  const topUpGasLimits = new Map(delegatedTopUps.map((address, i) => [address.toLowerCase(), gas[i] ?? 0n]));
  return { addresses, dust, topUpGasLimits };
}

function toAddressPlan(
  state: DepositState,
  tokens: readonly TokenAsset[],
  decided: ReturnType<typeof planTopUpAddress>,
): SweepAddressPlan {
  return {
    index: state.index,
    address: state.address,
    nonce: state.nonce,
    native: state.native.toString(),
    tokens,
    topUp: decided.topUp.toString(),
    transactions: decided.transactions,
    needsAuthorization: false,
  };
}

/** Gas of a plain native transfer to `to`: 21000 to an account without code, else estimated. */
async function estimateTransferGas(publicClient: PublicClient, to: Address, from: Address): Promise<bigint> {
  const code = await publicClient.getCode({ address: to });
  if (code === undefined || code === '0x') return PLAIN_TRANSFER_GAS;
  // Value 0: a call's gas does not depend on its value at the top level, and a gas wallet that
  // is not funded yet (the plan says how much it needs) must not fail the estimate.
  return publicClient.estimateGas({ account: from, to, value: 0n, prepare: false });
}

async function estimateTokenTransferGas(
  publicClient: PublicClient,
  state: DepositState,
  token: TokenAsset,
  destination: Address,
): Promise<bigint> {
  try {
    // Without a gas price the node does not check the sender can pay: a token-only address can.
    return await publicClient.estimateGas({
      account: state.address,
      to: token.contract,
      data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [destination, BigInt(token.amount)] }),
      prepare: false,
    });
  } catch (error) {
    // A transfer that would revert (a paused token, a blocked address) cannot be planned: say which.
    const reason = error instanceof BaseError ? error.shortMessage : String(error);
    throw new SweepError(
      `the ${token.symbol} transfer from deposit address ${state.address} (index ${state.index}) cannot be estimated: ${reason}`,
      { cause: error },
    );
  }
}
