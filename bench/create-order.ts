// Throughput of concise/url/get against bare node:http servers doing the same essential work
// (SHA-256 verify, JSON parse, one insert): into SQLite (serveBare.ts) and, with --postgres, into
// PostgreSQL through a `pg` pool (serveBarePostgres.ts). Goals: Kassa ≥ 0.8× the bare server on
// SQLite, ≥ 0.9× on PostgreSQL. With --bill, bill/create (an order with a deposit address) runs on
// the same Kassa process right after concise/url/get; goal ≥ 0.4× concise/url/get's throughput.
// Each connection count runs every server back to back: Kassa commits the orders of concurrent
// requests together, so its ratio depends on how many requests are in flight.
// The machine is shared and noisy, so each set runs --rounds times, alternating; medians are reported.
// Usage: npx tsx bench/create-order.ts [--seconds 8] [--rounds 3] [--connections 8,16,32,64]
//          [--databases sqlite,postgres] [--postgres] [--bill]
import { parseArgs } from 'node:util';
import { describeMachine } from './support/describeMachine.ts';
import { type BenchCall, type Measured, measureServer } from './support/measureServer.ts';
import { printRows, type Row, ratiosTo, summarizeRounds } from './support/summarizeRounds.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '8,16,32,64' },
    databases: { type: 'string', default: 'sqlite' },
    postgres: { type: 'boolean', default: false },
    bill: { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const connectionCounts = values.connections.split(',').map(Number);
const databases = new Set(values.databases.split(','));
if (values.postgres) databases.add('postgres');
const kassaCalls: BenchCall[] = values.bill ? ['concise', 'bill'] : ['concise'];
const DATABASES = [
  {
    name: 'sqlite',
    floor: './serveBare.ts',
    floorLabel: 'bare node:http + SQLite',
    label: 'Kassa on SQLite',
    goal: 0.8,
  },
  {
    name: 'postgres',
    floor: './serveBarePostgres.ts',
    floorLabel: 'bare node:http + pg',
    label: 'Kassa on PostgreSQL',
    goal: 0.9,
  },
].filter((d) => databases.has(d.name));

type Rounds = { floor: Measured[]; concise: Measured[]; bill: Measured[] };

/** Every round of one connection count: each database's floor, then Kassa on it, alternating. */
async function measureRounds(connections: number) {
  const byDatabase = new Map<string, Rounds>(DATABASES.map((d) => [d.name, { floor: [], concise: [], bill: [] }]));
  for (let round = 0; round < rounds; round++) {
    for (const d of DATABASES) {
      const runs = byDatabase.get(d.name) as Rounds;
      const common = { connections, seconds };
      const [floor] = await measureServer({ ...common, label: d.floorLabel, script: d.floor, calls: ['concise'] });
      runs.floor.push(floor as Measured);
      const kassa = await measureServer({
        ...common,
        label: d.label,
        script: './serveKassa.ts',
        args: [d.name],
        calls: kassaCalls,
      });
      for (const m of kassa) runs[m.call].push(m);
    }
  }
  return byDatabase;
}

console.log(`create-order benchmark — ${describeMachine()}`);
console.log(
  `autocannon: ${connectionCounts.join(', ')} connections, ${seconds} s per run after a 2 s warm-up, ` +
    `${rounds} alternating rounds; unique order ids`,
);
const rows: (Row & { baseline: string })[] = [];
const verdicts: string[] = [];
const verdict = (what: string, ratio: number, goal: number) =>
  verdicts.push(`${what}: ${ratio.toFixed(2)}× (goal ≥ ${goal}×) — ${ratio >= goal ? 'met' : 'NOT met'}`);
for (const connections of connectionCounts) {
  const byDatabase = await measureRounds(connections);
  for (const d of DATABASES) {
    const { floor, concise, bill } = byDatabase.get(d.name) as Rounds;
    const kassaRow = summarizeRounds(concise, ratiosTo(concise, floor));
    rows.push({ ...summarizeRounds(floor, ratiosTo(floor, floor)), baseline: '' });
    rows.push({ ...kassaRow, baseline: `${d.floorLabel}` });
    verdict(`${connections} connections, ${d.label} / ${d.floorLabel}`, kassaRow.ratio, d.goal);
    if (bill.length === 0) continue;
    const billRow = summarizeRounds(bill, ratiosTo(bill, concise));
    rows.push({ ...billRow, baseline: 'Kassa concise/url/get' });
    verdict(`${connections} connections, ${d.label} bill/create / concise/url/get`, billRow.ratio, 0.4);
  }
}
console.log('');
printRows(rows);
console.log(`\n${verdicts.join('\n')}`);
