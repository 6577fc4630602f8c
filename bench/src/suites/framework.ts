import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '@plaza/compiler';
import { buildProgram, launch } from '@plaza/simulator';
import type { BenchRow, BenchSuite } from '../suite.ts';

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
      const takeoutBuild = median(await repeat(5, () => timed(() => mustBuild(takeout))));
      rows.push({
        name: 'build examples/takeout',
        value: takeoutBuild,
        unit: 'ms',
        target: '< 1000 ms',
        pass: takeoutBuild < 1000,
      });

      const large = join(work, 'large');
      await writeProgram(large, largeProgram(200));
      const largeBuild = await timed(() => mustBuild(large));
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

/** A program of `pages` pages sharing five components, each page with a list, conditions and handlers. */
function largeProgram(pages: number): Record<string, string> {
  const files: Record<string, string> = {};
  const paths = Array.from({ length: pages }, (_, i) => `pages/p${i}/p${i}`);
  files['app.json'] = JSON.stringify({ pages: paths, window: { navigationBarTitleText: 'Large' } });
  files['app.js'] = 'App({ globalData: { user: null } });';
  files['app.wxss'] = '.page { padding: 24rpx; }';
  const components = Array.from({ length: 5 }, (_, i) => `components/c${i}/c${i}`);
  for (const [i, path] of components.entries()) {
    files[`${path}.json`] = '{ "component": true }';
    files[`${path}.js`] =
      `Component({ properties: { item: { type: Object, value: {} } }, methods: { onTap() { this.triggerEvent('pick', { id: this.data.item.id }); } } });`;
    files[`${path}.wxml`] = `<view class="c${i}" bindtap="onTap"><text>{{item.title}}</text><slot /></view>`;
    files[`${path}.wxss`] = `.c${i} { color: #${i}${i}${i}; }`;
  }
  files['utils/format.js'] = 'module.exports = { price: (c) => (c / 100).toFixed(2) };';
  for (const [i, path] of paths.entries()) {
    const using = Object.fromEntries(components.map((c, j) => [`c-${j}`, `/${c}`]));
    files[`${path}.json`] = JSON.stringify({ usingComponents: using });
    files[`${path}.js`] = `const { price } = require('../../utils/format.js');
Page({
  data: { items: [], page: ${i}, open: false },
  onLoad() { this.setData({ items: Array.from({ length: 20 }, (_, k) => ({ id: k, title: 'Item ' + k, price: price(k * 100) })) }); },
  toggle() { this.setData({ open: !this.data.open }); },
  onPick(e) { wx.navigateTo({ url: '/pages/p${(i + 1) % pages}/p${(i + 1) % pages}?from=' + e.detail.id }); },
});`;
    files[`${path}.wxml`] = `<view class="page">
  <text class="title">Page {{page}}</text>
  <view wx:if="{{open}}" class="details">Open</view>
  <view wx:else bindtap="toggle">Closed</view>
  <c-${i % 5} wx:for="{{items}}" wx:key="id" item="{{item}}" bindpick="onPick"><text>{{item.price}}</text></c-${i % 5}>
</view>`;
    files[`${path}.wxss`] = `.title { font-size: ${24 + (i % 10)}rpx; }`;
  }
  return files;
}

function mustBuild(dir: string): void {
  const result = build(dir);
  if (result.errors.length > 0) throw new Error(result.errors.map(String).join('\n'));
}

async function writeProgram(dir: string, files: Record<string, string>): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), content);
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

function median(values: number[]): number {
  return percentile(values, 0.5);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function fmt(n: number): string {
  return n.toFixed(1);
}
