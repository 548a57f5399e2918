// Guards against an operator unable to see, from the command line, what was paid, what sweeps
// collected and what still waits on deposit addresses, or seeing it in the wrong units.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_CHAIN_XPUB } from '../../test/fixtures/devChain.ts';
import { insertConfirmedPayment } from '../../test/support/insertConfirmedPayment.ts';
import { insertTestApp } from '../../test/support/insertTestApp.ts';
import { KASSA_SOURCE_ARGS } from '../../test/support/kassaSourceArgs.ts';
import { createSecretBox } from '../adapters/crypto/createSecretBox.ts';
import { createDb, type KassaDb } from '../adapters/db/createDb.ts';
import { createStore } from '../adapters/db/createStore.ts';
import { migrateToLatest } from '../adapters/db/migrateToLatest.ts';
import { loadConfig } from '../config/loadConfig.ts';

const run = promisify(execFile);
const NOW_MS = Date.UTC(2026, 11, 2, 12);
const USDT = '0x55d398326f99059ff775485246999027b3197955';
const DEV_TOKEN = '0x5fbdb2315678afecb367f032d93f642f64180aa3';
const address = (n: number) => `0x${String(n).padStart(40, '0')}`;

describe('kassa funds', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kassa-funds-cli-'));
  const emptyDir = mkdtempSync(path.join(tmpdir(), 'kassa-funds-cli-empty-'));
  const configFile = path.join(dataDir, 'kassa.json');
  const env = { KASSA_DATA_DIR: dataDir, KASSA_MASTER_KEY: 'ab'.repeat(32), KASSA_LOG_LEVEL: 'silent' };
  let kassaDb: KassaDb;

  const kassa = async (args: string[], extraEnv: Record<string, string> = {}) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [...KASSA_SOURCE_ARGS, 'funds', ...args], {
        env: { ...process.env, ...env, ...extraEnv },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  beforeAll(async () => {
    writeFileSync(
      configFile,
      JSON.stringify({ networks: { xpub: DEV_CHAIN_XPUB, BSC: { rpcUrls: ['https://bsc.example-rpc.com'] } } }),
    );
    const config = loadConfig({ mode: 'auto', env, configFile });
    kassaDb = createDb({ url: config.database.url });
    await migrateToLatest(kassaDb);
    const store = createStore(kassaDb, createSecretBox(config.masterKey));
    await insertTestApp(store, NOW_MS);
    const pay = (n: number, networkKey: string, contract: string | null, index: number, amount: bigint) =>
      insertConfirmedPayment(store, { n, networkKey, contract, address: address(index), index, amount, nowMs: NOW_MS });
    await pay(1, 'BSC', USDT, 1, 12_500_000_000_000_000_000n); // 12.5 USDT (18 decimals on BSC)
    await pay(2, 'BSC', USDT, 2, 2n ** 64n + 1n);
    await pay(3, 'BSC', null, 1, 1_500_000_000_000_000_000n); // 1.5 BNB
    await pay(4, 'DEV', DEV_TOKEN, 3, 12_500_000n); // the sandbox's network is not in the config
    await store.funds.recordSweepTransaction({
      networkKey: 'BSC',
      txid: `0x${'ab'.repeat(32)}`,
      planId: 'plan-1',
      kind: 'deposit',
      from: address(1),
      to: USDT,
      destination: `0x${'d'.repeat(40)}`,
      blockNumber: 100n,
      gasUsed: 29_243n,
      feeWei: 29_243n * 1_000_000_000n,
      valueWei: 0n,
      paidBy: 'deposit',
      status: 'success',
      recordedAtMs: NOW_MS,
      movements: [{ address: address(1), index: 1, contract: USDT, amount: 12_500_000_000_000_000_000n }],
    });
  });
  afterAll(async () => {
    await kassaDb.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(emptyDir, { recursive: true, force: true });
  });

  it('prints the ledger per network and token in whole tokens, unknown tokens in marked base units', async () => {
    const { code, stdout } = await kassa(['--config', configFile]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^NETWORK +TOKEN +RECEIVED +COLLECTED +AWAITING +ADDRESSES$/);
    // Address 1 paid its token sweep's fee (0.000029243 BNB) from its own BNB: that much is spent, not awaiting.
    expect(lines[1]).toMatch(/^BSC +BNB +1\.5 +0 +1\.499970757 +1$/);
    expect(lines[2]).toMatch(/^BSC +USDT +30\.946744073709551617 +12\.5 +18\.446744073709551617 +1$/);
    expect(lines[3]).toMatch(new RegExp(`^DEV +${DEV_TOKEN} +12500000\\* +0\\* +12500000\\* +1$`));
    expect(stdout).toContain('sweep costs');
    expect(stdout).toMatch(/\nBSC +1 +0 BNB +0\.000029243 BNB +0 BNB\n/);
    expect(stdout).toContain('* base units: the token (or network) is not in the config');
  });

  it('--json prints one document with decimal strings', async () => {
    const { code, stdout } = await kassa(['--json', '--config', configFile]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { funds: Record<string, unknown>[]; costs: Record<string, unknown>[] };
    expect(
      json.funds.map((f) => [f.network, f.token, f.received, f.collected, f.awaiting, f.awaiting_addresses]),
    ).toEqual([
      ['BSC', 'BNB', '1.5', '0', '1.499970757', 1],
      ['BSC', 'USDT', '30.946744073709551617', '12.5', '18.446744073709551617', 1],
      ['DEV', DEV_TOKEN, null, null, null, 1],
    ]);
    expect(json.funds[2]).toMatchObject({ contract: DEV_TOKEN, decimals: null, awaiting_base_units: '12500000' });
    expect(json.costs).toEqual([
      expect.objectContaining({
        network: 'BSC',
        transactions: 1,
        gas_wallet_fees: '0',
        deposit_fees: '0.000029243',
        top_ups: '0',
      }),
    ]);
  });

  it("names the sandbox's test tokens when --data-dir holds a sandbox", async () => {
    const sandboxDir = mkdtempSync(path.join(tmpdir(), 'kassa-funds-cli-sandbox-'));
    cpSync(dataDir, sandboxDir, { recursive: true });
    const token = { token_id: 'x', crypto: 'USDT', chain: 'DEV', contract: DEV_TOKEN, decimals: 6 };
    const usdc = { ...token, crypto: 'USDC', contract: `0x${'c'.repeat(40)}` };
    const test_account = { address: `0x${'7'.repeat(40)}`, private_key: `0x${'1'.repeat(64)}` };
    const sandbox = { rpc_url: 'http://127.0.0.1:8545', chain_id: 31337, test_account, tokens: [token, usdc] };
    writeFileSync(path.join(sandboxDir, 'sandbox.json'), JSON.stringify(sandbox));
    const { code, stdout, stderr } = await kassa(['--data-dir', sandboxDir, '--config', configFile]);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^DEV +USDT +12\.5 +0 +12\.5 +1$/m);
    rmSync(sandboxDir, { recursive: true, force: true });
  });

  it('says so on an empty ledger, and refuses stray arguments', async () => {
    const empty = await kassa([], { KASSA_DATA_DIR: emptyDir });
    expect(empty).toMatchObject({ code: 0, stdout: 'no confirmed payments yet\n\nno sweeps yet\n' });
    expect(await kassa(['list'], { KASSA_DATA_DIR: emptyDir })).toMatchObject({
      code: 1,
      stderr: "kassa: funds: unexpected argument 'list'\n",
    });
  });
});
