import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findAccessibilityViolations } from './findAccessibilityViolations.ts';

/** Phone (390×844, touch) or desktop (1280×800). */
export type DeviceKind = 'mobile' | 'desktop';

const DEVICES = {
  mobile: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
  desktop: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
} as const;

/** Where the suites write their screenshots (git-ignored). */
export const SCREENSHOT_DIR = path.join(import.meta.dirname, '..', 'screenshots');

/** A checkout page in its own browser context that records everything that should never happen. */
export type CheckoutPage = {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly device: DeviceKind;
  /** Console errors (CSP violations, failed loads, script errors), page errors and dialogs. */
  readonly problems: string[];
  /** Main-frame navigations since the page opened (the first load included). */
  navigations(): number;
  /** Waits until the live view is `view` (the `data-view` the script keeps current). */
  waitForView(view: string, timeoutMs?: number): Promise<void>;
  /** Trimmed text of the first match, or null. */
  textOf(selector: string): Promise<string | null>;
  /** A full-height screenshot at the device's width: `<name>-<device>.png`. */
  screenshot(name: string): Promise<void>;
  /** axe-core's serious and critical violations on the page as it is now. */
  findAccessibilityViolations(): Promise<string[]>;
  close(): Promise<void>;
};

/** Opens `url` in a fresh context of `device`; `javaScriptEnabled: false` for the no-script path. */
export async function openCheckoutPage(
  browser: Browser,
  url: string,
  device: DeviceKind,
  options: { readonly javaScriptEnabled?: boolean; readonly initScript?: string } = {},
): Promise<CheckoutPage> {
  const context = await browser.newContext({
    ...DEVICES[device],
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  if (options.initScript !== undefined) await page.addInitScript(options.initScript);
  const problems: string[] = [];
  let navigations = 0;
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations++;
  });
  await page.goto(url);
  return {
    page,
    context,
    device,
    problems,
    navigations: () => navigations,
    async waitForView(view, timeoutMs = 15_000) {
      await page.waitForSelector(`#view[data-view="${view}"]`, { timeout: timeoutMs });
    },
    async textOf(selector) {
      const text = await page
        .locator(selector)
        .first()
        .textContent({ timeout: 1000 })
        .catch(() => null);
      return text === null ? null : text.replace(/\s+/g, ' ').trim();
    },
    async screenshot(name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const { viewport } = DEVICES[device];
      // A taller viewport instead of `fullPage`: Chromium's full-page capture drops the touch
      // emulation for the shot, which would hide what a phone shows (the wallet button).
      const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
      await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${device}.png`), animations: 'disabled' });
      await page.setViewportSize(viewport);
    },
    findAccessibilityViolations: () => findAccessibilityViolations(page),
    close: () => context.close(),
  };
}
