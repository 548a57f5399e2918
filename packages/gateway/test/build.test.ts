// Risk: an operator's `npm ci --omit=dev` gives a `kassa` that needs a dev dependency (a transpiler) to
// run, cannot serve, or loads the whole gateway (viem, Fastify, the checkout, the watcher) for every command.
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { mnemonicToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyWorkingTree } from './support/copyWorkingTree.ts';
import { getFreePort } from './support/getFreePort.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MODULE_LOG_HOOK = fileURLToPath(new URL('./support/moduleLog/registerModuleLog.js', import.meta.url));
const run = promisify(execFile);
/** What `kassa --help` and `kassa app list` must never load: the server, the chain client, the workers. */
const HEAVY_MODULES = [
  /\/node_modules\/viem\//,
  /\/node_modules\/fastify\//,
  /\/node_modules\/pino\//,
  /\/gateway\/dist\/adapters\/http\//,
  /\/gateway\/dist\/workers\//,
  /\/gateway\/dist\/main\.js$/,
];
/**
 * What `kassa serve` must not load even while it watches a network: viem (the watcher has its own
 * RPC client), ajv (no route has a schema), and ws (no websocket URL). Each costs idle memory.
 */
const SERVE_NEVER_LOADS = [
  /\/node_modules\/(viem|ox|abitype)\//,
  /\/node_modules\/(ajv|ajv-formats|@fastify\/ajv-compiler)\//,
  /\/node_modules\/ws\//,
];

