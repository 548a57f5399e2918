// Risk: two-factor sign-in that can be skipped, takes a wrong code, takes one code twice, or an
// enrolment whose key authenticator apps read differently from the server.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTotp, TOTP_STEP_MS } from '../../src/adapters/crypto/computeTotp.ts';
import { decodeBase32 } from '../../src/adapters/crypto/decodeBase32.ts';
import { hashPassword } from '../../src/adapters/crypto/hashPassword.ts';
import { signInConsoleOperator } from '../support/signInConsoleOperator.ts';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.ts';
import { testDatabases } from '../support/testDatabases.ts';
import { hasChromium, launchChromium } from './support/launchChromium.ts';
import { type ConsolePage, newConsolePage } from './support/newConsolePage.ts';

const TIMEOUT_MS = 90_000;
const PASSWORD = 'copper meadow ninety';

describe.skipIf(!hasChromium())('console two-factor sign-in in Chromium', () => {
  let gw: TestGateway;
  let browser: Browser;
  beforeAll(async () => {
    [gw, browser] = await Promise.all([startTestGateway(testDatabases()[0] ?? raise()), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await gw?.stop();
  });

  const codeAt = (secret: string, offsetSteps = 0) =>
    computeTotp(decodeBase32(secret) ?? raise(), Math.floor(gw.clock.now() / TOTP_STEP_MS) + offsetSteps);
  const submitPassword = async (tab: ConsolePage, password: string) => {
    await tab.page.goto(`${gw.baseUrl}/console/sign-in?next=%2Fconsole%2Faccount`);
    await tab.page.fill('#sign-in-name', 'dana');
    await tab.page.fill('#sign-in-password', password);
    await tab.page.click('button[type=submit]');
  };
  const submitCode = async (tab: ConsolePage, code: string) => {
    await tab.page.fill('#sign-in-code', code);
    await tab.page.click('button[type=submit]');
  };

  it(
    'enrols with the shown key, then asks for a code at sign-in, refusing wrong and reused ones',
    async () => {
      const operator = await signInConsoleOperator(gw, { name: 'dana' });
      await operator.operators.setPassword(operator.operatorId, await hashPassword(PASSWORD), gw.clock.now());
      let secret = '';
      for (const device of ['mobile', 'desktop'] as const) {
        const tab = await newConsolePage(browser, device);
        await tab.context.addCookies([operator.browserCookie]);
        await tab.page.goto(`${gw.baseUrl}/console/account`);
        // The key stays pending across page loads until a code confirms it.
        if (device === 'mobile') await tab.page.click('button:has-text("Set up two-factor sign-in")');
        await tab.page.waitForSelector('svg.totp-qr');
        const shown = ((await tab.page.locator('#totp-secret').textContent()) ?? '').replace(/\s/g, '');
        expect(shown).toMatch(/^[A-Z2-7]{32}$/);
        if (device === 'desktop') expect(shown).toBe(secret);
        secret = shown;
        await tab.screenshot('account-totp-setup');
        expect(await tab.findAccessibilityViolations()).toEqual([]);
        expect(await tab.overflowPx()).toBe(0);
        expect(tab.problems).toEqual([]);
        await tab.close();
      }
      const tab = await newConsolePage(browser, 'mobile');
      await tab.context.addCookies([operator.browserCookie]);
      await tab.page.goto(`${gw.baseUrl}/console/account`);
      await tab.page.fill('#code-confirm', codeAt(secret, 3));
      await tab.page.click('button:has-text("Turn on")');
      expect(await tab.page.locator('.error').textContent()).toContain('Wrong code');
      await tab.page.fill('#code-confirm', codeAt(secret));
      await tab.page.click('button:has-text("Turn on")');
      await tab.page.waitForURL('**/console/account?done=totp-on');
      expect(await tab.page.locator('#totp-heading + p').textContent()).toContain('On');
      await tab.close();

      // The enrolling code is spent: the next step's code signs in.
      gw.clock.advance(TOTP_STEP_MS);
      const signIn = await newConsolePage(browser, 'mobile');
      await submitPassword(signIn, PASSWORD);
      expect(await signIn.page.locator('h1').textContent()).toBe('Enter your code');
      await signIn.screenshot('sign-in-code');
      expect(await signIn.findAccessibilityViolations()).toEqual([]);
      await submitCode(signIn, codeAt(secret, 2));
      expect(await signIn.page.locator('.error').textContent()).toBe('Wrong code.');
      const code = codeAt(secret);
      await submitCode(signIn, code);
      await signIn.page.waitForURL('**/console/account');

      const replay = await newConsolePage(browser, 'desktop');
      await submitPassword(replay, PASSWORD);
      await submitCode(replay, code);
      expect(await replay.page.locator('.error').textContent()).toBe(
        'That code was used already: wait for the next one.',
      );
      expect(new URL(replay.page.url()).pathname).toBe('/console/sign-in/code');
      const actions = (await gw.gateway.kassaDb.db.selectFrom('audit_log').select(['action', 'details']).execute()).map(
        (row) => `${row.action} ${row.details}`,
      );
      expect(actions).toEqual([
        'operator.totp.enable {}',
        'operator.sign_in_failed {"reason":"code"}',
        'operator.sign_in {"method":"password and code"}',
        'operator.sign_in_failed {"reason":"reused code"}',
      ]);
      for (const t of [signIn, replay]) {
        expect(t.problems).toEqual([]);
        await t.close();
      }
    },
    TIMEOUT_MS,
  );

  it(
    'turns two-factor off only with a current code',
    async () => {
      const operator = await signInConsoleOperator(gw, { name: 'erin' });
      const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
      await operator.operators.setTotp(operator.operatorId, secret, gw.clock.now());
      gw.clock.advance(10 * TOTP_STEP_MS);
      const tab = await newConsolePage(browser, 'desktop');
      await tab.context.addCookies([operator.browserCookie]);
      await tab.page.goto(`${gw.baseUrl}/console/account`);
      await tab.screenshot('account-totp-on');
      expect(await tab.findAccessibilityViolations()).toEqual([]);
      await tab.page.fill('#code-disable', '000000');
      await tab.page.click('button:has-text("Turn off")');
      expect(await tab.page.locator('.error').textContent()).toContain('stays on');
      await tab.page.fill('#code-disable', codeAt(secret));
      await tab.page.click('button:has-text("Turn off")');
      await tab.page.waitForURL('**/console/account?done=totp-off');
      expect((await operator.operators.findOperator(operator.operatorId))?.totpSecret).toBeNull();
      await tab.close();
    },
    TIMEOUT_MS,
  );
});

function raise(): never {
  throw new Error('missing');
}
