import type { Address } from 'viem';
import { SweepError } from '../../../../core/sweep/SweepError.ts';
import type { SweepAddressPlan, SweepPlan } from '../../../../core/sweep/SweepPlan.ts';
import { predictSweeperAddress } from './predictSweeperAddress.ts';

/** What the signer knows without the plan: from its own config, not from the file. */
export type SweepExpectations = {
  readonly destination: Address;
  readonly chainId: number;
  /**
   * The highest gas price (wei) the signer accepts for what the deposit addresses sign (topup).
   * The plan's price cannot be checked offline otherwise: a raised one spends an address's own
   * coin on fees (never sends it anywhere else). Absent: any.
   */
  readonly maxGasPriceWei?: bigint;
};

/** No deposit transaction (an ERC-20 transfer or a plain send) needs more; a bigger limit would only burn the address's coin. */
export const MAX_DEPOSIT_GAS_LIMIT = 1_000_000n;

/**
 * Refuses a plan the seed must not sign. The plan is an untrusted file (it travels from the server
 * to where the seed is), so it is checked against what the signer expects, and for inner
 * consistency. Why this is enough: `signSweepPlan` never signs bytes from the plan. It builds every
 * transaction itself from the plan's semantic fields (token, amount, nonce, gas) with the
 * destination fixed as the recipient, and every authorization for the sweeper, which is a pure
 * function of the destination. So a tampered plan can at most ask for a transfer that fails, or be
 * refused here; it cannot send funds anywhere but the expected destination. What is not checkable
 * offline, the gas price, is bounded in its effect by the gas limit cap and shown by the CLI.
 * Whether each address really is `xpub/0/<index>` is checked by `signSweepPlan`, with the keys.
 */
export function verifySweepPlan(plan: SweepPlan, expected: SweepExpectations): void {
  if (plan.network.chainId !== expected.chainId) {
    refuse(`its chain id is ${plan.network.chainId}, but this network's is ${expected.chainId}`);
  }
  if (!sameAddress(plan.destination, expected.destination)) {
    refuse(`its destination ${plan.destination} is not the configured sweepTo ${expected.destination}`);
  }
  const { maxGasPriceWei } = expected;
  if (maxGasPriceWei !== undefined && plan.strategy === 'topup' && BigInt(plan.gasPrice) > maxGasPriceWei) {
    refuse(`its gas price ${plan.gasPrice} wei is above the --max-gas-price of ${maxGasPriceWei} wei`);
  }
  const seen = new Set<string>();
  for (const address of plan.addresses) {
    const key = address.address.toLowerCase();
    if (seen.has(key)) refuse(`it lists ${address.address} twice`);
    seen.add(key);
  }
  if (plan.strategy === 'eip7702') verifyDelegation(plan, seen);
  else verifyTopUp(plan);
}

function verifyDelegation(plan: SweepPlan, planned: ReadonlySet<string>): void {
  const sweeper = predictSweeperAddress(plan.destination);
  if (plan.sweeper === null || !sameAddress(plan.sweeper, sweeper)) {
    refuse(`its sweeper ${plan.sweeper ?? 'null'} is not the KassaSweeper for ${plan.destination} (${sweeper})`);
  }
  for (const address of plan.addresses) {
    if (address.transactions.length > 0) refuse(`${address.address} has deposit transactions under eip7702`);
  }
  for (const [b, batch] of plan.batches.entries()) {
    for (const member of batch.addresses) {
      if (!planned.has(member.toLowerCase())) refuse(`batch ${b} names ${member}, which is not among its addresses`);
    }
  }
}

function verifyTopUp(plan: SweepPlan): void {
  if (plan.sweeper !== null) refuse('it names a sweeper under the topup strategy');
  if (plan.batches.length > 0) refuse('it has eip7702 batches under the topup strategy');
  for (const address of plan.addresses) {
    if (address.needsAuthorization) refuse(`${address.address} asks for an authorization under topup`);
    verifyDepositTransactions(plan, address);
  }
}

function verifyDepositTransactions(plan: SweepPlan, address: SweepAddressPlan): void {
  const left = new Map<string, bigint>(
    address.tokens.flatMap((t) => (t.contract === null ? [] : [[t.contract.toLowerCase(), BigInt(t.amount)]])),
  );
  let nativeLeft = BigInt(address.native) + BigInt(address.topUp);
  let fees = 0n;
  for (const [i, tx] of address.transactions.entries()) {
    const where = `${address.address} transaction ${i}`;
    if (tx.nonce !== address.nonce + i) refuse(`${where} has nonce ${tx.nonce}, expected ${address.nonce + i}`);
    const gasLimit = BigInt(tx.gasLimit);
    if (gasLimit > MAX_DEPOSIT_GAS_LIMIT) refuse(`${where} has gas limit ${gasLimit}, over ${MAX_DEPOSIT_GAS_LIMIT}`);
    fees += gasLimit * BigInt(plan.gasPrice);
    if (tx.kind === 'native') {
      if (!sameAddress(tx.to, plan.destination)) refuse(`${where} sends native coin to ${tx.to}, not the destination`);
      nativeLeft -= BigInt(tx.amount);
      continue;
    }
    const balance = left.get(tx.to.toLowerCase());
    if (balance === undefined || tx.contract === null || !sameAddress(tx.contract, tx.to)) {
      refuse(`${where} calls ${tx.to}, which is not one of the address's listed tokens`);
    }
    if (BigInt(tx.amount) > balance) refuse(`${where} moves more ${tx.to} than the address holds`);
    left.set(tx.to.toLowerCase(), balance - BigInt(tx.amount));
  }
  // The address pays its own fees from its coin plus the top-up: asking for more would only fail on chain.
  if (nativeLeft < fees) refuse(`${address.address} would send more native coin than it holds after fees`);
  if (BigInt(address.topUp) > fees) refuse(`${address.address} gets a top-up larger than its transactions' fees`);
}

function sameAddress(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function refuse(reason: string): never {
  throw new SweepError(`sweep plan refused: ${reason}`);
}
