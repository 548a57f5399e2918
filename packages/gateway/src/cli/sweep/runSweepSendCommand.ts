import { parseSignedSweep } from '../../adapters/chains/evm/sweep/parseSignedSweep.ts';
import { sendSignedSweep } from '../../adapters/chains/evm/sweep/sendSignedSweep.ts';
import { loadConfig } from '../../config/loadConfig.ts';
import { SweepError } from '../../core/sweep/SweepError.ts';
import { parseCommandArgs, UsageError } from '../parseCommandArgs.ts';
import { connectSweepNetwork } from './connectSweepNetwork.ts';
import { formatSweepSendReport } from './formatSweepSendReport.ts';
import { requireGasWallet } from './loadGasWallet.ts';
import { openFundsDatabase } from './openFundsDatabase.ts';
import { readSweepFile } from './readSweepFile.ts';

/**
 * `kassa sweep send --signed FILE`: broadcasts a signed sweep with the gas wallet, waits for the
 * receipts and records them in the ledger. Safe to run again: the journal beside the signed file
 * (`<FILE>.journal`) and the ledger say what is already done.
 */
export async function runSweepSendCommand(args: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    signed: { type: 'string' },
    config: { type: 'string' },
    'gas-key-file': { type: 'string' },
  });
  if (values.signed === undefined) throw new UsageError('sweep send needs --signed FILE');
  const signed = parseSignedSweep(readSweepFile(values.signed, 'signed sweep'));
  const { plan } = signed;
  const config = loadConfig({ mode: 'auto', ...(values.config === undefined ? {} : { configFile: values.config }) });
  const network = config.networks.find((n) => n.key === plan.network.key);
  if (network === undefined) {
    throw new SweepError(`the plan is for network ${plan.network.key}, which the config does not offer (no rpcUrls)`);
  }
  if (network.chainId !== plan.network.chainId) {
    throw new SweepError(
      `the plan is for chain ${plan.network.chainId}, but network ${network.key} is configured as chain ${network.chainId}`,
    );
  }
  const gasWallet = requireGasWallet(values['gas-key-file']);
  if (gasWallet.address.toLowerCase() !== plan.gasWallet.toLowerCase()) {
    throw new SweepError(`the gas key is for ${gasWallet.address}, but the plan's gas wallet is ${plan.gasWallet}`);
  }
  const publicClient = await connectSweepNetwork(network);
  const database = await openFundsDatabase(config);
  try {
    const report = await sendSignedSweep({
      signed,
      publicClient,
      gasWallet,
      funds: database.funds,
      journalFile: `${values.signed}.journal`,
      now: Date.now,
      log: (line) => process.stderr.write(`${line}\n`),
    });
    process.stdout.write(`${formatSweepSendReport(report)}\n`);
    return report.failed.length === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}
