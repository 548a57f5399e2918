import path from 'node:path';
import type { KassaConfig } from '../../config/KassaConfig.ts';
import { loadConfig } from '../../config/loadConfig.ts';
import { SweepError } from '../../core/sweep/SweepError.ts';
import { parseCommandArgs, UsageError } from '../parseCommandArgs.ts';
import { connectSweepNetwork } from './connectSweepNetwork.ts';
import { type ExecuteSweepParameters, type ExecuteSweepResult, executeSweep } from './executeSweep.ts';
import { findSweepNetwork } from './findSweepNetwork.ts';
import { formatSweepPlanSummary } from './formatSweepPlanSummary.ts';
import { formatSweepSendReport } from './formatSweepSendReport.ts';
import { requireGasWallet } from './loadGasWallet.ts';
import { nativeSymbolOf } from './nativeSymbolOf.ts';
import { openFundsDatabase } from './openFundsDatabase.ts';
import { readSandboxSweepNetwork } from './readSandboxSweepNetwork.ts';
import { readSeedSecret } from './readSeedSecret.ts';
import { readStrategyOption } from './readStrategyOption.ts';
import { runSandboxSweep } from './runSandboxSweep.ts';

/**
 * `kassa sweep --execute`: plan, sign and send in one process, the files kept in
 * `<dataDir>/sweeps/`. In a sandbox data dir (no `--config`, no `--network`) it sweeps the devnet
 * to the test account with anvil's public keys, needing no setting at all.
 */
export async function runSweepExecuteCommand(args: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    network: { type: 'string' },
    strategy: { type: 'string' },
    'data-dir': { type: 'string' },
    config: { type: 'string' },
    'seed-file': { type: 'string' },
    'gas-key-file': { type: 'string' },
    'all-addresses': { type: 'boolean', default: false },
  });
  const config = loadConfig({
    mode: 'auto',
    ...(values['data-dir'] === undefined ? {} : { overrides: { dataDir: values['data-dir'] } }),
    ...(values.config === undefined ? {} : { configFile: values.config }),
  });
  const isSandboxCandidate = values.config === undefined && values.network === undefined;
  if (isSandboxCandidate && readSandboxSweepNetwork(config.dataDir) !== null) {
    if (values.strategy !== undefined)
      throw new UsageError('the sandbox sweep picks its own strategy: leave out --strategy');
    const database = await openFundsDatabase(config);
    try {
      const { dataDir } = config;
      return printResult(
        await runSandboxSweep({ dataDir, funds: database.funds, log: printLog, onPlan: printPlan('ETH') }),
      );
    } finally {
      await database.close();
    }
  }
  return executeConfigured(config, values);
}

type ExecuteOptions = {
  readonly network?: string | undefined;
  readonly strategy?: string | undefined;
  readonly 'seed-file'?: string | undefined;
  readonly 'gas-key-file'?: string | undefined;
  readonly 'all-addresses': boolean;
};

async function executeConfigured(config: KassaConfig, values: ExecuteOptions): Promise<number> {
  const network = findSweepNetwork(config.networks, values.network);
  const strategy = readStrategyOption(values.strategy, network.sweep);
  const gasWallet = requireGasWallet(values['gas-key-file']);
  const publicClient = await connectSweepNetwork(network);
  const secret = await readSeedSecret(values['seed-file'] === undefined ? {} : { file: values['seed-file'] });
  const database = await openFundsDatabase(config);
  try {
    const parameters: ExecuteSweepParameters = {
      network,
      funds: database.funds,
      publicClient,
      gasWallet,
      secret,
      strategy,
      allAddresses: values['all-addresses'],
      dir: path.join(config.dataDir, 'sweeps'),
      log: printLog,
      onPlan: printPlan(nativeSymbolOf(network)),
    };
    return printResult(await executeSweep(parameters));
  } finally {
    await database.close();
  }
}

function printLog(line: string): void {
  process.stderr.write(`${line}\n`);
}

function printPlan(nativeSymbol: string): NonNullable<ExecuteSweepParameters['onPlan']> {
  return (plan, gasWalletBalance) =>
    process.stdout.write(`${formatSweepPlanSummary(plan, { gasWalletBalance, nativeSymbol })}\n`);
}

function printResult({ report }: ExecuteSweepResult): number {
  if (report === null) {
    process.stdout.write('nothing to sweep\n');
    return 0;
  }
  process.stdout.write(`${formatSweepSendReport(report)}\n`);
  if (report.failed.length > 0)
    throw new SweepError(`${report.failed.length} addresses were not swept: plan again for them`);
  return 0;
}
