import { getAddress, isAddress } from 'viem';
import { createChainClient } from '../../adapters/chains/evm/createChainClient.ts';
import { loadConfig } from '../../config/loadConfig.ts';
import { parseCommandArgs, UsageError } from '../parseCommandArgs.ts';
import { findSweepNetwork } from './findSweepNetwork.ts';
import { formatSweepPlanSummary } from './formatSweepPlanSummary.ts';
import { loadGasWallet } from './loadGasWallet.ts';
import { nativeSymbolOf } from './nativeSymbolOf.ts';
import { openFundsDatabase } from './openFundsDatabase.ts';
import { planSweep } from './planSweep.ts';
import { readStrategyOption } from './readStrategyOption.ts';
import { requireSweepDestination } from './requireSweepDestination.ts';
import { assertCanWrite, writeNewFile } from './writeNewFile.ts';

/**
 * `kassa sweep plan --network KEY --out FILE`: reads the deposit addresses from the database and
 * their balances from the chain, prints what the sweep would move and cost, writes the plan file.
 * Needs no key: the gas wallet is named by `--gas-wallet` or by its key's address.
 */
export async function runSweepPlanCommand(args: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    network: { type: 'string' },
    out: { type: 'string' },
    strategy: { type: 'string' },
    'gas-wallet': { type: 'string' },
    'gas-key-file': { type: 'string' },
    'all-addresses': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    config: { type: 'string' },
  });
  if (values.out === undefined) throw new UsageError('sweep plan needs --out FILE');
  const config = loadConfig({ mode: 'auto', ...(values.config === undefined ? {} : { configFile: values.config }) });
  const network = findSweepNetwork(config.networks, values.network);
  requireSweepDestination(network);
  const strategy = readStrategyOption(values.strategy, network.sweep);
  const gasWallet = readGasWalletAddress(values['gas-wallet'], values['gas-key-file']);
  assertCanWrite(values.out, values.force);
  const database = await openFundsDatabase(config);
  try {
    const publicClient = createChainClient(network);
    const { plan, gasWalletBalance, ignoredAddresses, isSweeperDeployed } = await planSweep({
      network,
      funds: database.funds,
      publicClient,
      strategy,
      gasWallet,
      allAddresses: values['all-addresses'],
      now: new Date(),
    });
    const nativeSymbol = nativeSymbolOf(network);
    const summary = formatSweepPlanSummary(plan, {
      gasWalletBalance,
      nativeSymbol,
      tokens: network.tokens,
      isSweeperDeployed,
    });
    process.stdout.write(`${summary}\n`);
    if (ignoredAddresses > 0) {
      // Addresses of an earlier xpub need that key's seed: a plan of their own, once the config names it.
      process.stdout.write(`${ignoredAddresses} address(es) of another xpub left out\n`);
    }
    writeNewFile(values.out, `${JSON.stringify(plan, null, 2)}\n`, values.force);
    process.stdout.write(`plan ${plan.planId} written to ${values.out}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

/** `--gas-wallet ADDR`, else the address of the gas key (env or `--gas-key-file`). */
function readGasWalletAddress(text: string | undefined, keyFile: string | undefined): `0x${string}` {
  if (text !== undefined) {
    if (!isAddress(text, { strict: false })) throw new UsageError(`--gas-wallet must be a 0x address, got '${text}'`);
    return getAddress(text);
  }
  const wallet = loadGasWallet(keyFile);
  if (wallet === null) {
    throw new UsageError('sweep plan needs --gas-wallet ADDR (or the gas key: KASSA_SWEEP_GAS_KEY or --gas-key-file)');
  }
  return wallet.address;
}
