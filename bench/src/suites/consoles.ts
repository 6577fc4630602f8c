import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../e2e/support/phone-browser.ts';
import { startPlatformProcess } from '../../../e2e/support/platform-process.ts';
import { ensureSuperAppBuilt } from '../../../e2e/support/super-app-build.ts';
import type { BenchRow, BenchSuite } from '../suite.ts';

/**
 * A console page's cold load: `npm start` with its demo, a fresh desktop-sized Chromium
 * context per load (no cache, no session), measured in the page from navigation start to
 * the first thing a person can use (the sign-in form's button). The baseline is the same
 * browser loading a static answer of the same server (`/healthz`) to its load event: what
 * the server and the browser cost before any console code. Target: under 1 s, median of 5.
 */
const loads = 5;

async function coldLoad(browser: Browser, url: string, ready: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await page.goto(url);
  // Strings: this package compiles without the DOM's types.
  await page.waitForFunction(ready, undefined, { timeout: 30_000 });
  const at = (await page.evaluate('performance.now()')) as number;
  await context.close();
  return at;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const pages = [
  { name: 'developer console', path: '/console' },
  { name: 'operator console', path: '/operator' },
];
const signInShown = `[...document.querySelectorAll('button')].some((b) => b.textContent === 'Sign in')`;

export const suite: BenchSuite = {
  name: 'consoles',
  async run(): Promise<BenchRow[]> {
    ensureSuperAppBuilt();
    const [platform, browser] = await Promise.all([startPlatformProcess('sqlite'), launchChromium()]);
    try {
      const staticPage = `${platform.base}/healthz`;
      // One load first, not counted: Chromium's own start-up is not the consoles'.
      await coldLoad(browser, `${platform.base}/console`, signInShown);
      const baselineRuns: number[] = [];
      for (let i = 0; i < loads; i++)
        baselineRuns.push(await coldLoad(browser, staticPage, `document.readyState === 'complete'`));
      const baseline = { name: 'GET /healthz to load', value: Math.round(median(baselineRuns)) };
      const rows: BenchRow[] = [];
      for (const p of pages) {
        const runs: number[] = [];
        for (let i = 0; i < loads; i++)
          runs.push(await coldLoad(browser, `${platform.base}${p.path}`, signInShown));
        const value = median(runs);
        rows.push({
          name: `${p.name} cold load → sign-in usable (median of ${loads})`,
          value: Math.round(value),
          unit: 'ms',
          baseline,
          target: '< 1000 ms',
          pass: value < 1000,
          note: `${runs.map(Math.round).join(', ')}; baseline ${baselineRuns.map(Math.round).join(', ')}`,
        });
      }
      return rows;
    } finally {
      await browser.close();
      await platform.stop();
    }
  },
};
