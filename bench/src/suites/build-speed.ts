import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startDevServer } from '@plaza/cli';
import { launchChromium } from '@plaza/container/testing';
import type { Browser } from 'playwright-core';
import type { BenchRow, BenchSuite } from '../suite.ts';
import { coldBuild } from '../support/cold-build.ts';
import { largeProgram, writeProgram } from '../support/large-program.ts';
import { median, percentile } from '../support/percentile.ts';
import { repoRoot } from '../support/processes.ts';

const run = promisify(execFile);

/**
 * How fast programs build: a generated 1,000-page program built from scratch in a fresh process
 * (as `plaza build` runs), against the same 1,000 pages with nothing in them; and in
 * `plaza dev`, one changed file of a 200-page program (larger than any program of the public
 * corpus) rebuilt and swapped into the page open in Chromium, against a full build of the same
 * program; with `MIRRORS` set, the same for the corpus's largest program.
 */
export const suite: BenchSuite = {
  name: 'build-speed',
  async run() {
    const work = await mkdtemp(join(tmpdir(), 'plaza-bench-build-'));
    try {
      const thousand = join(work, 'thousand');
      const empty = join(work, 'empty');
      await writeProgram(thousand, largeProgram(1000));
      await writeProgram(empty, emptyProgram(1000));
      // Interleaved, so a change in the machine's load touches both sides alike.
      const full: number[] = [];
      const bare: number[] = [];
      for (let i = 0; i < 3; i++) {
        full.push(await coldBuild(thousand));
        bare.push(await coldBuild(empty));
      }
      const fullMs = median(full);
      const rows: BenchRow[] = [
        {
          name: 'build a generated 1,000-page program (fresh process)',
          value: fullMs,
          unit: 'ms',
          baseline: { name: 'the same pages, empty', value: median(bare) },
          target: '< 5000 ms',
          pass: fullMs < 5000,
          note: `runs ${full.map(Math.round).join(', ')} ms`,
        },
      ];

      const large = join(work, 'large');
      await writeProgram(large, largeProgram(200));
      const fullBuilds: number[] = [];
      for (let i = 0; i < 3; i++) fullBuilds.push(await coldBuild(large));
      const fullBuild = { name: 'full build, fresh process', value: median(fullBuilds) };
      const changes = await devChanges(large, 15);
      rows.push({
        name: 'plaza dev: one file of a 200-page program changed → rebuilt, build announced (server only)',
        value: median(changes),
        unit: 'ms',
        baseline: fullBuild,
        note: `p90 ${Math.round(percentile(changes, 0.9))} ms; informational, the row below includes it`,
      });
      const browser = await launchChromium();
      try {
        const template = await devChangesInBrowser(browser, large, {
          page: 'pages/p7/p7',
          file: 'pages/p7/p7.wxml',
          change: (text, i) => text.replace('Closed', `Closed ${i}`),
          shows: (i) => ({ text: `Closed ${i}` }),
          times: 15,
        });
        const templateMs = median(template);
        rows.push({
          name: 'plaza dev: a template of a 200-page program changed → shown in Chromium (swapped in)',
          value: templateMs,
          unit: 'ms',
          baseline: fullBuild,
          target: '< 150 ms median',
          pass: templateMs < 150,
          note: `p90 ${Math.round(percentile(template, 0.9))} ms`,
        });
        const style = await devChangesInBrowser(browser, large, {
          page: 'pages/p7/p7',
          file: 'pages/p7/p7.wxss',
          change: (text, i) => `${text}\n.title { letter-spacing: ${i + 1}px; }`,
          shows: (i) => ({ selector: '.title', letterSpacing: `${i + 1}px` }),
          times: 15,
        });
        rows.push({
          name: 'plaza dev: a stylesheet of the same program changed → applied in Chromium',
          value: median(style),
          unit: 'ms',
          baseline: fullBuild,
          target: '< 150 ms median',
          pass: median(style) < 150,
          note: `p90 ${Math.round(percentile(style, 0.9))} ms`,
        });
        const corpus = process.env.MIRRORS ? await corpusApp(process.env.MIRRORS, work) : undefined;
        if (corpus) {
          const corpusBuilds: number[] = [];
          for (let i = 0; i < 3; i++) corpusBuilds.push(await coldBuild(corpus.dir));
          const shown = await devChangesInBrowser(browser, corpus.dir, {
            page: corpus.page,
            file: corpus.template,
            // Appended at the end of the page's template, where it renders whatever the data.
            change: (text, i) => `${text}\n<view id="plaza-bench">change ${i}</view>`,
            shows: (i) => ({ text: `change ${i}` }),
            times: 15,
          });
          rows.push({
            name: `plaza dev: a template of ${corpus.name} (${corpus.pages} pages, public corpus) changed → shown in Chromium`,
            value: median(shown),
            unit: 'ms',
            baseline: { name: 'full build, fresh process', value: median(corpusBuilds) },
            target: '< 150 ms median',
            pass: median(shown) < 150,
            note: `p90 ${Math.round(percentile(shown, 0.9))} ms`,
          });
        }
      } finally {
        await browser.close();
      }
      return rows;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  },
};

/**
 * Edits one page's template `times` times under `plaza dev`, timing each from the write to the
 * server's build event received (as the dev page receives it, with the update to swap in).
 */
async function devChanges(dir: string, times: number): Promise<number[]> {
  const silent = { cwd: dir, stdout: () => {}, stderr: () => {} };
  const server = await startDevServer(dir, { io: silent, port: 0 });
  const events = await fetch(`${server.url}events`);
  const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
  // Every build event as it arrives; a waiter is woken by the first one newer than it needs.
  let latest = 0;
  let failed: string | undefined;
  let wake: (() => void) | undefined;
  const reading = (async () => {
    let buffered = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffered += value;
      for (let end = buffered.indexOf('\n\n'); end !== -1; end = buffered.indexOf('\n\n')) {
        const data = /^data: (.*)$/m.exec(buffered.slice(0, end))?.[1];
        buffered = buffered.slice(end + 2);
        if (!data) continue;
        const event = JSON.parse(data) as { ok: boolean; version?: number; errors?: string[] };
        if (event.ok && event.version) latest = Math.max(latest, event.version);
        else failed = event.errors?.join('\n');
        wake?.();
      }
    }
  })();
  const builtAfter = (version: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (failed) reject(new Error(`the rebuild failed: ${failed}`));
        else if (latest > version) resolve();
        else wake = check;
      };
      check();
    });
  try {
    const template = join(dir, 'pages/p7/p7.wxml');
    const original = await readFile(template, 'utf8');
    const measured: number[] = [];
    for (let i = 0; i < times + 2; i++) {
      // A save can reach the watcher as more than one event: let the last one's build finish.
      await new Promise((r) => setTimeout(r, 250));
      const before = server.version();
      const started = performance.now();
      await writeFile(template, original.replace('Closed', `Closed ${i}`));
      await builtAfter(before);
      // The first two changes warm the rebuild path up.
      if (i >= 2) measured.push(performance.now() - started);
    }
    await writeFile(template, original);
    return measured;
  } finally {
    await reader.cancel();
    await reading.catch(() => undefined);
    await server.close();
  }
}