// Copying, building and `npm ci` (better-sqlite3 compiles from source) take a minute or two.
describe('the built package, installed without dev dependencies', { timeout: 120_000 }, () => {
  const copy = mkdtempSync(path.join(tmpdir(), 'kassa-build-'));
  const dataDir = path.join(copy, 'data');
  // The `kassa` an operator's `npx kassa` runs: the link npm makes to the gateway's bin/kassa.js.
  const bin = path.join(copy, 'node_modules/.bin/kassa');
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? copy,
    KASSA_DATA_DIR: dataDir,
    KASSA_MASTER_KEY: 'ef'.repeat(32),
    KASSA_LOG_LEVEL: 'silent',
  };
  const kassa = (args: string[], extraEnv: Record<string, string> = {}) =>
    run(process.execPath, [...(extraEnv.KASSA_MODULE_LOG ? ['--import', MODULE_LOG_HOOK] : []), bin, ...args], {
      cwd: copy,
      env: { ...env, ...extraEnv },
    });

  beforeAll(async () => {
    copyWorkingTree(ROOT, copy);
    // The build needs TypeScript and the type packages: this checkout's, as a build machine has them.
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
    await run('npm', ['run', 'build'], { cwd: copy });
    unlinkSync(path.join(copy, 'node_modules'));
    // What an operator runs where the built tree is deployed; `prepare` finds the build and no compiler.
    await run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], {
      cwd: copy,
      env: { ...process.env, ...offerSqliteBinary(copy) },
      maxBuffer: 16 * 1024 * 1024,
    });
    mkdirSync(dataDir);
  }, 600_000);

  afterAll(() => rmSync(copy, { recursive: true, force: true }), 120_000);

  it('has no dev dependency installed, and the SDK resolves to compiled JavaScript with type declarations', async () => {
    // (TypeScript itself may be there: npm installs it as an optional peer of viem.)
    for (const devOnly of ['tsx', 'vitest', '@types/node', '@biomejs/biome']) {
      expect(existsSync(path.join(copy, 'node_modules', devOnly))).toBe(false);
    }
    const { stdout } = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const m = await import('@kassa/sdk'); console.log(import.meta.resolve('@kassa/sdk'), typeof m.sign)",
      ],
      { cwd: copy, env },
    );
    expect(stdout.trim()).toBe(`file://${path.join(copy, 'packages/sdk/dist/index.js')} function`);
    expect(existsSync(path.join(copy, 'packages/sdk/dist/index.d.ts'))).toBe(true);
  });

  it('kassa --help answers from the build, loading nothing but the command line', async () => {
    const log = path.join(copy, 'help-modules.log');
    const { stdout } = await kassa(['--help'], { KASSA_MODULE_LOG: log });
    expect(stdout).toMatch(/^usage: kassa <command>/);
    const loaded = readLines(log);
    expect(loaded).toContain(`file://${path.join(copy, 'packages/gateway/dist/cli/main.js')}`);
    expect(loaded.filter((url) => url.includes('/node_modules/') || url.includes('/src/'))).toEqual([]);
  });

  it('kassa app create and app list work from the build; app list loads the database layer only', async () => {
    const created = await kassa(['app', 'create', '--name', 'Built shop', '--json']);
    const app = JSON.parse(created.stdout) as { app_id: string; app_secret: string };
    expect(app.app_id).toMatch(/^\d{33}$/);
    const log = path.join(copy, 'app-list-modules.log');
    const listed = await kassa(['app', 'list'], { KASSA_MODULE_LOG: log });
    expect(listed.stdout).toContain(`${app.app_id}  Built shop`);
    const loaded = readLines(log);
    expect(loaded.some((url) => url.includes('/node_modules/kysely/'))).toBe(true);
    expect(loaded.filter((url) => HEAVY_MODULES.some((heavy) => heavy.test(url)))).toEqual([]);
  });

  it('kassa serve answers /healthz from the build and watches a network without viem, ajv or ws', async () => {
    const port = await getFreePort();
    const configFile = path.join(copy, 'kassa.json');
    writeFileSync(configFile, JSON.stringify(watchedNetworkConfig(await getFreePort())));
    const log = path.join(copy, 'serve-modules.log');
    const server: ChildProcess = spawn(
      process.execPath,
      ['--import', MODULE_LOG_HOOK, bin, 'serve', '--config', configFile, '--port', String(port)],
      { cwd: copy, env: { ...env, KASSA_LOG_LEVEL: 'warn', KASSA_MODULE_LOG: log }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const keep = (chunk: Buffer) => {
      output += chunk.toString('utf8');
    };
    server.stdout?.on('data', keep);
    server.stderr?.on('data', keep);
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    try {
      expect(await waitForStatus(`http://127.0.0.1:${port}/healthz`, exited), output).toBe(200);
      // The watcher has loaded its RPC client and met the dead node.
      await waitFor(
        () => output.includes('chain watcher step failed'),
        () => output,
      );
    } finally {
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    const loaded = readLines(log);
    expect(loaded.some((url) => url.includes('/gateway/dist/workers/watcher/'))).toBe(true);
    expect(loaded.filter((url) => SERVE_NEVER_LOADS.some((heavy) => heavy.test(url)))).toEqual([]);
  });
});

/** A config watching one EVM network whose RPC URL nothing answers, at `rpcPort` on loopback. */
function watchedNetworkConfig(rpcPort: number) {
  const mnemonic = 'test test test test test test test test test test test junk';
  return {
    networks: {
      xpub: mnemonicToAccount(mnemonic, { path: "m/44'/60'/0'" }).getHdKey().publicExtendedKey,
      LOCAL: {
        chainId: 31337,
        rpcUrls: [`http://127.0.0.1:${rpcPort}`],
        confirmations: 1,
        blockTimeSeconds: 1,
        tokens: [{ symbol: 'ETH', native: true }],
      },
    },
    rates: { tokens: { ETH: { fixed: '2000' } } },
  };
}

async function waitFor(condition: () => boolean, describe: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting; output:\n${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * better-sqlite3 downloads its prebuilt binary from GitHub at install, which this machine may not reach;
 * compiling SQLite instead takes minutes. This checkout's binary (same version, same Node) is offered
 * as a local prebuild, the way prebuild-install reads one (`npm_config_<package>_local_prebuilds`).
 */
function offerSqliteBinary(copy: string): Record<string, string> {
  const driver = path.join(ROOT, 'node_modules/better-sqlite3');
  if (!existsSync(path.join(driver, 'build/Release/better_sqlite3.node'))) return {};
  const { version } = JSON.parse(readFileSync(path.join(driver, 'package.json'), 'utf8')) as { version: string };
  const dir = path.join(copy, '.prebuilds');
  mkdirSync(dir);
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  execFileSync('tar', ['-czf', path.join(dir, name), '-C', driver, 'build/Release/better_sqlite3.node']);
  return { npm_config_better_sqlite3_local_prebuilds: dir };
}

function readLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '');
}

/** The first status `url` answers, polling until it does; 0 if the server exits first. */
async function waitForStatus(url: string, exited: Promise<unknown>, timeoutMs = 60_000): Promise<number> {
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (!hasExited && Date.now() < deadline) {
    try {
      return (await fetch(url)).status;
    } catch {
      // Not listening yet.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return 0;
}
