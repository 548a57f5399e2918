import { createDb } from '../adapters/db/createDb.ts';
import { migrateToLatest } from '../adapters/db/migrateToLatest.ts';
import { loadConfig } from '../config/loadConfig.ts';
import { parseCommandArgs } from './parseCommandArgs.ts';

/** `kassa migrate`: applies pending migrations and prints what it applied. */
export async function runMigrateCommand(args: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs(args, { config: { type: 'string' } });
  const config = loadConfig({ mode: 'auto', ...(values.config === undefined ? {} : { configFile: values.config }) });
  const kassaDb = createDb({ url: config.database.url });
  try {
    const { applied } = await migrateToLatest(kassaDb);
    process.stdout.write(applied.length === 0 ? 'database is up to date\n' : `applied: ${applied.join(', ')}\n`);
    return 0;
  } finally {
    await kassaDb.close();
  }
}
