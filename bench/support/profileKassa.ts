// Profiles Kassa under the create-order load: the server runs in a child with --cpu-prof.
// Usage: npx tsx bench/support/profileKassa.ts [sqlite|postgres]  (writes .cpuprofile files under /tmp/kassa-prof)
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createOrderRequest } from './createOrderRequest.ts';

const child = spawn(
  process.execPath,
  [
    '--cpu-prof',
    '--cpu-prof-dir=/tmp/kassa-prof',
    '--import',
    'tsx',
    fileURLToPath(new URL('./serveKassa.ts', import.meta.url)),
    process.argv[2] ?? 'sqlite',
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
const { url, appId, appSecret } = JSON.parse(line) as { url: string; appId: string; appSecret: string };
let seq = 0;
const r = await autocannon({
  url,
  connections: 16,
  duration: 8,
  requests: [
    createOrderRequest({
      appId,
      appSecret,
      nextMerchantOrderId: () => `p-${++seq}`,
      contentType: 'application/json',
    }),
  ],
});
console.log(`req/s ${r.requests.average}, non2xx ${r.non2xx}`);
child.kill('SIGINT');
