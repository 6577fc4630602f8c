import { launchChromium } from '@plaza/container/testing';
import type { Browser, Frame, Page } from 'playwright-core';
import type { BenchRow, BenchSuite } from '../suite.ts';
import { ROWS } from '../support/list-page.ts';
import { startListServer } from '../support/list-server.ts';
import { contextHeap, probeRecords, probeScript } from '../support/page-probe.ts';
import { median, percentile } from '../support/percentile.ts';

/**
 * The browser container against the page it stands for, in Chromium, in one run:
 * - cold start: a 1,000-row list launched by the container in a host page, against a static
 *   HTML page of the same rows; each load in a fresh browser context (nothing cached), from
 *   the host page's navigation start to all rows being in the document, and to the next frame
 *   drawn after that; the two variants alternate;
 * - one-row `setData`: a click on a row's button, from the click's own input timestamp to the
 *   row's new text in the document, against the same click on the static page updating the
 *   row by hand (one `textContent` write); clicks alternate between the two pages;
 * - the JS heap of each variant (host page, frames and worker) after a full GC.
 * `PLAZA_BENCH_RUNS` changes the number of cold starts (taps are three times as many).
 */
const runs = Number(process.env.PLAZA_BENCH_RUNS ?? 30);
const taps = runs * 3;

interface Cold {
  shown: number;
  drawn: number;
  heap: number;
}

export async function coldStart(browser: Browser, url: string): Promise<Cold> {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 } });
  try {
    await context.addInitScript(probeScript(ROWS));
    const page = await context.newPage();
    await page.goto(url);
    const origin = (await page.evaluate('performance.timeOrigin')) as number;
    const done = await waitForDrawn(page);
    return {
      shown: done.shown - origin,
      drawn: done.drawn - origin,
      heap: await contextHeap(browser, context),
    };
  } finally {
    await context.close();
  }
}

/** The probe of whichever document shows the rows (the page itself, or the container's view frame). */
export async function waitForDrawn(page: Page): Promise<{ shown: number; drawn: number }> {
  const until = Date.now() + GIVE_UP_MS;
  while (Date.now() < until) {
    const found = (await probeRecords(page)).find((r) => r.drawn !== undefined);
    if (found) return { shown: found.shown!, drawn: found.drawn! };
    await page.waitForTimeout(20);
  }
  throw new Error(`the rows were not drawn within ${GIVE_UP_MS} ms`);
}

/** A start or a tap that has not shown after this long failed (a run must never hang). */
const GIVE_UP_MS = 60_000;

/** The frame (or page) whose document shows the rows. */
async function rowsFrame(page: Page): Promise<Frame> {
  for (const frame of page.frames()) {
    const shown = await frame.evaluate('globalThis.__probe?.shown').catch(() => undefined);
    if (shown !== undefined) return frame;
  }
  throw new Error('no document shows the rows');
}

/** Clicks the button of row `row` and waits for that document's probe to record the change. */
export async function tapRow(page: Page, row: number): Promise<number> {
  const frame = await rowsFrame(page);
  const before = (await probeRecords(page)).reduce((n, r) => n + r.taps.length, 0);
  const box = await frame.locator('.rename').nth(row).boundingBox();
  if (!box) throw new Error('the row button is not on screen');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const until = Date.now() + GIVE_UP_MS;
  while (Date.now() < until) {
    const records = await probeRecords(page);
    const all = records.flatMap((r) => r.taps);
    if (all.length > before) return all.at(-1)!;
    await page.waitForTimeout(5);
  }
  throw new Error(`row ${row} did not change within ${GIVE_UP_MS} ms of its tap`);
}

