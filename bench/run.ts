// Runs every benchmark one after another (they share 2 cores; in parallel they would measure each
// other). Usage: npm run bench [-- name …]   e.g. npm run bench -- create-order webhooks
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ALL = [
  'create-order',
  'checkout-render',
  'derive-address',
  'order-info',
  'console',
  'funds-ledger',
  'scan-filters',
  'watcher',
  'detection-latency',
  'webhooks',
  'webhook-wake',
  'startup',
  'memory',
  'sweep',
] as const;
const chosen = process.argv.slice(2).filter((a) => a !== '--');
const unknown = chosen.filter((name) => !(ALL as readonly string[]).includes(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; choose from ${ALL.join(', ')}`);
  process.exit(1);
}
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
for (const name of chosen.length > 0 ? chosen : ALL) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(tsx, [fileURLToPath(new URL(`./${name}.ts`, import.meta.url))], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
