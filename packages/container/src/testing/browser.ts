import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium, headless, with nothing that talks to the network on its own; the one
 * launcher of every browser test in the repository (`extraArgs` for what one suite needs).
 */
export function launchChromium(options: { extraArgs?: readonly string[] } = {}): Promise<Browser> {
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
      ...(options.extraArgs ?? []),
    ],
  });
}
