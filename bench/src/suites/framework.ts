import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildProgram, launch } from '@plaza/simulator';
import type { BenchRow, BenchSuite } from '../suite.ts';
import { coldBuild } from '../support/cold-build.ts';
import { largeProgram, writeProgram } from '../support/large-program.ts';
import { median, percentile } from '../support/percentile.ts';

const takeout = fileURLToPath(new URL('../../../examples/takeout', import.meta.url));

/**
 * The mini-program framework: how fast a program builds, how fast its first page shows in
 * the simulator, and what `setData` costs on the bridge. The setData rows compare a one-row
 * update of a 1,000-row list with sending the whole list, measured in the same run.
 */
export const suite: BenchSuite = {
  name: 'framework',
  async run() {
    const work = await mkdtemp(join(tmpdir(), 'plaza-bench-'));
    try {
      const rows: BenchRow[] = [];
      // Each build in a fresh process: in one process a rebuild reuses unchanged files' output.
      const takeoutBuild = median(await repeat(5, () => coldBuild(takeout)));
      rows.push({
        name: 'build examples/takeout',
        value: takeoutBuild,
        unit: 'ms',
        target: '< 1000 ms',
        pass: takeoutBuild < 1000,
      });

      const large = join(work, 'large');
      await writeProgram(large, largeProgram(200));
      const largeBuild = await coldBuild(large);
      rows.push({
        name: 'build a generated 200-page program',
        value: largeBuild,
        unit: 'ms',
        target: '< 10000 ms',
        pass: largeBuild < 10_000,
      });

      // Launch times are measured once the build is cached, as a test run sees them.
      await (await launch(takeout)).close();
      const launches = await repeat(10, () => timed(async () => (await launch(takeout)).close()));
      const launchMs = median(launches);
      rows.push({
        name: 'launch to first rendered page (takeout shop, simulator)',
        value: launchMs,
        unit: 'ms',
        target: '< 100 ms',
        pass: launchMs < 100,
        note: `p90 ${fmt(percentile(launches, 0.9))} ms`,
      });

      rows.push(...(await setDataCost(join(work, 'list'))));
      return rows;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  },
};

/** setData of one field in a 1,000-row list, against the same change sent as the whole list. */
async function setDataCost(dir: string): Promise<BenchRow[]> {
  await writeProgram(dir, {
    'app.json': JSON.stringify({ pages: ['pages/list/list'] }),
    'app.js': 'App({});',
    'pages/list/list.js': `Page({
  data: { rows: Array.from({ length: 1000 }, (_, i) => ({ id: i, title: 'Row ' + i, priceCents: 100 + i, tags: ['a', 'b'] })) },
  one() { this.setData({ ['rows[500].title']: 'Changed ' + Date.now() }); },
  whole() { const rows = this.data.rows.slice(); rows[500] = { ...rows[500], title: 'Changed ' + Date.now() }; this.setData({ rows }); },
});`,
    'pages/list/list.wxml': `<view class="one" bindtap="one">one</view><view class="whole" bindtap="whole">whole</view>
<view wx:for="{{rows}}" wx:key="id" class="row"><text>{{item.title}}</text><text>{{item.priceCents}}</text></view>`,
  });
  const program = buildProgram(dir);
  const sim = await launch(dir, { program });
  try {
    const measure = async (selector: string) => {
      const bytes: number[] = [];
      const times: number[] = [];
      // Warm up first, so neither side is measured while V8 still compiles its code.
      for (let i = 0; i < 3; i++) await sim.tap(selector);
      for (let i = 0; i < 20; i++) {
        const before = sim.traffic.patchBytes;
        times.push(await timed(() => sim.tap(selector)));
        bytes.push(sim.traffic.patchBytes - before);
      }
      return { bytes: median(bytes), ms: median(times) };
    };
    const one = await measure('.one');
    const whole = await measure('.whole');
    if (!sim.text('.row:nth-child(503)').startsWith('Changed')) throw new Error('the list did not update');
    return [
      {
        name: 'setData one field of a 1,000-row list: patch size',
        value: one.bytes,
        unit: 'bytes',
        baseline: { name: 'whole list', value: whole.bytes },
        target: '< 1% of the whole list',
        pass: one.bytes < whole.bytes * 0.01,
      },
      {
        name: 'setData one field of a 1,000-row list: tap to rendered',
        value: one.ms,
        unit: 'ms',
        baseline: { name: 'whole list', value: whole.ms },
        // Informational: the view reuses the rendered rows whose inputs kept their identity
        // (keyed loop items), so a one-row change costs one row plus a walk over the keys.
        note: 'unchanged keyed rows reused',
      },
    ];
  } finally {
    sim.close();
  }
}

async function timed(work: () => unknown): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function repeat<T>(times: number, work: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < times; i++) out.push(await work());
  return out;
}

function fmt(n: number): string {
  return n.toFixed(1);
}