export const suite: BenchSuite = {
  name: 'container',
  async run(): Promise<BenchRow[]> {
    const server = await startListServer();
    const browser = await launchChromium();
    try {
      // One load of each first, not counted: Chromium's own start-up is not the page's.
      await coldStart(browser, `${server.origin}/static`);
      await coldStart(browser, `${server.origin}/plaza`);
      const plaza: Cold[] = [];
      const plain: Cold[] = [];
      for (let i = 0; i < runs; i++) {
        plain.push(await coldStart(browser, `${server.origin}/static`));
        plaza.push(await coldStart(browser, `${server.origin}/plaza`));
      }

      // Both pages open side by side; the taps alternate between them, on rows spread over the screen.
      const plazaPage = await openProbed(browser, `${server.origin}/plaza`);
      const handPage = await openProbed(browser, `${server.origin}/static`);
      const plazaTaps: number[] = [];
      const handTaps: number[] = [];
      for (let i = 0; i < 5; i++) {
        await tapRow(plazaPage, i);
        await tapRow(handPage, i);
      }
      for (let i = 0; i < taps; i++) {
        handTaps.push(await tapRow(handPage, i % 8));
        plazaTaps.push(await tapRow(plazaPage, i % 8));
      }
      await plazaPage.context().close();
      await handPage.context().close();

      const shown = stats(plaza.map((r) => r.shown));
      const shownStatic = stats(plain.map((r) => r.shown));
      const drawn = stats(plaza.map((r) => r.drawn));
      const drawnStatic = stats(plain.map((r) => r.drawn));
      const tap = stats(plazaTaps);
      const tapHand = stats(handTaps);
      const heap = median(plaza.map((r) => r.heap)) / 2 ** 20;
      const heapStatic = median(plain.map((r) => r.heap)) / 2 ** 20;
      return [
        {
          name: `cold start → ${ROWS} rows drawn, median of ${runs}`,
          value: drawn.median,
          unit: 'ms',
          baseline: { name: 'static HTML', value: drawnStatic.median },
          target: '≤ 200 ms and ≤ 2.5× static',
          pass: drawn.median <= 200 && drawn.median <= 2.5 * drawnStatic.median,
          note: `p95 ${fmt(drawn.p95)} ms (static ${fmt(drawnStatic.p95)} ms)`,
        },
        {
          name: 'cold start → drawn, p95',
          value: drawn.p95,
          unit: 'ms',
          baseline: { name: 'static HTML', value: drawnStatic.p95 },
        },
        {
          name: `cold start → ${ROWS} rows in the document, median`,
          value: shown.median,
          unit: 'ms',
          baseline: { name: 'static HTML', value: shownStatic.median },
          note: `p95 ${fmt(shown.p95)} ms (static ${fmt(shownStatic.p95)} ms)`,
        },
        {
          name: `one-row setData: click → row changed, median of ${taps}`,
          value: tap.median,
          unit: 'ms',
          baseline: { name: 'hand DOM update', value: tapHand.median },
          target: '≤ 0.6 ms and ≤ 3× hand DOM',
          pass: tap.median <= 0.6 && tap.median <= 3 * tapHand.median,
          note: `p95 ${fmt(tap.p95)} ms (hand ${fmt(tapHand.p95)} ms)`,
        },
        {
          name: 'one-row setData, p95',
          value: tap.p95,
          unit: 'ms',
          baseline: { name: 'hand DOM update', value: tapHand.p95 },
        },
        {
          name: 'JS heap after launch (page, frames, worker), median',
          value: heap,
          unit: 'MiB',
          baseline: { name: 'static HTML', value: heapStatic },
          target: '< 10 MiB',
          pass: heap < 10,
        },
      ];
    } finally {
      await browser.close();
      await server.close();
    }
  },
};

export async function openProbed(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 } });
  await context.addInitScript(probeScript(ROWS));
  const page = await context.newPage();
  await page.goto(url);
  await waitForDrawn(page);
  return page;
}

function stats(values: number[]): { median: number; p95: number } {
  return { median: round(median(values)), p95: round(percentile(values, 0.95)) };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function fmt(n: number): string {
  return n.toFixed(2);
}
