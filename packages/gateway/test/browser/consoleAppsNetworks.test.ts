// Risk: the apps and networks pages fail axe, overflow a phone, or run a hostile app name as markup.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_CHAIN_XPUB } from '../fixtures/devChain.ts';
import { type SignedInConsoleOperator, signInConsoleOperator } from '../support/signInConsoleOperator.ts';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.ts';
import { SYNTHETIC_NETWORK } from '../support/syntheticNetwork.ts';
import { testDatabases } from '../support/testDatabases.ts';
import { CONSOLE_WIDTHS, inspectConsolePage } from './support/inspectConsolePage.ts';
import { hasChromium, launchChromium } from './support/launchChromium.ts';

const HOSTILE = `<img src=x onerror=alert(1)>"><script>alert(2)</script>`;

describe.skipIf(!hasChromium())('console apps and networks pages in Chromium', () => {
  let browser: Browser;
  let t: TestGateway;
  let operator: SignedInConsoleOperator;

  beforeAll(async () => {
    const [sqlite] = testDatabases();
    if (sqlite === undefined) throw new Error('no SQLite test database');
    [browser, t] = await Promise.all([
      launchChromium(),
      startTestGateway(sqlite, {
        networks: [{ ...SYNTHETIC_NETWORK, xpub: DEV_CHAIN_XPUB, rpcUrls: ['http://127.0.0.1:9/v3/key'] }],
      }),
    ]);
    operator = await signInConsoleOperator(t);
    await t.gateway.deps.store.apps.updateSettings(
      t.appId,
      { webhookUrl: `https://shop.example/hook?x=${encodeURIComponent(HOSTILE)}`, enabledTokenIds: ['token-USDT'] },
      t.clock.now(),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  const inspectBoth = async (path: string, name: string, act?: Parameters<typeof inspectConsolePage>[1]['act']) => {
    const texts: string[] = [];
    for (const width of CONSOLE_WIDTHS) {
      const found = await inspectConsolePage(browser, {
        url: `${t.baseUrl}${path}`,
        cookie: operator.browserCookie,
        width,
        name,
        ...(act === undefined ? {} : { act }),
      });
      expect({ width, violations: found.violations, overflowing: found.overflowing, problems: found.problems }).toEqual(
        {
          width,
          violations: [],
          overflowing: [],
          problems: [],
        },
      );
      texts.push(found.text);
    }
    return texts;
  };

  it('creates an app with a hostile name: it shows as text, the secret once with a copy button', async () => {
    const [text] = await inspectBoth('/console/apps', 'apps-created', async (page) => {
      await page.getByLabel('Name').fill(HOSTILE);
      await page.getByRole('button', { name: 'Create app' }).click();
      await page.getByText('Copy the secret now').waitFor();
    });
    expect(text).toContain(`App ${HOSTILE} created`);
    expect(text).toMatch(/App secret\s+[0-9A-Za-z]{32,} Copy/);
    const list = await inspectBoth('/console/apps', 'apps');
    expect(list[0]).toContain(HOSTILE);
    expect(list[0]).toContain('1 of 3');
  });

  it("shows an app's settings, coins and access forms", async () => {
    const [text] = await inspectBoth(`/console/apps/${t.appId}`, 'app');
    expect(text).toContain('Payment tolerance (%)');
    expect(text).toContain('Only the coins checked below');
    expect(text).toContain('Rotate the secret');
  });

  it('saves settings through the form and says so', async () => {
    const [text] = await inspectBoth(`/console/apps/${t.appId}`, 'app-saved', async (page) => {
      await page.getByLabel('Payment tolerance (%)').fill('1.25');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Settings saved.').waitFor();
    });
    expect(text).toContain('Settings saved.');
    expect((await t.gateway.deps.store.apps.findApp(t.appId))?.paymentTolerance).toEqual({ units: 125n, scale: 4 });
  });

  it('shows the networks page with a failing node, without its key', async () => {
    // The first view starts reading the funds ledger behind the page; the second shows it.
    const [phone, desktop] = await inspectBoth('/console/networks', 'networks');
    expect(phone).toContain('Failing');
    expect(phone).not.toContain('/v3/key');
    expect(`${phone}${desktop}`).toContain('No confirmed payments yet.');
  });
});