interface BrowserChange {
  /** The page the dev page opens and watches. */
  page: string;
  file: string;
  change: (text: string, i: number) => string;
  /** What the page shows once change `i` is in: a text, or a computed style of an element. */
  shows: (i: number) => Shown;
}

/**
 * Edits one file under `plaza dev` with the dev page open in Chromium, timing each change
 * from the write to the page on screen showing it (read in the page's frame on every DOM or
 * style change, not polled on a timer). The change is swapped into the running program: the
 * frame that shows it is the one opened first.
 */
async function devChangesInBrowser(
  browser: Browser,
  dir: string,
  options: BrowserChange & { times: number },
): Promise<number[]> {
  const silent = { cwd: dir, stdout: () => {}, stderr: () => {} };
  const server = await startDevServer(dir, {
    io: silent,
    port: 0,
    launch: { path: options.page, query: {} },
  });
  const file = join(dir, options.file);
  const original = await readFile(file, 'utf8');
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    await page.goto(server.url);
    const iframe = page.locator(`#phone section[data-path="${options.page}"] iframe.plaza-view`);
    await iframe.waitFor({ timeout: 30_000 });
    const frame = await (await iframe.elementHandle())?.contentFrame();
    if (!frame) throw new Error(`no frame for ${options.page}`);
    await frame.waitForSelector('[data-plaza="page-root"] *', { state: 'attached', timeout: 30_000 });
    const measured: number[] = [];
    for (let i = 0; i < options.times + 1; i++) {
      await new Promise((r) => setTimeout(r, 250));
      // Watching starts before the write, so a change shown at once is not missed.
      await frame.evaluate(`(${WATCH_FOR})(${JSON.stringify(options.shows(i))})`);
      const started = performance.now();
      await writeFile(file, options.change(original, i));
      await frame.evaluate('globalThis.__plazaBenchShown');
      // The first change warms the swap path up.
      if (i >= 1) measured.push(performance.now() - started);
    }
    await page.close();
    return measured;
  } finally {
    await writeFile(file, original);
    await server.close();
  }
}

