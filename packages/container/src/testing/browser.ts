import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium, headless, with nothing that talks to the network on its own; `extraArgs`
 * for the one test that needs more (a fake camera).
 */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...extraArgs,
    ],
  });
}
