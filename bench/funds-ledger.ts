// How long the funds ledger (`FundsStore.summarizeFunds`: the console's overview and networks page,
// `kassa funds`) holds the event loop at a million orders, the console benchmark's data (a third
// of the orders paid). A SQLite statement runs on the event loop's thread, so whatever runs in
// one go stalls every request of the process (the merchant API too). "Before" reads and sums the
// confirmed payments in one go; "now" a page of LEDGER_PAGE_SIZE at a time, stepping aside between
// pages. Alternating rounds in one process; a stall is the longest gap between ticks of a 1 ms timer.
// Usage: npx tsx bench/funds-ledger.ts [--orders 1000000] [--rounds 3] [--databases sqlite,postgres] [--keep DIR]
import { parseArgs } from 'node:util';
import { createDb } from '../packages/gateway/src/adapters/db/createDb.ts';
import { LEDGER_PAGE_SIZE, readFundsLedger } from '../packages/gateway/src/adapters/db/funds/readFundsLedger.ts';
import { describeMachine } from './support/describeMachine.ts';
import { prepareConsoleDatabase } from './support/prepareConsoleDatabase.ts';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '1000000' },
    rounds: { type: 'string', default: '3' },
    databases: { type: 'string', default: 'sqlite,postgres' },
    keep: { type: 'string' },
  },
});
const pgUrl = process.env.KASSA_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const WAYS = [
  { label: 'one statement (before)', pageSize: Number.MAX_SAFE_INTEGER },
  { label: `pages of ${LEDGER_PAGE_SIZE.toLocaleString('en')} (now)`, pageSize: LEDGER_PAGE_SIZE },
] as const;

type Sample = { readonly totalMs: number; readonly stallMs: number };

console.log(`funds-ledger benchmark — ${describeMachine()}`);
const table: string[] = [];
for (const database of values.databases.split(',') as ('sqlite' | 'postgres')[]) {
  const prepared = await prepareConsoleDatabase({
    database,
    count: Number(values.orders),
    pgUrl,
    keepDir: values.keep,
  });
  if (prepared.seedSeconds !== null) console.log(`${database}: seeded in ${prepared.seedSeconds.toFixed(1)} s`);
  const kassaDb = createDb({
    url: prepared.databaseUrl,
    ...(prepared.pgSchema === undefined ? {} : { pgSchema: prepared.pgSchema }),
  });
  try {
    const samples = new Map<string, Sample[]>(WAYS.map((way) => [way.label, []]));
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const way of WAYS) samples.get(way.label)?.push(await measure(kassaDb.db, way.pageSize));
    }
    for (const way of WAYS) {
      const best = (pick: (s: Sample) => number) => Math.min(...(samples.get(way.label) ?? []).map(pick)).toFixed(0);
      table.push(`| ${database} | ${way.label} | ${best((s) => s.totalMs)} | ${best((s) => s.stallMs)} |`);
    }
  } finally {
    await kassaDb.close();
    await prepared.dispose();
  }
}
console.log('\n| database | payments read and summed | ledger ms | longest stall ms |');
console.log('|---|---|---:|---:|');
for (const row of table) console.log(row);
console.log(`\nBest of ${values.rounds} alternating rounds; ${Number(values.orders).toLocaleString('en')} orders.`);

/** One ledger, with the longest time the event loop went without a turn while it was made. */
async function measure(db: Parameters<typeof readFundsLedger>[0], pageSize: number): Promise<Sample> {
  const started = performance.now();
  let lastTick = started;
  let stallMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - lastTick);
    lastTick = now;
  }, 1);
  await readFundsLedger(db, { pageSize });
  clearInterval(ticker);
  const done = performance.now();
  return { totalMs: done - started, stallMs: Math.max(stallMs, done - lastTick) };
}