type Shown = { text: string } | { selector: string; letterSpacing: string };

/**
 * Runs in the page's frame (given as text: the bench's own code is transformed with helpers
 * the frame does not have): a promise, kept on the frame's global, settled on the first DOM or
 * style change after which the page shows `want`.
 */
const WATCH_FOR = `(want) => {
  const shows = () => {
    if ('text' in want) return (document.body.textContent || '').includes(want.text);
    const element = document.querySelector(want.selector);
    return element !== null && getComputedStyle(element).letterSpacing === want.letterSpacing;
  };
  globalThis.__plazaBenchShown = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!shows()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}`;

/**
 * The largest program of the public corpus (`haochtech/hc-dymall-wx`, 118 pages), taken out
 * of its mirror under `MIRRORS` into `work`; none of its code is kept.
 */
async function corpusApp(
  mirrors: string,
  work: string,
): Promise<{ name: string; dir: string; page: string; template: string; pages: number } | undefined> {
  const name = 'haochtech/hc-dymall-wx';
  const gitDir = join(mirrors, name.replace('/', '+'), 'repo');
  if (!existsSync(gitDir)) return undefined;
  // The corpus tools sit in shared/, beside the checkout or beside the mirrors.
  const extract = [join(repoRoot, '..', 'shared'), join(mirrors, '..', 'shared')]
    .map((shared) => join(shared, 'compat', 'extract.py'))
    .find((file) => existsSync(file));
  if (!extract) return undefined;
  const dir = join(work, 'corpus');
  await run('python3', [extract, gitDir, dir]);
  const app = JSON.parse(await readFile(join(dir, 'app.json'), 'utf8')) as { pages: string[] };
  const page = app.pages[0]!;
  const template = ['.ttml', '.wxml'].map((ext) => page + ext).find((f) => existsSync(join(dir, f)))!;
  return { name, dir, page, template, pages: app.pages.length };
}

/** `pages` pages with an empty template, script and config: what any build has to do per page. */
function emptyProgram(pages: number): Record<string, string> {
  const paths = Array.from({ length: pages }, (_, i) => `pages/p${i}/p${i}`);
  const files: Record<string, string> = {
    'app.json': JSON.stringify({ pages: paths }),
    'app.js': '',
  };
  for (const path of paths) {
    files[`${path}.wxml`] = '';
    files[`${path}.js`] = '';
  }
  return files;
}
