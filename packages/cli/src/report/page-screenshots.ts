import { existsSync } from 'node:fs';
import { buildContainerScript } from '@plaza/container/bundle';
import { hostPageHtml, launchChromium, serveFiles, startTestServer } from '@plaza/container/testing';
import type { Browser } from 'playwright-core';

export interface PageScreenshots {
  /** Page path → the page as the browser container showed it, a `data:image/jpeg` URI. */
  shots: Map<string, string>;
  /** Why there are no screenshots (no Chromium on this machine…), when there are none. */
  unavailable?: string;
}

const CHROMIUM = '/usr/bin/chromium';
/** How long a page may take to show its first frame before it is photographed as it is. */
const READY_MS = 8_000;
/** Time after the first frame for images, timers of 0 ms and failed requests to show. */
const SETTLE_MS = 400;

/**
 * Opens each page of a built package in the browser container (Chromium, headless, the same
 * host page as the container's own browser tests) and photographs the phone-sized frame.
 * Without Chromium the report says so instead of failing.
 *
 * @example
 * const { shots } = await screenshotPages(result.files, manifest.pages);
 */
export async function screenshotPages(
  files: Map<string, Buffer | string>,
  pages: readonly string[],
): Promise<PageScreenshots> {
  const shots = new Map<string, string>();
  if (!existsSync(CHROMIUM)) return { shots, unavailable: `Chromium is not installed (${CHROMIUM})` };
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    return { shots, unavailable: `Chromium did not start: ${(error as Error).message.split('\n')[0]}` };
  }
  const script = await buildContainerScript();
  const servePackage = serveFiles('/pkg/app/', files);
  const server = await startTestServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(hostPageHtml({ containerScript: '/container.js', title: 'Plaza migration report' }));
      return true;
    }
    if (path === '/container.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(script);
      return true;
    }
    return servePackage(req, res);
  });
  try {
    for (const path of pages) {
      const page = await browser.newPage({ viewport: { width: 375, height: 667 } });
      try {
        await page.goto(`${server.origin}/`);
        await page.evaluate(
          async ({ path, wait }) => {
            const w = window as unknown as {
              PlazaContainer: { mount(el: HTMLElement, options: object): { ready: Promise<void> } };
            };
            const app = w.PlazaContainer.mount(document.getElementById('phone')!, {
              package: '/pkg/app/',
              appId: 'plaza-check',
              path,
            });
            // A page that never finishes loading is photographed as it stands.
            await Promise.race([app.ready.catch(() => undefined), new Promise((r) => setTimeout(r, wait))]);
          },
          { path, wait: READY_MS },
        );
        await page.waitForTimeout(SETTLE_MS);
        const image = await page.locator('#phone').screenshot({ type: 'jpeg', quality: 72 });
        shots.set(path, `data:image/jpeg;base64,${image.toString('base64')}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { shots };
}
