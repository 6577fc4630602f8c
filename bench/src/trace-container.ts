import { writeFile } from 'node:fs/promises';
import { launchChromium } from '@plaza/container/testing';
import { coldStart, openProbed, tapRow } from './suites/container.ts';
import { startListServer } from './support/list-server.ts';

/**
 * Records Chromium's own trace of the container bench's page: `cold` (one cold start of the
 * 1,000-row list after an uncounted one) and `taps` (ten one-row taps after warm-up), written
 * as `<out>-cold.json` and `<out>-taps.json` for `trace-summary.ts` or Chromium's trace viewer.
 * @example node --import tsx bench/src/trace-container.ts /tmp/plaza-trace
 */
const out = process.argv[2] ?? 'container-trace';
const categories = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'blink.user_timing',
  'loading',
  'navigation',
  'ipc',
  'mojom',
];

const server = await startListServer();
const browser = await launchChromium();
try {
  await coldStart(browser, `${server.origin}/plaza`);
  await browser.startTracing(undefined, { categories });
  const cold = await coldStart(browser, `${server.origin}/plaza`);
  await writeFile(`${out}-cold.json`, await browser.stopTracing());
  process.stdout.write(`cold start traced: drawn at ${cold.drawn.toFixed(1)} ms\n`);

  const page = await openProbed(browser, `${server.origin}/plaza`);
  for (let i = 0; i < 5; i++) await tapRow(page, i);
  await browser.startTracing(undefined, { categories });
  const taps: number[] = [];
  for (let i = 0; i < 10; i++) taps.push(await tapRow(page, i % 8));
  await writeFile(`${out}-taps.json`, await browser.stopTracing());
  process.stdout.write(`taps traced: ${taps.map((t) => t.toFixed(2)).join(', ')} ms\n`);
} finally {
  await browser.close();
  await server.close();
}
