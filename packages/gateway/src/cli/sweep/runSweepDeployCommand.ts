import { deploySweeper } from '../../adapters/chains/evm/sweep/deploySweeper.ts';
import { loadConfig } from '../../config/loadConfig.ts';
import { parseCommandArgs } from '../parseCommandArgs.ts';
import { connectSweepNetwork } from './connectSweepNetwork.ts';
import { createSweepWalletClient } from './createSweepWalletClient.ts';
import { findSweepNetwork } from './findSweepNetwork.ts';
import { requireGasWallet } from './loadGasWallet.ts';
import { requireSweepDestination } from './requireSweepDestination.ts';

/**
 * `kassa sweep deploy --network KEY`: deploys the sweeper contract for the network's `sweepTo`
 * (paid by the gas wallet), so `auto` sweeps use EIP-7702 from then on. Idempotent.
 */
export async function runSweepDeployCommand(args: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    network: { type: 'string' },
    config: { type: 'string' },
    'gas-key-file': { type: 'string' },
  });
  const config = loadConfig({ mode: 'auto', ...(values.config === undefined ? {} : { configFile: values.config }) });
  const network = findSweepNetwork(config.networks, values.network);
  const destination = requireSweepDestination(network);
  const gasWallet = requireGasWallet(values['gas-key-file']);
  const publicClient = await connectSweepNetwork(network);
  const { address, txid } = await deploySweeper({
    publicClient,
    walletClient: createSweepWalletClient(publicClient, gasWallet),
    destination,
  });
  process.stdout.write(
    txid === null
      ? `the sweeper for ${destination} on ${network.key} is already deployed at ${address}\n`
      : `deployed the sweeper for ${destination} on ${network.key} at ${address} (transaction ${txid})\n`,
  );
  return 0;
}
