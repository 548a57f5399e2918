import { existsSync } from 'node:fs';
import path from 'node:path';
import { createSecretBox } from '../adapters/crypto/createSecretBox.ts';
import { createDb } from '../adapters/db/createDb.ts';
import { createStore } from '../adapters/db/createStore.ts';
import { migrateToLatest } from '../adapters/db/migrateToLatest.ts';
import { buildFundsReport } from '../app/buildFundsReport.ts';
import { loadConfig } from '../config/loadConfig.ts';
import type { Network } from '../core/network.ts';
import { SANDBOX_FILE } from './dev/SandboxInfo.ts';
import { formatFundsJson } from './funds/formatFundsJson.ts';
import { formatFundsTable } from './funds/formatFundsTable.ts';
import { parseCommandArgs, UsageError } from './parseCommandArgs.ts';

/**
 * `kassa funds [--config FILE] [--json]`: the funds ledger — what was paid, what sweeps collected,
 * what awaits collection — per network and token, and what sweeping cost. Reads the database only.
 */
export async function runFundsCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    config: { type: 'string' },
    'data-dir': { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (positionals.length > 0) throw new UsageError(`funds: unexpected argument '${positionals[0]}'`);
  const config = loadConfig({
    mode: 'auto',
    ...(values.config === undefined ? {} : { configFile: values.config }),
    // The sandbox's data dir (`kassa dev --data-dir`), where its database is.
    ...(values['data-dir'] === undefined ? {} : { overrides: { dataDir: values['data-dir'] } }),
  });
  const kassaDb = createDb({ url: config.database.url });
  const store = createStore(kassaDb, createSecretBox(config.masterKey));
  try {
    await migrateToLatest(kassaDb);
    const report = buildFundsReport({
      funds: await store.funds.summarizeFunds(),
      costs: await store.funds.summarizeSweepCosts(),
      networks: [...config.networks, ...(await findSandboxNetwork(config.dataDir))],
    });
    process.stdout.write(values.json ? `${JSON.stringify(formatFundsJson(report))}\n` : formatFundsTable(report));
    return 0;
  } finally {
    await kassaDb.close();
  }
}

/**
 * The sandbox's DEV and TRON_DEV networks, which `kassa dev` adds at run time and no config names:
 * without them the sandbox's test tokens would print in base units. Loaded only when the data dir holds a sandbox.
 */
async function findSandboxNetwork(dataDir: string): Promise<Network[]> {
  if (!existsSync(path.join(dataDir, SANDBOX_FILE))) return [];
  const { readSandboxSweepNetwork } = await import('./sweep/readSandboxSweepNetwork.ts');
  const { readSandboxTronNetwork } = await import('./dev/readSandboxTronNetwork.ts');
  return [readSandboxSweepNetwork(dataDir), readSandboxTronNetwork(dataDir)].filter((n): n is Network => n !== null);
}
