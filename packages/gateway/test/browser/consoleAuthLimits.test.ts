// Risk: unlimited password guessing (per name or from one address), a lockout a restart lifts,
// answers that tell which names exist, a sign-in form another site can post, or a stranger locking
// the operator out by failing under their name.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/adapters/crypto/hashPassword.ts';
import { KNOWN_DEVICE_COOKIE } from '../../src/adapters/http/console/auth/knownDevices.ts';
import { createGateway } from '../../src/main.ts';
import { getFreePort } from '../support/getFreePort.ts';
import { postConsoleSignIn } from '../support/postConsoleSignIn.ts';
import { signInConsoleOperator } from '../support/signInConsoleOperator.ts';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.ts';
import { testDatabases } from '../support/testDatabases.ts';
import { hasChromium, launchChromium } from './support/launchChromium.ts';
import { newConsolePage } from './support/newConsolePage.ts';

const TIMEOUT_MS = 90_000;
const MINUTE = 60_000;
const PASSWORD = 'granite orchard seventy';

describe.skipIf(!hasChromium())('console sign-in limits', () => {
  let gw: TestGateway;
  let browser: Browser;
  beforeAll(async () => {
    [gw, browser] = await Promise.all([startTestGateway(testDatabases()[0] ?? raise()), launchChromium()]);
    const frank = await signInConsoleOperator(gw, { name: 'frank' });
    await frank.operators.setPassword(frank.operatorId, await hashPassword(PASSWORD), gw.clock.now());
  });
  afterAll(async () => {
    await browser?.close();
    await gw?.stop();
  });

  it(
    'locks a name after 5 failures for 15 minutes, the right password too, alike for an unknown name, across a restart',
    async () => {
      const tab = await newConsolePage(browser, 'mobile');
      const attempt = async (name: string, password: string) => {
        await tab.page.goto(`${gw.baseUrl}/console/sign-in`);
        await tab.page.fill('#sign-in-name', name);
        await tab.page.fill('#sign-in-password', password);
        await tab.page.click('button[type=submit]');
        return (await tab.page.locator('.error').textContent()) ?? '';
      };
      for (const name of ['frank', 'nobody']) {
        for (let i = 0; i < 4; i++) expect(await attempt(name, 'wrong guess')).toBe('Wrong name or password.');
        expect(await attempt(name, 'wrong guess')).toBe('Too many attempts, try again in 15 minutes.');
        gw.clock.advance(5 * MINUTE);
        expect(await attempt(name, PASSWORD)).toBe('Too many attempts, try again in 10 minutes.');
      }
      await tab.screenshot('sign-in-locked');
      expect(await tab.findAccessibilityViolations()).toEqual([]);
      await tab.close();

      // Another process on the same database (a restart, or a second API process) keeps the lock.
      const port = await getFreePort();
      const again = await createGateway({ ...gw.config, server: { ...gw.config.server, port } }, { clock: gw.clock });
      try {
        const baseUrl = await again.listen();
        const refused = await postConsoleSignIn(baseUrl, { name: 'frank', password: PASSWORD });
        expect(refused.status).toBe(429);
        gw.clock.advance(10 * MINUTE);
        const signedIn = await postConsoleSignIn(baseUrl, { name: 'frank', password: PASSWORD });
        expect([signedIn.status, signedIn.location]).toEqual([303, '/console']);
      } finally {
        await again.close();
      }
      const failures = await gw.gateway.kassaDb.db.selectFrom('audit_log').select('details').execute();
      expect(failures.filter((row) => row.details.includes('locked_for'))).toHaveLength(2);
    },
    TIMEOUT_MS,
  );

  it(
    'refuses a 21st sign-in post from one address within 15 minutes, whatever the names',
    async () => {
      // Windows of the address limit are aligned to the clock: start at the beginning of one.
      gw.clock.set(Math.ceil(gw.clock.now() / (15 * MINUTE)) * 15 * MINUTE);
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++)
        statuses.push((await postConsoleSignIn(gw.baseUrl, { name: `guess${i}`, password: 'x' })).status);
      expect(new Set(statuses)).toEqual(new Set([401]));
      gw.clock.advance(3 * MINUTE);
      const refused = await postConsoleSignIn(gw.baseUrl, { name: 'frank', password: PASSWORD });
      expect(refused.status).toBe(429);
      expect(refused.html).toContain('Too many attempts, try again in 12 minutes.');
      gw.clock.advance(12 * MINUTE);
      expect((await postConsoleSignIn(gw.baseUrl, { name: 'frank', password: PASSWORD })).status).toBe(303);
    },
    TIMEOUT_MS,
  );

  it(
    "lets the operator's own browser past a lock a stranger caused, not a browser with a forged or another name's mark",
    async () => {
      gw.clock.set(Math.ceil(gw.clock.now() / (15 * MINUTE)) * 15 * MINUTE);
      const signedIn = await postConsoleSignIn(gw.baseUrl, { name: 'frank', password: PASSWORD });
      const device = signedIn.setCookies.find((c) => c.startsWith(`${KNOWN_DEVICE_COOKIE}=`)) ?? '';
      expect([signedIn.status, device]).toEqual([
        303,
        expect.stringMatching(/^kassa_console_device=[\w-]+\.\d+\.[\w-]+$/),
      ]);
      const grace = await signInConsoleOperator(gw, { name: 'grace' });
      await grace.operators.setPassword(grace.operatorId, await hashPassword(PASSWORD), gw.clock.now());
      const graceDevice = (await postConsoleSignIn(gw.baseUrl, { name: 'grace', password: PASSWORD })).setCookies.find(
        (c) => c.startsWith(`${KNOWN_DEVICE_COOKIE}=`),
      );
      for (let i = 0; i < 5; i++) await postConsoleSignIn(gw.baseUrl, { name: 'frank', password: 'stranger guess' });
      const frank = (held: string, password = PASSWORD) =>
        postConsoleSignIn(gw.baseUrl, { name: 'frank', password }, held);
      const statuses = [
        (await frank('')).status,
        (await frank(`${device.slice(0, -1)}${device.endsWith('A') ? 'B' : 'A'}`)).status,
        (await frank(graceDevice ?? '')).status,
      ];
      expect(statuses).toEqual([429, 429, 429]);
      const typo = await frank(device, 'granite orchard');
      expect([typo.status, typo.html]).toEqual([401, expect.stringContaining('Wrong name or password.')]);
      const owner = await frank(device);
      expect([owner.status, owner.location]).toEqual([303, '/console']);
    },
    TIMEOUT_MS,
  );

  it('refuses a sign-in post without the pre-session token or from another site', async () => {
    const page = await fetch(`${gw.baseUrl}/console/sign-in`);
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const post = (headers: Record<string, string>, token: string) =>
      fetch(`${gw.baseUrl}/console/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams({ _csrf: token, name: 'frank', password: PASSWORD }).toString(),
      });
    const statuses = [
      (await post({}, csrf)).status,
      (await post({ cookie }, `${csrf}x`)).status,
      (await post({ cookie }, '')).status,
      (await post({ cookie, 'sec-fetch-site': 'cross-site' }, csrf)).status,
      (await post({ cookie, origin: 'https://evil.example' }, csrf)).status,
    ];
    expect(statuses).toEqual([403, 403, 403, 403, 403]);
    expect((await post({ cookie, 'sec-fetch-site': 'same-origin', origin: 'null' }, csrf)).status).toBe(303);
  });
});

function raise(): never {
  throw new Error('no test database');
}
