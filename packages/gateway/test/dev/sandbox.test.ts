// Risk: `npm start` / `npm run demo` break for a newcomer, the simulated TRON network cannot be paid or loses its chain, Ctrl-C leaves anvil or node behind, or a restart loses orders and payments. (Runs in a copy of the working tree without node_modules and data, node_modules symlinked: a real clone would need a slow npm install.)
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKassaClient } from '@kassa/sdk';
import { createPublicClient, type Hex, http } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxInfo } from '../../src/cli/dev/SandboxInfo.ts';
import { getFreePort } from '../support/getFreePort.ts';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;
const DEMO_LIMIT_MS = 30_000;
const T_ADDRESS = /^T[1-9A-HJ-NP-Za-km-z]{33}$/;
const SKIPPED = new Set(['node_modules', 'data', '.git', '.tmp', 'screenshots', 'out']);

/** The line `kassa dev --json` prints. */
type SandboxLine = SandboxInfo;

type Started = { child: ChildProcess; line: SandboxLine; output: () => string };

let clone: string;

beforeAll(() => {
  clone = mkdtempSync(path.join(tmpdir(), 'kassa-clone-'));
  cpSync(REPO, clone, { recursive: true, filter: (source) => !SKIPPED.has(path.basename(source)) });
  symlinkSync(path.join(REPO, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
});

afterAll(() => {
  rmSync(clone, { recursive: true, force: true });
});

/** `npm start -- --json --port N` in its own process group, like a terminal's foreground job. */
async function startSandbox(port: number): Promise<Started> {
  const child = spawn('npm', ['start', '--', '--json', '--port', String(port)], {
    cwd: clone,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: sandboxEnv(),
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const line = await new Promise<SandboxLine>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no JSON line within ${START_TIMEOUT_MS} ms:\n${stdout}\n${stderr}`)),
      START_TIMEOUT_MS,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      // npm prints its own banner first; the sandbox's line is the one that starts with `{`.
      const json = stdout.split('\n').find((l, i, all) => l.startsWith('{') && i < all.length - 1);
      if (json !== undefined) {
        clearTimeout(timer);
        resolve(JSON.parse(json) as SandboxLine);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${stdout}\n${stderr}`));
    });
  });
  return { child, line, output: () => `${stdout}\n${stderr}` };
}

/** Pids and commands of the live processes of a process group. */
function processesOfGroup(pgid: number): { pid: number; command: string }[] {
  const table = execFileSync('ps', ['-eo', 'pid=,pgid=,stat=,args='], { encoding: 'utf8' });
  return table.split('\n').flatMap((row) => {
    const match = /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(row);
    if (match === null || Number(match[2]) !== pgid || (match[3] ?? '').startsWith('Z')) return [];
    return [{ pid: Number(match[1]), command: match[4] ?? '' }];
  });
}

