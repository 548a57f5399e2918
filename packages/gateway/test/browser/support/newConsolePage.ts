import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findAccessibilityViolations } from './findAccessibilityViolations.ts';

const VIEWPORTS = { mobile: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;

/** Where console suites write their screenshots. */
export const CONSOLE_SCREENSHOT_DIR = '/tmp/console-shots';

/** A console tab in its own browser context (own cookies), recording script and CSP errors. */
export type ConsolePage = {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Console errors (CSP violations, failed loads) and page errors: a console page should have none. */
  readonly problems: string[];
  /** A full-height screenshot `<name>-<width>.png` under CONSOLE_SCREENSHOT_DIR. */
  screenshot(name: string): Promise<void>;
  /** How far the page is wider than the window (0 when nothing sticks out). */
  overflowPx(): Promise<number>;
  findAccessibilityViolations(): Promise<string[]>;
  close(): Promise<void>;
};

/** Opens a console tab at phone (390 px) or desktop (1280 px) width; `confirm()` dialogs are accepted. */
export async function newConsolePage(browser: Browser, device: keyof typeof VIEWPORTS): Promise<ConsolePage> {
  const context = await browser.newContext({ viewport: VIEWPORTS[device], isMobile: device === 'mobile' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // A page answering 4xx (a wrong password, a spent link) is logged too, but is no fault of the page.
    const isPageStatus =
      /responded with a status of 4\d\d/.test(message.text()) && message.location().url === page.url();
    if (message.type() === 'error' && !isPageStatus) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => void dialog.accept());
  return {
    page,
    context,
    problems,
    async screenshot(name) {
      mkdirSync(CONSOLE_SCREENSHOT_DIR, { recursive: true });
      const file = path.join(CONSOLE_SCREENSHOT_DIR, `${name}-${VIEWPORTS[device].width}.png`);
      await page.screenshot({ path: file, fullPage: true });
    },
    overflowPx: () =>
      page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth)) as Promise<number>,
    findAccessibilityViolations: () => findAccessibilityViolations(page),
    close: () => context.close(),
  };
}
