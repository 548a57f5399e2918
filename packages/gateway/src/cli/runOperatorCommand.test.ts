// Risk: an operator the CLI adds cannot get in, a reset or removal that leaves a session or an old
// link working, or CLI changes missing from the audit log.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFreePort } from '../../test/support/getFreePort.ts';
import { KASSA_SOURCE_ARGS } from '../../test/support/kassaSourceArgs.ts';
import { postConsoleSignIn } from '../../test/support/postConsoleSignIn.ts';
import { loadConfig } from '../config/loadConfig.ts';
import { createGateway, type Gateway } from '../main.ts';

const run = promisify(execFile);
const PASSWORD = 'tangerine harbour fourteen';
/** Each run of the CLI starts node and tsx: seconds apiece on a loaded 2-core machine. */
const CLI_TEST_TIMEOUT_MS = 180_000;

describe('kassa operator', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kassa-operator-cli-'));
  let env: Record<string, string>;
  let gateway: Gateway;
  let baseUrl: string;

  const kassa = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [...KASSA_SOURCE_ARGS, 'operator', ...args], {
        env: { ...process.env, ...env },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  /** Opens a set-password link as a browser would; the result posts a password through its form. */
  const openLink = async (url: string) => {
    const page = await fetch(url);
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const html = await page.text();
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
    const post = async () => {
      const reply = await fetch(`${baseUrl}/console/set-password`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          _csrf: field('_csrf'),
          token: field('token'),
          password: PASSWORD,
          confirmation: PASSWORD,
        }).toString(),
      });
      return reply.status;
    };
    return { status: page.status, post };
  };
  const setPassword = async (url: string) => {
    const opened = await openLink(url);
    return { page: opened.status, set: await opened.post() };
  };

  beforeAll(async () => {
    const port = await getFreePort();
    env = {
      KASSA_DATA_DIR: dataDir,
      KASSA_MASTER_KEY: 'cd'.repeat(32),
      KASSA_LOG_LEVEL: 'silent',
      KASSA_HOST: '127.0.0.1',
      KASSA_PORT: String(port),
      KASSA_PUBLIC_URL: `http://127.0.0.1:${port}`,
    };
    gateway = await createGateway(loadConfig({ mode: 'auto', env }));
    baseUrl = await gateway.listen();
  });
  afterAll(async () => {
    await gateway?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'adds an operator whose one-time link sets a password to sign in with',
    async () => {
      const added = await kassa('add', 'Grace', '--json');
      expect(added.code).toBe(0);
      const line = JSON.parse(added.stdout) as { name: string; set_password_url: string; expires_at: number };
      expect(line.name).toBe('grace');
      expect(line.set_password_url).toMatch(new RegExp(`^${baseUrl}/console/set-password\\?token=[\\w-]{32}$`));
      expect(line.expires_at - Date.now() / 1000).toBeCloseTo(24 * 3600, -2);
      // Opened in two tabs: the first post sets the password, the second finds the link spent.
      const [first, second] = [await openLink(line.set_password_url), await openLink(line.set_password_url)];
      expect([first.status, second.status]).toEqual([200, 200]);
      expect([await first.post(), await second.post()]).toEqual([303, 410]);
      expect((await openLink(line.set_password_url)).status).toBe(410);
      expect((await postConsoleSignIn(baseUrl, { name: 'grace', password: PASSWORD })).status).toBe(303);

      const human = await kassa('add', 'heidi');
      expect(human.stdout).toContain('operator heidi added.');
      expect(human.stdout).toContain(`${baseUrl}/console/set-password?token=`);
      const listed = await kassa('list', '--json');
      expect(
        listed.stdout
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as object),
      ).toMatchObject([
        { name: 'grace', password_set: true, totp: false },
        { name: 'heidi', password_set: false, totp: false },
      ]);
      expect((await kassa('list')).stdout).toBe(
        'grace  password set  two-factor off\nheidi  no password yet  two-factor off\n',
      );
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    'refuses a taken or invalid name and unknown operators, with one line and exit code 1',
    async () => {
      for (const args of [
        ['add', 'GRACE'],
        ['add', 'two words'],
        ['add'],
        ['remove', 'nobody'],
        ['reset', 'nobody'],
        ['rename'],
      ]) {
        const result = await kassa(...args);
        expect(result.code).toBe(1);
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
      }
      expect((await kassa('add', 'grace')).stderr).toContain("an operator named 'grace' exists already");
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    'reset ends sessions, voids the old link and gives a new one; remove ends sessions too',
    async () => {
      const signedIn = await postConsoleSignIn(baseUrl, { name: 'grace', password: PASSWORD });
      const cookie = signedIn.setCookie;
      expect((await fetch(`${baseUrl}/console/account`, { headers: { cookie }, redirect: 'manual' })).status).toBe(200);
      const oldLink = (JSON.parse((await kassa('reset', 'heidi', '--json')).stdout) as { set_password_url: string })
        .set_password_url;
      const reset = JSON.parse((await kassa('reset', 'grace', '--json')).stdout) as { set_password_url: string };
      expect((await fetch(`${baseUrl}/console/account`, { headers: { cookie }, redirect: 'manual' })).status).toBe(303);
      expect((await postConsoleSignIn(baseUrl, { name: 'grace', password: PASSWORD })).status).toBe(401);
      expect((await kassa('reset', 'heidi')).code).toBe(0);
      expect((await openLink(oldLink)).status).toBe(410);
      expect(await setPassword(reset.set_password_url)).toEqual({ page: 200, set: 303 });

      const again = (await postConsoleSignIn(baseUrl, { name: 'grace', password: PASSWORD })).setCookie;
      expect(JSON.parse((await kassa('remove', 'grace', '--json')).stdout)).toEqual({ name: 'grace', removed: true });
      expect(
        (await fetch(`${baseUrl}/console/account`, { headers: { cookie: again }, redirect: 'manual' })).status,
      ).toBe(303);
      expect((await kassa('list', '--json')).stdout).not.toContain('grace');

      const audit = await gateway.kassaDb.db
        .selectFrom('audit_log')
        .select(['operator_name', 'action', 'target'])
        .where('operator_name', '=', 'cli')
        .orderBy('audit_id')
        .execute();
      expect(audit.map((e) => `${e.action} ${e.target}`)).toEqual([
        'operator.add grace',
        'operator.add heidi',
        'operator.reset heidi',
        'operator.reset grace',
        'operator.reset heidi',
        'operator.remove grace',
      ]);
    },
    CLI_TEST_TIMEOUT_MS,
  );
});