/** Ctrl-C: SIGINT to the whole group, then waits until none of its processes is left. */
async function interrupt(started: Started): Promise<void> {
  const pgid = started.child.pid;
  if (pgid === undefined) throw new Error('npm start has no pid');
  process.kill(-pgid, 'SIGINT');
  const deadlineMs = Date.now() + STOP_TIMEOUT_MS;
  while (processesOfGroup(pgid).length > 0) {
    if (Date.now() > deadlineMs) {
      const left = processesOfGroup(pgid);
      process.kill(-pgid, 'SIGKILL');
      throw new Error(`still running ${STOP_TIMEOUT_MS} ms after SIGINT: ${JSON.stringify(left)}\n${started.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function runDemo(): Promise<{ code: number | null; stdout: string; stderr: string; elapsedMs: number }> {
  const startedAtMs = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', 'demo'], { cwd: clone, stdio: ['ignore', 'pipe', 'pipe'], env: sandboxEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.once('exit', (code) => resolve({ code, stdout, stderr, elapsedMs: Date.now() - startedAtMs }));
  });
}

describe('npm start (kassa dev) from a fresh copy', () => {
  it('serves, runs the demo, stops without leftovers and keeps the order and its payment across a restart', async () => {
    const first = await startSandbox(await getFreePort());
    let second: Started | undefined;
    try {
      // Fields are only added: the keys scripts read come first, in their old order, and mean what they meant.
      expect(Object.keys(first.line)).toEqual([
        'app_id',
        'app_secret',
        'public_url',
        'rpc_url',
        'chain_id',
        'test_account',
        'tokens',
        'tron',
        'console_url',
      ]);
      expect(first.line.chain_id).toBe(31337);
      expect(Object.keys(first.line.test_account)).toEqual(['address', 'private_key']);
      expect(first.line.tokens.map((t) => `${t.crypto}/${t.chain}`)).toEqual([
        'USDT/DEV',
        'USDC/DEV',
        'USDT/TRX',
        'TRX/TRX',
      ]);
      for (const token of first.line.tokens) {
        expect(Object.keys(token)).toEqual(['token_id', 'crypto', 'chain', 'contract', 'decimals']);
        expect(token.decimals).toBe(6);
      }
      for (const token of first.line.tokens.slice(0, 2)) expect(token.contract).toMatch(/^0x[0-9a-fA-F]{40}$/);
      const [tronUsdt, trx] = first.line.tokens.slice(2);
      expect(tronUsdt?.contract).toMatch(T_ADDRESS);
      expect(trx?.contract).toBe('TRX');
      const tron = first.line.tron;
      expect(tron).toEqual({
        simulated: true,
        note: expect.stringContaining('not a TRON node'),
        rpc_url: `${tron?.http_api_url}/jsonrpc`,
        http_api_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        chain_id: 31338,
        network_key: 'TRON_DEV',
      });
      expect(first.line.public_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(first.line.rpc_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await (await fetch(`${first.line.public_url}/healthz`)).json()).toEqual({ status: 'ok' });
      // The console link signs in as operator dev, no password asked.
      expect(first.line.console_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/console\/dev-sign-in\?token=[\w-]{32}$/);
      const signIn = await fetch(first.line.console_url, { redirect: 'manual' });
      expect([signIn.status, signIn.headers.get('location')]).toEqual([303, '/console']);
      // The credentials are kept for scripts, readable by the owner only.
      const sandboxFile = path.join(clone, 'data', 'sandbox.json');
      expect(statSync(sandboxFile).mode & 0o777).toBe(0o600);
      expect(JSON.parse(readFileSync(sandboxFile, 'utf8'))).toEqual(first.line);

      const groupBefore = processesOfGroup(first.child.pid ?? 0);
      const anvilPids = groupBefore.filter((p) => /\banvil\b/.test(p.command)).map((p) => p.pid);
      // The DEV devnet and the simulated TRON chain.
      expect(anvilPids).toHaveLength(2);

      const demo = await runDemo();
      expect(demo.code, `${demo.stdout}\n${demo.stderr}`).toBe(0);
      expect(demo.stdout).toContain('"status": "Successful"');
      expect(demo.elapsedMs).toBeLessThan(DEMO_LIMIT_MS);
      const merchantOrderId = /order (demo-\d+) created/.exec(demo.stdout)?.[1] ?? '';
      const txid = /"txid": "(0x[0-9a-f]{64})"/.exec(demo.stdout)?.[1] ?? '';
      expect(merchantOrderId).not.toBe('');
      expect(txid).not.toBe('');
      // The demo still pays the DEV USDT (its EIP-681 request), not the TRON one listed after it.
      expect(demo.stdout).toContain('"chain": "DEV"');

      const tronOrder = await payOnTronWithSandboxWallet(first.line, tronUsdt?.token_id ?? '');

      await interrupt(first);
      for (const pid of [...groupBefore.map((p) => p.pid), ...anvilPids])
        expect(isAlive(pid), `pid ${pid}`).toBe(false);

      second = await startSandbox(await getFreePort());
      expect(second.line.app_id).toBe(first.line.app_id);
      expect(second.line.app_secret).toBe(first.line.app_secret);
      expect(second.line.tokens).toEqual(first.line.tokens);
      // A new console link at every start: the one printed before no longer signs in.
      expect(second.line.console_url).not.toBe(first.line.console_url);
      const oldLink = first.line.console_url.replace(first.line.public_url, second.line.public_url);
      expect((await fetch(oldLink, { redirect: 'manual' })).status).toBe(403);
      const kassa = createKassaClient({
        appId: second.line.app_id,
        appSecret: second.line.app_secret,
        baseUrl: second.line.public_url,
      });
      const [order] = await kassa.getOrders([merchantOrderId]);
      expect(order?.order_detail.status).toBe('Successful');
      expect(order?.trade_list.map((t) => [t.txid, t.status])).toEqual([[txid, 'Successful']]);
      // The devnet kept its state too: the payment is still on the chain.
      const chain = createPublicClient({ transport: http(second.line.rpc_url) });
      expect((await chain.getTransactionReceipt({ hash: txid as Hex })).status).toBe('success');
      // And so did the simulated TRON chain (a fresh one would deploy its USDT at the same address).
      expect(second.line.tron).toMatchObject({ chain_id: 31338, network_key: 'TRON_DEV', simulated: true });
      const [tronInfo] = await kassa.getOrders([tronOrder.merchantOrderId]);
      expect(tronInfo?.order_detail.status).toBe('Successful');
      const tronChain = createPublicClient({ transport: http(second.line.tron?.rpc_url) });
      const receipt = await tronChain.getTransactionReceipt({ hash: `0x${tronOrder.txid}` });
      expect(receipt.status).toBe('success');
    } finally {
      for (const started of [first, second]) {
        if (started !== undefined && processesOfGroup(started.child.pid ?? 0).length > 0) await interrupt(started);
      }
    }
  }, 360_000);
});

/**
 * An order priced 10 USD, USDT on the simulated TRON network picked on its checkout page and paid
 * with the sandbox wallet, followed until `bill/info` says Successful: chain TRX, T… addresses,
 * the txid without 0x. Returns the order and the txid.
 */
async function payOnTronWithSandboxWallet(line: SandboxLine, tokenId: string) {
  const kassa = createKassaClient({ appId: line.app_id, appSecret: line.app_secret, baseUrl: line.public_url });
  const merchantOrderId = `tron-${Date.now()}`;
  const { payment_url: paymentUrl } = await kassa.createCheckoutUrl({
    merchant_order_id: merchantOrderId,
    product_name: 'Hat',
    product_price: '10',
  });
  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual' as const,
  });
  // TRX is offered at the sandbox's fixed price (0.25 USD), not refused for want of a rate.
  expect(await (await fetch(paymentUrl)).text()).toContain('<span class="coin-amount" dir="ltr">40 TRX</span>');
  expect((await fetch(`${paymentUrl}/select`, form({ token_id: tokenId }))).status).toBe(303);
  const page = await (await fetch(paymentUrl)).text();
  expect(page).toContain('Simulated TRON network');
  // The buyer's side says it too, not only the sandbox wallet's panel.
  expect(page).toContain('Simulated network: it runs on a local test chain');
  const token = new URL(paymentUrl).pathname.split('/')[2] ?? '';
  const paid = await fetch(`${line.public_url}/dev/wallet/pay`, form({ token, portion: 'exact' }));
  const answer = (await paid.json()) as { txid: string; to: string; amount: string };
  expect(answer).toMatchObject({ to: expect.stringMatching(T_ADDRESS), amount: '10000000' });
  expect(answer.txid).toMatch(/^[0-9a-f]{64}$/);
  const deadlineMs = Date.now() + 20_000;
  for (;;) {
    const [info] = await kassa.getOrders([merchantOrderId]);
    if (info?.order_detail.status === 'Successful') {
      expect(info.order_detail).toMatchObject({ chain: 'TRX', crypto: 'USDT' });
      expect(info.trade_list).toEqual([
        expect.objectContaining({ chain: 'TRX', txid: answer.txid, to_address: answer.to, status: 'Successful' }),
      ]);
      expect(info.trade_list[0]?.from_address).toMatch(T_ADDRESS);
      return { merchantOrderId, txid: answer.txid };
    }
    if (Date.now() > deadlineMs) throw new Error(`the TRON order stayed ${JSON.stringify(info?.order_detail)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The test's environment without settings that would point the sandbox elsewhere than `./data`. */
function sandboxEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of [
    'KASSA_DATA_DIR',
    'DATABASE_URL',
    'KASSA_PORT',
    'KASSA_HOST',
    'KASSA_PUBLIC_URL',
    'KASSA_MASTER_KEY',
  ])
    delete env[name];
  return env;
}

/** A process that still runs; a zombie (exited, not yet reaped by its parent) does not count. */
function isAlive(pid: number): boolean {
  const table = execFileSync('ps', ['-eo', 'pid=,stat='], { encoding: 'utf8' });
  return table.split('\n').some((row) => {
    const [rowPid, stat] = row.trim().split(/\s+/);
    return Number(rowPid) === pid && !(stat ?? '').startsWith('Z');
  });
}
