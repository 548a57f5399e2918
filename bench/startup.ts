// Start-up time of the `kassa` command as an operator meets it (bin/kassa.js, which runs the build in
// dist/), as ratios to `node -e 0` measured in the same run: every round runs the baseline and each
// command once, one after another, so a change of load on the machine hits them all alike.
// Goals (issue 12): `kassa --help` ≤ 3×, `kassa app list` ≤ 6×, `kassa serve` to a 200 from /healthz ≤ 10×.
// `serve` runs every role against a real anvil, on SQLite, with one network and a fixed ETH price.
// Usage: npx tsx bench/startup.ts [--runs 11] [--command "node packages/gateway/bin/kassa.js"]
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { mnemonicToAccount } from 'viem/accounts';
import { ANVIL_DEFAULT_MNEMONIC, startAnvil } from '../packages/gateway/src/adapters/chains/evm/startAnvil.ts';
import { getFreePort } from '../packages/gateway/test/support/getFreePort.ts';
import { describeMachine } from './support/describeMachine.ts';
import { timeToExit, timeToHealthy } from './support/timeStartup.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '11' },
    command: {
      type: 'string',
      default: `node ${fileURLToPath(new URL('../packages/gateway/bin/kassa.js', import.meta.url))}`,
    },
  },
});
const runs = Number(values.runs);
const kassa = values.command.split(' ').map((part) => (part === 'node' ? process.execPath : part));
const GOALS = { help: 3, appList: 6, serve: 10 } as const;

const anvil = await startAnvil();
const dataDir = mkdtempSync(path.join(tmpdir(), 'kassa-bench-startup-'));
const port = await getFreePort();
const configFile = path.join(dataDir, 'kassa.json');
writeFileSync(
  configFile,
  JSON.stringify({
    dataDir,
    logLevel: 'warn',
    server: { port },
    networks: {
      xpub: mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: "m/44'/60'/0'" }).getHdKey().publicExtendedKey,
      DEV: {
        chainId: anvil.chainId,
        rpcUrls: [anvil.rpcUrl],
        confirmations: 1,
        blockTimeSeconds: 1,
        // Any EIP-55 address: the watcher asks the node for its logs whether a contract is there or not.
        tokens: [{ symbol: 'USDT', contract: '0x5FbDB2315678afecb367f032d93F642f64180aa3', decimals: 6, stable: true }],
      },
    },
    rates: { tokens: { ETH: { fixed: '2000' } } },
  }),
);
const env = { KASSA_MASTER_KEY: randomBytes(32).toString('hex') };

try {
  console.log(`startup benchmark — ${describeMachine()}`);
  console.log(`command: ${kassa.join(' ')}; ${runs} runs each, median`);
  // Once before timing: the database is created and migrated, as on a gateway that already ran.
  await timeToExit([...kassa, 'app', 'create', '--name', 'Startup bench', '--config', configFile], env);
  const samples = { baseline: [] as number[], help: [] as number[], appList: [] as number[], serve: [] as number[] };
  for (let run = 0; run < runs; run += 1) {
    samples.baseline.push(await timeToExit([process.execPath, '-e', '0'], {}));
    samples.help.push(await timeToExit([...kassa, '--help'], env));
    samples.appList.push(await timeToExit([...kassa, 'app', 'list', '--config', configFile], env));
    samples.serve.push(
      await timeToHealthy([...kassa, 'serve', '--config', configFile], env, `http://127.0.0.1:${port}`),
    );
  }
  const baseline = median(samples.baseline);
  console.log(`node -e 0                         ${format(baseline)}`);
  for (const [name, label] of [
    ['help', 'kassa --help'],
    ['appList', 'kassa app list'],
    ['serve', 'kassa serve → 200 /healthz'],
  ] as const) {
    const ms = median(samples[name]);
    const ratio = ms / baseline;
    const verdict = ratio <= GOALS[name] ? 'ok' : 'OVER';
    console.log(`${label.padEnd(34)}${format(ms)}  ${ratio.toFixed(2)}× (goal ≤ ${GOALS[name]}×, ${verdict})`);
  }
} finally {
  await anvil.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function format(ms: number): string {
  return `${ms.toFixed(0).padStart(6)} ms`;
}
