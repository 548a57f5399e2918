// Risk: an operator cannot get in (link, password, sign-in), a link works twice, a wrong password
// gets in, a page opens without a session, or a session survives "sign out everywhere".
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretBox } from '../../src/adapters/crypto/createSecretBox.ts';
import { createAuditLog } from '../../src/adapters/db/operators/createAuditLog.ts';
import { createOperatorStore } from '../../src/adapters/db/operators/createOperatorStore.ts';
import { addOperator } from '../../src/app/operators/addOperator.ts';
import { signInConsoleOperator } from '../support/signInConsoleOperator.ts';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.ts';
import { testDatabases } from '../support/testDatabases.ts';
import { hasChromium, launchChromium } from './support/launchChromium.ts';
import { newConsolePage } from './support/newConsolePage.ts';

const TIMEOUT_MS = 60_000;
const PASSWORD = 'plum lantern seventeen';

describe.skipIf(!hasChromium())('console sign-in in Chromium', () => {
  let gw: TestGateway;
  let browser: Browser;
  beforeAll(async () => {
    [gw, browser] = await Promise.all([startTestGateway(testDatabases()[0] ?? raise()), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await gw?.stop();
  });

  const issueLink = async (name: string) => {
    const { kassaDb, deps } = gw.gateway;
    const result = await addOperator(
      {
        operators: createOperatorStore(kassaDb.db, createSecretBox(gw.config.masterKey)),
        audit: createAuditLog(kassaDb),
        clock: deps.clock,
        ids: deps.ids,
      },
      { name, actor: { operatorId: null, operatorName: 'cli', address: null } },
    );
    if (!result.ok) throw new Error(result.reason);
    return `${gw.baseUrl}/console/set-password?token=${result.link.token}`;
  };

  it(
    'sets a password through the link once, signs in to the page asked for, and refuses a wrong password',
    async () => {
      const link = await issueLink('Alice');
      const tab = await newConsolePage(browser, 'mobile');
      const { page } = tab;
      await page.goto(link);
      expect(await page.locator('h1').textContent()).toBe('Set your password');
      expect(await page.locator('main').textContent()).toContain('alice');
      await tab.screenshot('set-password');
      expect(await tab.findAccessibilityViolations()).toEqual([]);
      expect(await tab.overflowPx()).toBe(0);
      // The browser's own minlength check would stop a short one; the server's is what counts.
      await page.evaluate(() => {
        for (const input of document.querySelectorAll('input[minlength]')) input.removeAttribute('minlength');
      });
      await page.fill('#new-password', 'short');
      await page.fill('#new-password-again', 'short');
      await page.click('button[type=submit]');
      expect(await page.locator('.error').textContent()).toContain('too short');
      await page.fill('#new-password', PASSWORD);
      await page.fill('#new-password-again', PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForURL('**/console/sign-in?done=password-set');
      expect(await page.locator('.notice').textContent()).toBe('Password set: sign in with it.');

      await page.goto(link);
      expect(await page.locator('h1').textContent()).toBe('Link not valid');

      await page.goto(`${gw.baseUrl}/console/audit`);
      expect(new URL(page.url()).pathname).toBe('/console/sign-in');
      await tab.screenshot('sign-in');
      expect(await tab.findAccessibilityViolations()).toEqual([]);
      await page.fill('#sign-in-name', 'alice');
      await page.fill('#sign-in-password', `${PASSWORD}!`);
      await page.click('button[type=submit]');
      expect(await page.locator('.error').textContent()).toBe('Wrong name or password.');
      await page.fill('#sign-in-password', PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForURL('**/console/audit');
      expect(await page.locator('h1').textContent()).toBe('Audit log');
      const actions = await page.locator('tbody tr td:nth-child(3)').allTextContents();
      expect(actions.slice(0, 4)).toEqual([
        'operator.sign_in',
        'operator.sign_in_failed',
        'operator.password_set',
        'operator.add',
      ]);
      expect(tab.problems).toEqual([]);
      await tab.close();
    },
    TIMEOUT_MS,
  );

  it(
    'shows the set-password, audit, account and sign-in pages within the screen at 390 and 1280 px, with no accessibility violations',
    async () => {
      const operator = await signInConsoleOperator(gw, { name: 'bob' });
      for (const device of ['mobile', 'desktop'] as const) {
        const tab = await newConsolePage(browser, device);
        await tab.page.goto(await issueLink(`pat-${device}`));
        await tab.screenshot('set-password');
        expect(await tab.findAccessibilityViolations()).toEqual([]);
        expect(await tab.overflowPx()).toBe(0);
        await tab.context.addCookies([operator.browserCookie]);
        for (const [path, name] of [
          ['/console/audit', 'audit'],
          ['/console/account', 'account'],
          ['/console/sign-in?done=signed-out', 'sign-in'],
        ] as const) {
          if (name === 'sign-in') await tab.context.clearCookies();
          await tab.page.goto(`${gw.baseUrl}${path}`);
          expect(new URL(tab.page.url()).pathname).toBe(path.split('?')[0]);
          await tab.screenshot(name);
          expect(await tab.findAccessibilityViolations()).toEqual([]);
          expect(await tab.overflowPx()).toBe(0);
        }
        expect(tab.problems).toEqual([]);
        await tab.close();
      }
    },
    TIMEOUT_MS,
  );

  it(
    'signs out everywhere: the other session stops working too',
    async () => {
      const here = await signInConsoleOperator(gw, { name: 'carol' });
      const elsewhere = await signInConsoleOperator(gw, { name: 'carol' });
      const tab = await newConsolePage(browser, 'desktop');
      await tab.context.addCookies([here.browserCookie]);
      await tab.page.goto(`${gw.baseUrl}/console/account`);
      expect(await tab.page.locator('tbody tr').count()).toBe(2);
      await tab.page.click('button:has-text("Sign out everywhere")');
      await tab.page.waitForURL('**/console/sign-in?done=signed-out-everywhere');
      const other = await fetch(`${gw.baseUrl}/console/account`, {
        redirect: 'manual',
        headers: { cookie: elsewhere.cookie },
      });
      expect(other.status).toBe(303);
      expect(await here.operators.listSessionsOf(here.operatorId)).toEqual([]);
      await tab.close();
    },
    TIMEOUT_MS,
  );
});

function raise(): never {
  throw new Error('no test database');
}
