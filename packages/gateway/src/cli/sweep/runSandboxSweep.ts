import path from 'node:path';
import { privateKeyToAccount } from 'viem/accounts';
import { ANVIL_DEFAULT_ACCOUNT, ANVIL_DEFAULT_MNEMONIC } from '../../adapters/chains/evm/startAnvil.ts';
import { deploySweeper } from '../../adapters/chains/evm/sweep/deploySweeper.ts';
import type { FundsStore } from '../../core/ports/FundsStore.ts';
import { SweepError } from '../../core/sweep/SweepError.ts';
import { connectSweepNetwork } from './connectSweepNetwork.ts';
import { createSweepWalletClient } from './createSweepWalletClient.ts';
import { type ExecuteSweepParameters, type ExecuteSweepResult, executeSweep } from './executeSweep.ts';
import { readSandboxSweepNetwork } from './readSandboxSweepNetwork.ts';
import { requireSweepDestination } from './requireSweepDestination.ts';

/** The sandbox's deposit xpub is account 2' of anvil's mnemonic (see DEV_XPUB). */
const SANDBOX_ACCOUNT_INDEX = 2;

export type RunSandboxSweepParameters = {
  /** The sandbox's data dir: `sandbox.json`, and `sweeps/` for the files. */
  readonly dataDir: string;
  /** The sandbox database's ledger. */
  readonly funds: FundsStore;
  readonly log: (line: string) => void;
  readonly onPlan?: ExecuteSweepParameters['onPlan'];
};

/**
 * Sweeps every paid sandbox deposit address to the sandbox test account, in one go: the keys are
 * anvil's public ones (deposits: its mnemonic; gas: its account 0), so nothing needs configuring.
 * Deploys the sweeper first when missing, so the sandbox shows the EIP-7702 path.
 */
export async function runSandboxSweep({
  dataDir,
  funds,
  log,
  onPlan,
}: RunSandboxSweepParameters): Promise<ExecuteSweepResult> {
  const network = readSandboxSweepNetwork(dataDir);
  if (network === null) throw new SweepError(`no sandbox in ${dataDir}: start it with kassa dev`);
  const publicClient = await connectSweepNetwork(network);
  const gasWallet = privateKeyToAccount(ANVIL_DEFAULT_ACCOUNT.privateKey);
  const deployed = await deploySweeper({
    publicClient,
    walletClient: createSweepWalletClient(publicClient, gasWallet),
    destination: requireSweepDestination(network),
  });
  if (deployed.txid !== null) log(`deployed the sweeper at ${deployed.address}`);
  return executeSweep({
    network,
    funds,
    publicClient,
    gasWallet,
    secret: ANVIL_DEFAULT_MNEMONIC,
    accountIndex: SANDBOX_ACCOUNT_INDEX,
    strategy: 'auto',
    allAddresses: false,
    dir: path.join(dataDir, 'sweeps'),
    log,
    ...(onPlan === undefined ? {} : { onPlan }),
  });
}
