import { chromium } from 'playwright-core';

/** Paints rendered page documents as PNGs, in the order given. */
export type PagePainter = (documents: string[], signal?: AbortSignal) => Promise<Buffer[]>;

/** The phone screen the review paints on (CSS pixels, as the simulator's window width). */
export const reviewScreen = { width: 375, height: 667 };

const screenEdges = 'html, body { margin: 0; }';

/**
 * Paints with a headless Chromium at `executablePath`. The documents come from untrusted
 * programs, so the browser gets markup and styles only: scripts are off and every request
 * (images, fonts, anything the markup points to) is refused, so nothing leaves the machine.
 *
 * @example
 * const paint = chromiumPagePainter('/usr/bin/chromium');
 * const [png] = await paint(['<html><body>hello</body></html>']);
 */
export function chromiumPagePainter(executablePath: string): PagePainter {
  return async (documents, signal) => {
    if (documents.length === 0) return [];
    const browser = await chromium.launch({
      executablePath,
      // Chromium's own sandbox as well, except where it cannot run (as root, in containers).
      chromiumSandbox: process.getuid?.() !== 0,
      args: ['--headless', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    const stop = () => void browser.close();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      const context = await browser.newContext({
        viewport: reviewScreen,
        deviceScaleFactor: 2,
        javaScriptEnabled: false,
        offline: true,
      });
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      const shots: Buffer[] = [];
      for (const html of documents) {
        // The page fills the screen edge to edge, as in the container (no default body margin).
        await page.setContent(html.replace('<head>', `<head><style>${screenEdges}</style>`), {
          waitUntil: 'load',
        });
        shots.push(await page.screenshot({ type: 'png' }));
      }
      return shots;
    } finally {
      signal?.removeEventListener('abort', stop);
      await browser.close();
    }
  };
}
