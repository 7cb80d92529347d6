// Debian's Chromium, as every browser test drives it (Playwright, headless, loopback only).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The browser `.ci/run` installs (`apt-get install chromium`). */
export const CHROMIUM = '/usr/bin/chromium';

/** Why the browser tests cannot run here, or undefined when they can. */
export const chromiumMissing = existsSync(CHROMIUM)
  ? undefined
  : `${CHROMIUM} not installed (apt-get install chromium)`;

/** Launches headless Chromium with nothing that phones home (updates, sync, QUIC, first-run pages). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
