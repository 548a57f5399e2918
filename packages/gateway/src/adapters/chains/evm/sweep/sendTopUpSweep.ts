import { awaitSweepReceipt } from './awaitSweepReceipt.ts';
import { broadcastRawTransaction } from './broadcastRawTransaction.ts';
import { inspectTopUpAddress, recordDepositReceipt, type TopUpAddressState } from './inspectTopUpAddress.ts';
import { recordSweepReceipt } from './recordSweepReceipt.ts';
import { requireGasWalletFunds } from './requireGasWalletFunds.ts';
import type { SweepSendContext } from './SweepSendContext.ts';
import { sendGasWalletTransaction } from './sendGasWalletTransaction.ts';

/**
 * Sends a top-up sweep, address by address in plan order: the exact gas money first (when the
 * address's own balance does not cover its transactions), then its signed transactions in nonce
 * order. Every address is looked up on chain first, and the gas wallet's whole remaining bill is
 * checked before anything is broadcast.
 *
 * @example
 * await sendTopUpSweep(ctx);
 */
export async function sendTopUpSweep(ctx: SweepSendContext): Promise<void> {
  const states: TopUpAddressState[] = [];
  for (const planned of ctx.plan.addresses) {
    const state = await inspectTopUpAddress(ctx, planned);
    if (state !== null) states.push(state);
  }
  const gasPrice = BigInt(ctx.plan.gasPrice);
  const needsWei = states.reduce(
    (sum, state) => sum + (state.topUpWei === 0n ? 0n : state.topUpWei + state.topUpGas * gasPrice),
    0n,
  );
  await requireGasWalletFunds(ctx, needsWei);
  for (const state of states) {
    if (state.topUpWei > 0n && !(await sendTopUp(ctx, state, gasPrice))) continue;
    await sendDepositTransactions(ctx, state);
  }
}

/** Sends and awaits one top-up; false when it did not land (the address is then reported failed). */
async function sendTopUp(ctx: SweepSendContext, state: TopUpAddressState, gasPrice: bigint): Promise<boolean> {
  const lower = state.address.toLowerCase();
  const key = `topup:${lower}`;
  const receipt = await sendGasWalletTransaction(ctx, key, {
    type: 'legacy',
    chainId: ctx.plan.network.chainId,
    to: state.address,
    value: state.topUpWei,
    gas: state.topUpGas,
    gasPrice,
  });
  await recordSweepReceipt(ctx, {
    receipt,
    kind: 'topup',
    valueWei: state.topUpWei,
    movements: [],
    address: lower,
    batch: null,
  });
  return receipt.status === 'success';
}

async function sendDepositTransactions(ctx: SweepSendContext, state: TopUpAddressState): Promise<void> {
  const lower = state.address.toLowerCase();
  for (const tx of state.pending) {
    await broadcastRawTransaction(ctx.publicClient, tx.raw);
    ctx.log(`sent ${tx.kind} of ${state.address} ${tx.hash}`);
  }
  for (const tx of state.pending) {
    const receipt = await awaitSweepReceipt({
      publicClient: ctx.publicClient,
      hash: tx.hash,
      from: state.address,
      nonce: tx.nonce,
      what: `${tx.kind} transaction of ${state.address}`,
      timeoutMs: ctx.receiptTimeoutMs,
    });
    if (receipt === null) {
      ctx.failed.set(lower, `nonce ${tx.nonce} was used by another transaction; plan again`);
      return;
    }
    await recordDepositReceipt(ctx, tx, receipt);
  }
}
