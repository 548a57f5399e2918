// Risk: the operator's commands (app create/list/rotate-secret, migrate, serve) print the wrong thing or lose a secret.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createKassaClient } from '@kassa/sdk';
import { describe, expect, it } from 'vitest';
import { getFreePort } from '../../test/support/getFreePort.ts';
import { KASSA_SOURCE_ARGS } from '../../test/support/kassaSourceArgs.ts';

const run = promisify(execFile);

async function kassa(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [...KASSA_SOURCE_ARGS, ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Each command is a fresh Node process loading TypeScript through tsx: slow on a loaded 2-core machine.
describe('kassa CLI', { timeout: 120_000 }, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kassa-cli-'));
  const env = { KASSA_DATA_DIR: dataDir, KASSA_MASTER_KEY: 'cd'.repeat(32), KASSA_LOG_LEVEL: 'silent' };

  it('app create --json prints one line with the id and secret; list shows it; rotate-secret replaces it', async () => {
    const created = await kassa(
      ['app', 'create', '--name', 'Shop', '--webhook-url', 'https://shop.example/hook', '--json'],
      env,
    );
    expect(created.code).toBe(0);
    const lines = created.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const app = JSON.parse(lines[0] ?? '') as { app_id: string; app_secret: string };
    expect(Object.keys(app)).toEqual(['app_id', 'app_secret']);
    expect(app.app_id).toMatch(/^\d{33}$/);
    expect(app.app_secret.length).toBeGreaterThanOrEqual(32);

    const list = await kassa(['app', 'list'], env);
    expect(list.stdout).toContain(`${app.app_id}  Shop  https://shop.example/hook`);
    expect(list.stdout).not.toContain(app.app_secret);

    const rotated = await kassa(['app', 'rotate-secret', app.app_id, '--json'], env);
    const { app_secret } = JSON.parse(rotated.stdout) as { app_secret: string };
    expect(app_secret).not.toBe(app.app_secret);

    // The new secret works against a served gateway; the old one no longer does.
    const port = await getFreePort();
    const server: ChildProcess = spawn(process.execPath, [...KASSA_SOURCE_ARGS, 'serve', '--port', String(port)], {
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    try {
      const baseUrl = `http://127.0.0.1:${port}`;
      await waitFor(async () => (await fetch(`${baseUrl}/healthz`)).ok);
      const good = createKassaClient({ appId: app.app_id, appSecret: app_secret, baseUrl });
      expect(
        (await good.createCheckoutUrl({ merchant_order_id: 'cli-1', product_price: '1', product_name: 'x' }))
          .payment_url,
      ).toContain(`${baseUrl}/pay/`);
      const old = createKassaClient({ appId: app.app_id, appSecret: app.app_secret, baseUrl });
      // The refusal is signed with the new secret, which the old client cannot verify.
      await expect(old.getOrders(['cli-1'])).rejects.toMatchObject({ name: 'KassaSignatureError' });
    } finally {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });

  it('explains mistakes in one line with exit code 1', async () => {
    expect(await kassa(['app', 'create'], env)).toMatchObject({
      code: 1,
      stderr: 'kassa: app create needs --name NAME\n',
    });
    expect((await kassa(['app', 'rotate-secret', '42'], env)).stderr).toBe('kassa: no app with id 42\n');
    expect((await kassa(['frobnicate'], env)).stderr).toMatch(/^kassa: unknown command 'frobnicate'/);
    expect((await kassa(['serve', '--port', 'x'], env)).stderr).toBe("kassa: --port must be 0–65535, got 'x'\n");
    expect((await kassa(['app', 'list', '--bogus'], env)).stderr).toMatch(/^kassa: Unknown option '--bogus'/);
    expect((await kassa(['serve', '--role', 'api,cook'], env)).stderr).toMatch(
      /^kassa: --role takes a comma-separated list/,
    );
  });

  it('app create refuses a webhook URL that is not absolute or that the delivery guard would refuse', async () => {
    expect(await kassa(['app', 'create', '--name', 'Shop', '--webhook-url', 'http:evil.example'], env)).toMatchObject({
      code: 1,
      stderr: 'kassa: --webhook-url must be an absolute http(s) URL\n',
    });
    // Production (a master key is set): loopback is refused, as the dispatcher would refuse it.
    expect(
      await kassa(['app', 'create', '--name', 'Shop', '--webhook-url', 'http://2130706433:8080/hook'], env),
    ).toMatchObject({
      code: 1,
      stderr:
        'kassa: --webhook-url is refused: webhook target 127.0.0.1 is a loopback address; Kassa does not deliver webhooks there\n',
    });
  });

  it('serve refuses to start in production without a master key', async () => {
    const result = await kassa(['serve'], {
      KASSA_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kassa-cli-')),
      KASSA_MASTER_KEY: '',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^kassa: config: KASSA_MASTER_KEY/);
  });

  it('migrate applies the schema once', async () => {
    const fresh = { ...env, KASSA_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kassa-cli-')) };
    expect((await kassa(['migrate'], fresh)).stdout).toMatch(/^applied: 0001_initial/);
    expect((await kassa(['migrate'], fresh)).stdout).toBe('database is up to date\n');
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // Not listening yet: try again until the deadline.
    }
    if (Date.now() > deadline) throw new Error('timed out waiting for the server');
    await new Promise((r) => setTimeout(r, 100));
  }
}
