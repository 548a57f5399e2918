import { createSecretBox } from '../adapters/crypto/createSecretBox.ts';
import { createDb } from '../adapters/db/createDb.ts';
import { createStore } from '../adapters/db/createStore.ts';
import { migrateToLatest } from '../adapters/db/migrateToLatest.ts';
import { loadConfig } from '../config/loadConfig.ts';
import { buildFundsReport } from './funds/buildFundsReport.ts';
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
    json: { type: 'boolean', default: false },
  });
  if (positionals.length > 0) throw new UsageError(`funds: unexpected argument '${positionals[0]}'`);
  const config = loadConfig({ mode: 'auto', ...(values.config === undefined ? {} : { configFile: values.config }) });
  const kassaDb = createDb({ url: config.database.url });
  const store = createStore(kassaDb, createSecretBox(config.masterKey));
  try {
    await migrateToLatest(kassaDb);
    const report = buildFundsReport({
      funds: await store.funds.summarizeFunds(),
      costs: await store.funds.summarizeSweepCosts(),
      networks: config.networks,
    });
    process.stdout.write(values.json ? `${JSON.stringify(formatFundsJson(report))}\n` : formatFundsTable(report));
    return 0;
  } finally {
    await kassaDb.close();
  }
}
