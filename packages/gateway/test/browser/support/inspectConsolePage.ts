import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { findAccessibilityViolations } from './findAccessibilityViolations.ts';

/** Where console screenshots go, to be looked at (`<name>-390.png`, `<name>-1280.png`). */
export const CONSOLE_SHOTS_DIR = '/tmp/kassa-console-shots';

/** The two widths every console page is checked at: a phone and a desktop. */
export const CONSOLE_WIDTHS = [390, 1280] as const;

export type ConsolePageFindings = {
  /** axe-core's serious and critical violations. */
  readonly violations: readonly string[];
  /** Elements reaching past the right edge of the screen. */
  readonly overflowing: readonly string[];
  /** Script errors, blocked resources (CSP) and dialogs the page raised. */
  readonly problems: readonly string[];
};

/**
 * Opens a console page at one width with the operator's session cookie, screenshots it, and returns
 * what a reviewer would object to. `act` may click or type before the checks.
 */
export async function inspectConsolePage(
  browser: Browser,
  p: {
    readonly url: string;
    readonly cookie: { name: string; value: string; url: string };
    readonly width: number;
    readonly name: string;
    readonly act?: (page: Page) => Promise<void>;
  },
): Promise<ConsolePageFindings & { readonly text: string }> {
  const context = await browser.newContext({ viewport: { width: p.width, height: 900 } });
  const problems: string[] = [];
  try {
    await context.addCookies([p.cookie]);
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('dialog', async (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      await dialog.dismiss();
    });
    await page.goto(p.url);
    await p.act?.(page);
    mkdirSync(CONSOLE_SHOTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(CONSOLE_SHOTS_DIR, `${p.name}-${p.width}.png`), fullPage: true });
    const overflowing = (await page.evaluate(
      '[...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 && !e.closest(".table-wrap, .nav")).map((e) => e.className || e.tagName)',
    )) as string[];
    return {
      violations: await findAccessibilityViolations(page),
      overflowing,
      problems,
      text: await page.locator('main').innerText(),
    };
  } finally {
    await context.close();
  }
}
