import { type Address, keccak256, parseTransaction, type TransactionReceipt } from 'viem';
import type { SignedDepositTransaction } from '../../../../core/sweep/SignedSweep.ts';
import { SweepError } from '../../../../core/sweep/SweepError.ts';
import type { SweepAddressPlan } from '../../../../core/sweep/SweepPlan.ts';
import { collectSweepMovements } from './collectSweepMovements.ts';
import { findTransactionReceipt } from './findTransactionReceipt.ts';
import { recordSweepReceipt } from './recordSweepReceipt.ts';
import type { SweepSendContext } from './SweepSendContext.ts';

const PLAIN_TRANSFER_GAS = 21_000n;

/** A deposit-signed transaction with the fields its cost depends on, read from its own bytes. */
export type DepositTransaction = SignedDepositTransaction & { gas: bigint; gasPrice: bigint; value: bigint };

/** A deposit address with work left: what it still sends, and the top-up it needs first (0n: none). */
export type TopUpAddressState = {
  readonly address: Address;
  readonly index: number;
  readonly pending: readonly DepositTransaction[];
  readonly topUpWei: bigint;
  readonly topUpGas: bigint;
};

/**
 * Asks the chain first where one address of a top-up sweep stands: records whatever of it is
 * already mined, and returns what is left to do, or null when nothing is (done, or failed with
 * the reason in `ctx.failed`). A top-up is never signed twice: one journaled already that did not
 * leave enough fails the address instead.
 *
 * @example
 * const state = await inspectTopUpAddress(ctx, plan.addresses[0]);
 */
export async function inspectTopUpAddress(
  ctx: SweepSendContext,
  planned: SweepAddressPlan,
): Promise<TopUpAddressState | null> {
  const address = planned.address as Address;
  const lower = address.toLowerCase();
  const pending: DepositTransaction[] = [];
  for (const tx of depositTransactionsOf(ctx, lower)) {
    const receipt = await findTransactionReceipt(ctx.publicClient, tx.hash);
    if (receipt === null) pending.push(tx);
    else await recordDepositReceipt(ctx, tx, receipt);
  }
  const topUp = ctx.journal.find(`topup:${lower}`);
  const topUpReceipt = topUp === undefined ? null : await findTransactionReceipt(ctx.publicClient, topUp.hash);
  if (topUp !== undefined && topUpReceipt !== null) {
    const { value } = parseTransaction(topUp.raw);
    await recordSweepReceipt(ctx, {
      receipt: topUpReceipt,
      kind: 'topup',
      valueWei: value ?? 0n,
      movements: [],
      address: lower,
      batch: null,
    });
  }
  const first = pending[0];
  if (first === undefined) return null;
  const count = await ctx.publicClient.getTransactionCount({ address, blockTag: 'latest' });
  if (count > first.nonce) {
    ctx.failed.set(lower, `nonce ${first.nonce} was used by another transaction; plan again`);
    return null;
  }
  const needed = pending.reduce((sum, tx) => sum + tx.gas * tx.gasPrice + tx.value, 0n);
  const balance = await ctx.publicClient.getBalance({ address, blockTag: 'latest' });
  if (balance >= needed) return { address, index: planned.index, pending, topUpWei: 0n, topUpGas: 0n };
  if (topUp !== undefined) {
    ctx.failed.set(
      lower,
      `its top-up ${topUp.hash} was sent but it is still short of ${needed - balance} wei; plan again`,
    );
    return null;
  }
  const topUpWei = needed - balance;
  const code = await ctx.publicClient.getCode({ address });
  // An address with code (a delegation) may run code on receipt: ask the node what that costs.
  const topUpGas =
    code === undefined || code === '0x'
      ? PLAIN_TRANSFER_GAS
      : await ctx.publicClient.estimateGas({ account: ctx.gasWallet.address, to: address, value: topUpWei });
  return { address, index: planned.index, pending, topUpWei, topUpGas };
}

function depositTransactionsOf(ctx: SweepSendContext, lower: string): DepositTransaction[] {
  return ctx.signed.transactions
    .filter((tx) => tx.address.toLowerCase() === lower)
    .sort((a, b) => a.nonce - b.nonce)
    .map((tx) => {
      // The hash is what the chain is asked about: it must be the hash of the bytes sent.
      if (keccak256(tx.raw) !== tx.hash.toLowerCase()) {
        throw new SweepError(`signed transaction ${tx.hash} of ${tx.address} does not hash to its stated hash`);
      }
      const parsed = parseTransaction(tx.raw);
      return { ...tx, gas: parsed.gas ?? 0n, gasPrice: parsed.gasPrice ?? 0n, value: parsed.value ?? 0n };
    });
}

/** Records a mined deposit transaction: a token transfer's Transfer logs, or a native sweep's value. */
export async function recordDepositReceipt(
  ctx: SweepSendContext,
  tx: DepositTransaction,
  receipt: TransactionReceipt,
): Promise<void> {
  const lower = tx.address.toLowerCase();
  const index = ctx.indexes.get(lower) ?? -1;
  const movements =
    tx.kind === 'native'
      ? [{ address: lower, index, contract: null, amount: tx.value }]
      : collectSweepMovements({
          logs: receipt.logs,
          addresses: new Map([[lower, index]]),
          destination: ctx.plan.destination.toLowerCase(),
        });
  await recordSweepReceipt(ctx, {
    receipt,
    kind: 'deposit',
    valueWei: tx.value,
    movements,
    address: lower,
    batch: null,
  });
}
