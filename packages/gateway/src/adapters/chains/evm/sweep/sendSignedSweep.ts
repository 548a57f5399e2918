import type { Address, LocalAccount, PublicClient } from 'viem';
import type { FundsStore } from '../../../../core/ports/FundsStore.ts';
import type { SignedSweep } from '../../../../core/sweep/SignedSweep.ts';
import { SweepError } from '../../../../core/sweep/SweepError.ts';
import { DEFAULT_RECEIPT_TIMEOUT_MS } from './awaitSweepReceipt.ts';
import { createSweepJournal } from './createSweepJournal.ts';
import { resumeSweepJournal } from './resumeSweepJournal.ts';
import type { SweepSendContext } from './SweepSendContext.ts';
import type { SweepSendReport } from './SweepSendReport.ts';
import { sendBatchSweep } from './sendBatchSweep.ts';
import { sendTopUpSweep } from './sendTopUpSweep.ts';
import { summarizeSweepSend } from './summarizeSweepSend.ts';

export type SendSignedSweepParameters = {
  /** Validated (parseSignedSweep) signed sweep. */
  readonly signed: SignedSweep;
  readonly publicClient: PublicClient;
  /** Pays top-ups and batches; must be the plan's gas wallet. */
  readonly gasWallet: LocalAccount;
  readonly funds: FundsStore;
  /** JSON lines beside the signed file: what the gas wallet signed, written before each broadcast. */
  readonly journalFile: string;
  /** Ledger timestamps. */
  readonly now: () => number;
  /** One line per broadcast; never given a secret. */
  readonly log: (line: string) => void;
  /** Per transaction; default 120 s. */
  readonly receiptTimeoutMs?: number;
};

/**
 * Broadcasts a signed sweep, waits for its receipts and records them in the funds ledger. Safe to
 * run again after a crash or a timeout: the chain is asked first about every transaction of the
 * sweep, and what the gas wallet signed is journaled (fsynced) before it is broadcast, so a rerun
 * sends the same bytes again instead of paying twice.
 *
 * @example
 * const report = await sendSignedSweep({ signed, publicClient, gasWallet, funds: store.funds, journalFile: `${file}.journal`, now: Date.now, log: console.log });
 */
export async function sendSignedSweep(p: SendSignedSweepParameters): Promise<SweepSendReport> {
  const { plan } = p.signed;
  if (p.gasWallet.address.toLowerCase() !== plan.gasWallet.toLowerCase()) {
    throw new SweepError(
      `the gas wallet key is for ${p.gasWallet.address}, but the plan's gas wallet is ${plan.gasWallet}`,
    );
  }
  const chainId = await p.publicClient.getChainId();
  if (chainId !== plan.network.chainId) {
    throw new SweepError(
      `the RPC node is on chain ${chainId}, but the plan is for ${plan.network.key} (chain ${plan.network.chainId})`,
    );
  }
  const ctx: SweepSendContext = {
    signed: p.signed,
    plan,
    publicClient: p.publicClient,
    gasWallet: p.gasWallet,
    funds: p.funds,
    journal: createSweepJournal({ file: p.journalFile, planId: plan.planId }),
    now: p.now,
    log: p.log,
    receiptTimeoutMs: p.receiptTimeoutMs ?? DEFAULT_RECEIPT_TIMEOUT_MS,
    indexes: new Map(plan.addresses.map((a) => [a.address.toLowerCase(), a.index])),
    transactions: new Map(),
    movements: [],
    failed: new Map(),
  };
  await resumeSweepJournal(ctx);
  if (plan.strategy === 'topup') await sendTopUpSweep(ctx);
  else await sendBatchSweep(ctx);
  return summarizeSweepSend(ctx, await readLeftovers(ctx));
}

/** Native coin each swept address still holds: unused gas money under top-up, nothing under 7702. */
async function readLeftovers(ctx: SweepSendContext): Promise<Map<string, bigint>> {
  const leftovers = new Map<string, bigint>();
  for (const planned of ctx.plan.addresses) {
    const lower = planned.address.toLowerCase();
    if (ctx.failed.has(lower)) continue;
    const balance = await ctx.publicClient.getBalance({ address: planned.address as Address, blockTag: 'latest' });
    leftovers.set(lower, balance);
  }
  return leftovers;
}
