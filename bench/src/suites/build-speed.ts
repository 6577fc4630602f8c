import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevServer } from '@plaza/cli';
import { launchChromium } from '@plaza/container/testing';
import type { BenchRow, BenchSuite } from '../suite.ts';
import { coldBuild } from '../support/cold-build.ts';
import { largeProgram, writeProgram } from '../support/large-program.ts';
import { median, percentile } from '../support/percentile.ts';

/**
 * How fast programs build: a generated 1,000-page program built from scratch in a fresh process
 * (as `plaza build` runs), against the same 1,000 pages with nothing in them; and in
 * `plaza dev`, one changed file of a 200-page program (larger than any program of the public
 * corpus) rebuilt and its reload served, against a full build of the same program.
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
      const changes = await devChanges(large, 15);
      const changeMs = median(changes);
      rows.push({
        name: 'plaza dev: one file of a 200-page program changed → rebuilt, reload served',
        value: changeMs,
        unit: 'ms',
        baseline: { name: 'full build, fresh process', value: median(fullBuilds) },
        target: '< 150 ms median',
        pass: changeMs < 150,
        note: `p90 ${Math.round(percentile(changes, 0.9))} ms`,
      });
      const shown = await devChangesInBrowser(large, 8);
      rows.push({
        name: 'plaza dev: the same change until the page in Chromium shows it (remount included)',
        value: median(shown),
        unit: 'ms',
        baseline: { name: 'full build, fresh process', value: median(fullBuilds) },
        note: 'informational: the container boots the program again on every reload',
      });
      return rows;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  },
};

/**
 * Edits one page's template `times` times under `plaza dev`, timing each from the write to the
 * reload being served: the server's build event received (as the dev page receives it) and the
 * new version's manifest, logic and view fetched (what the page loads to remount).
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
      const version = server.version();
      await Promise.all(
        ['manifest.json', 'logic.js', 'view.js'].map(async (file) => {
          const res = await fetch(`${server.url}package/${version}/${file}`);
          if (!res.ok) throw new Error(`${file}: ${res.status}`);
          await res.arrayBuffer();
        }),
      );
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

/** Edits one page's template under `plaza dev` with the dev page open in Chromium, timing each
 * change from the write to the reloaded page showing it. */
async function devChangesInBrowser(dir: string, times: number): Promise<number[]> {
  const silent = { cwd: dir, stdout: () => {}, stderr: () => {} };
  const server = await startDevServer(dir, {
    io: silent,
    port: 0,
    launch: { path: 'pages/p7/p7', query: {} },
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    await page.goto(server.url);
    const view = page.frameLocator('#phone section[data-path="pages/p7/p7"] iframe.plaza-view');
    await view.locator('text=Closed').first().waitFor({ timeout: 30_000 });
    const template = join(dir, 'pages/p7/p7.wxml');
    const original = await readFile(template, 'utf8');
    const measured: number[] = [];
    for (let i = 0; i < times + 1; i++) {
      await new Promise((r) => setTimeout(r, 250));
      const started = performance.now();
      await writeFile(template, original.replace('Closed', `Closed ${i}`));
      await view.locator(`text=Closed ${i}`).waitFor({ timeout: 30_000 });
      if (i >= 1) measured.push(performance.now() - started);
    }
    return measured;
  } finally {
    await browser.close();
    await server.close();
  }
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
