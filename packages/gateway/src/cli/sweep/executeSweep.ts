import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { LocalAccount } from 'viem';
import type { ChainClient } from '../../adapters/chains/evm/createChainClient.ts';
import type { SweepSendReport } from '../../adapters/chains/evm/sweep/SweepSendReport.ts';
import { sendSignedSweep } from '../../adapters/chains/evm/sweep/sendSignedSweep.ts';
import { signSweepPlan } from '../../adapters/chains/evm/sweep/signSweepPlan.ts';
import type { Network, NetworkSweepSettings } from '../../core/network.ts';
import type { FundsStore } from '../../core/ports/FundsStore.ts';
import type { SweepPlan } from '../../core/sweep/SweepPlan.ts';
import { planSweep } from './planSweep.ts';
import { requireSweepDestination } from './requireSweepDestination.ts';
import { writeNewFile } from './writeNewFile.ts';

export type ExecuteSweepParameters = {
  readonly network: Network;
  readonly funds: FundsStore;
  readonly publicClient: ChainClient;
  readonly gasWallet: LocalAccount;
  /** Mnemonic or account xprv; used for signing only, never written or logged. */
  readonly secret: string;
  readonly accountIndex?: number;
  readonly strategy: NetworkSweepSettings['strategy'];
  readonly allAddresses: boolean;
  /** Where the plan, signed and journal files are kept (`<dir>/<planId>.plan.json`, …). */
  readonly dir: string;
  readonly log: (line: string) => void;
  /** Called with the plan before anything is signed or sent (the CLI prints its summary). */
  readonly onPlan?: (plan: SweepPlan, gasWalletBalance: bigint) => void;
};

/** The plan, and what sending it did; `report` is null when the plan had nothing to move. */
export type ExecuteSweepResult = {
  readonly plan: SweepPlan;
  readonly gasWalletBalance: bigint;
  readonly report: SweepSendReport | null;
  /** Null when there was nothing to move (no file is written then). */
  readonly planFile: string | null;
};

/**
 * Plan, sign and send in one process (`kassa sweep --execute`, the sandbox button), for an operator
 * whose seed may live on the gateway's machine. The files are the same as the three steps write,
 * kept in `dir`, so a crashed run is finished by `kassa sweep send --signed <dir>/<planId>.signed.json`.
 */
export async function executeSweep(p: ExecuteSweepParameters): Promise<ExecuteSweepResult> {
  const { plan, gasWalletBalance } = await planSweep({ ...p, gasWallet: p.gasWallet.address, now: new Date() });
  p.onPlan?.(plan, gasWalletBalance);
  if (plan.addresses.length === 0) return { plan, gasWalletBalance, report: null, planFile: null };
  mkdirSync(p.dir, { recursive: true });
  const planFile = path.join(p.dir, `${plan.planId}.plan.json`);
  writeNewFile(planFile, `${JSON.stringify(plan, null, 2)}\n`, false);
  p.log(`plan ${plan.planId}: ${plan.addresses.length} addresses (${plan.strategy}), written to ${planFile}`);
  const signed = await signSweepPlan({
    plan,
    secret: p.secret,
    expected: { destination: requireSweepDestination(p.network), chainId: p.network.chainId },
    ...(p.accountIndex === undefined ? {} : { accountIndex: p.accountIndex }),
  });
  const signedFile = path.join(p.dir, `${plan.planId}.signed.json`);
  writeNewFile(signedFile, `${JSON.stringify(signed, null, 2)}\n`, false);
  const report = await sendSignedSweep({
    signed,
    publicClient: p.publicClient,
    gasWallet: p.gasWallet,
    funds: p.funds,
    journalFile: `${signedFile}.journal`,
    now: Date.now,
    log: p.log,
  });
  return { plan, gasWalletBalance, report, planFile };
}
