import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); the browser suites skip without it. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

let skipNoticePrinted = false;

/** True when Chromium is installed; otherwise prints, once, the one line saying what is missing. */
export function hasChromium(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (!skipNoticePrinted) {
    skipNoticePrinted = true;
    console.info(`Browser suites skipped: install Debian Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
  }
  return false;
}

/** Headless Chromium without background traffic: one per test file, a context per test. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
