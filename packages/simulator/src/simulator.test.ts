import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '@plaza/compiler';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from './build/load-program.ts';
import { SimulatorError } from './errors.ts';
import { launch, type Simulator } from './simulator.ts';
import { programFolders } from './testing/program-folder.ts';

let work: string;
let sim: Simulator | undefined;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'plaza-sim-'));
});
afterEach(() => sim?.close());
afterAll(() => rm(work, { recursive: true, force: true }));

const program = programFolders(() => work);

describe('the logic realm', () => {
  it('gives the program no Node, no eval: no process, fetch, Node modules, nor a way back through constructors', async () => {
    const dir = await program({
      js: `Page({
  data: { seen: {} },
  onLoad() {
    const probe = (f) => { try { return String(f()); } catch (e) { return 'blocked'; } };
    this.setData({ seen: {
      process: typeof process, fetch: typeof fetch, global: typeof global,
      // The platforms' shared global object, not Node's: nothing of the host hangs off it.
      globalHost: [global.process, global.require, global.Buffer, global.fetch].map((v) => typeof v).join(),
      fs: probe(() => require('fs')),
      viaTimer: probe(() => setTimeout.constructor('return typeof process')()),
      viaApi: probe(() => wx.showToast.constructor('return typeof process')()),
      viaPage: probe(() => this.setData.constructor('return typeof require')()),
      evaluated: probe(() => eval('1 + 1')),
      made: probe(() => Function('return 2')()),
    } });
  },
});`,
      // The view realm forbids eval as well: a wxs module cannot make code from strings.
      wxml: `<wxs module="probe">
module.exports = { made: function () { try { return String(Function('return 1')()); } catch (e) { return 'blocked'; } } };
</wxs><view class="wxs">{{probe.made()}}</view>`,
    });
    sim = await launch(dir);
    expect(sim.text('.wxs')).toBe('blocked');
    expect(sim.page.data.seen).toEqual({
      process: 'undefined',
      fetch: 'undefined',
      fs: 'blocked',
      global: 'object',
      globalHost: 'undefined,undefined,undefined,undefined',
      viaTimer: 'blocked',
      viaApi: 'blocked',
      viaPage: 'blocked',
      evaluated: 'blocked',
      made: 'blocked',
    });
  });

  it('delivers events and patches asynchronously, as between two threads', async () => {
    const dir = await program({
      js: 'Page({ data: { n: 0 }, inc() { this.setData({ n: this.data.n + 1 }); } });',
      wxml: '<view class="n" bindtap="inc">{{n}}</view>',
    });
    sim = await launch(dir);
    const tapped = sim.tap('.n');
    expect(sim.text('.n')).toBe('0');
    await tapped;
    expect(sim.text('.n')).toBe('1');
    expect(sim.traffic.patches).toBe(1);
  });
});

describe('the watchdog', () => {
  it('stops a page that never returns from onLoad, and a handler spinning in a promise chain', async () => {
    // The budget covers every entry into the program's realm, the bundle's own evaluation
    // too: 1 s is far above what a busy machine needs for that, and an endless loop hits it.
    const frozen = await program({ js: 'Page({ onLoad() { for (;;) {} } });', wxml: '<view />' });
    await expect(launch(frozen, { scriptBudgetMs: 1000 })).rejects.toThrow(
      /ran for more than 1000 ms without returning/,
    );

    const spinning = await program({
      js: 'Page({ async spin() { for (;;) await null; } });',
      wxml: '<view class="spin" bindtap="spin">spin</view>',
    });
    sim = await launch(spinning, { scriptBudgetMs: 1000 });
    await expect(sim.tap('.spin')).rejects.toThrow(/endless loop/);
    expect(sim.errors.map((e) => e.source)).toEqual(['watchdog']);
  });
});

describe('keyed lists', () => {
  it('update only the rows whose data changed, and every row when a field they all read changes', async () => {
    const dir = await program(
      {
        js: `Page({
  data: { rows: [{ id: 1, t: 'a' }, { id: 2, t: 'b' }, { id: 3, t: 'c' }], picked: 0 },
  one() { this.setData({ 'rows[1].t': 'B' }); },
  pick() { this.setData({ picked: 3 }); },
  add() { this.setData({ rows: [{ id: 0, t: 'z' }, ...this.data.rows] }); },
});`,
        wxml: `<view class="one" bindtap="one" /><view class="pick" bindtap="pick" /><view class="add" bindtap="add" />
<view wx:for="{{rows}}" wx:key="id" class="row {{item.id === picked ? 'on' : ''}}"><tag label="{{item.t}}" />{{index}}</view>`,
      },
      {
        'pages/index/index.json': '{ "usingComponents": { "tag": "/components/tag/tag" } }',
        'components/tag/tag.json': '{ "component": true }',
        'components/tag/tag.js':
          'Component({ properties: { label: String }, data: { seen: 0 }, observers: { label() { this.setData({ seen: this.data.seen + 1 }); } } });',
        'components/tag/tag.wxml': '<text class="label">{{label}}/{{seen}}</text>',
      },
    );
    const s = await launch(dir);
    sim = s;
    const before = s.queryAll('.row');
    await s.tap('.one');
    const after = s.queryAll('.row');
    for (const [i, row] of after.entries()) expect(row).toBe(before[i]);
    expect(s.texts('.row')).toEqual(['a/10', 'B/21', 'c/12']);
    await s.tap('.pick');
    expect(s.queryAll('.row').map((r) => s.classes(r).includes('on'))).toEqual([false, false, true]);
    await s.tap('.add');
    expect(s.texts('.row')).toEqual(['z/10', 'a/11', 'B/22', 'c/13']);
    expect(s.queryAll('.row')[1]).toBe(before[0]);
  });
});

describe('subpackages', () => {
  it('navigates into a subpackage page from the program and from the host, and back', async () => {
    const dir = await program(
      {
        js: "Page({ open() { wx.navigateTo({ url: '/shop/pages/menu/menu?table=4' }); } });",
        wxml: '<view class="open" bindtap="open">open</view>',
      },
      {
        'app.json': JSON.stringify({
          pages: ['pages/index/index'],
          subpackages: [{ root: 'shop', pages: ['pages/menu/menu'] }],
        }),
        'shop/pages/menu/menu.js':
          'Page({ data: { table: "" }, onLoad(q) { this.setData({ table: q.table || "none" }); } });',
        'shop/pages/menu/menu.wxml': '<view class="table">table {{table}}</view>',
      },
    );
    sim = await launch(dir);
    await sim.tap('.open');
    expect(sim.getCurrentPages().map((p) => p.path)).toEqual(['pages/index/index', 'shop/pages/menu/menu']);
    expect(sim.text('.table')).toBe('table 4');
    await sim.navigateBack();
    await sim.navigateTo('shop/pages/menu/menu');
    expect(sim.page).toMatchObject({ path: 'shop/pages/menu/menu', data: { table: 'none' } });
    await expect(sim.navigateTo('shop/shop/pages/menu/menu')).rejects.toThrow(
      /SIM_NAVIGATION_REFUSED|not found/,
    );
  });
});

describe('failing loudly', () => {
  it('throws from launch when the page throws in onLoad, with the exact file, line and column', async () => {
    // Comments and blank lines vanish when scripts are compiled: the line must still be the author's.
    const dir = await program({
      js: '// the index page\n\nPage({\n  onLoad() {\n    null.boom();\n  },\n});\n',
      wxml: '<view />',
    });
    const failure = await launch(dir).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SimulatorError);
    expect((failure as SimulatorError).code).toBe('SIM_RUNTIME_ERROR');
    expect((failure as Error).message).toMatch(
      /pages\/index\/index\.js:5:10: Cannot read properties of null/,
    );
  });

  it('maps errors of ES module and TypeScript pages to their own lines', async () => {
    const dir = await program(
      {
        js: "import { label } from '../../lib/label';\nPage({ data: { label } });\n",
        wxml: '<view>{{label}}</view>',
      },
      {
        'lib/label.ts':
          "export const label: string = 'x';\n\ninterface Unused { a: number }\n\nexport function fail(): never {\n  throw new Error('typed');\n}\n",
        'pages/next/next.js':
          "import { fail } from '../../lib/label';\n\nPage({\n  onLoad() {\n    fail();\n  },\n});\n",
        'pages/next/next.wxml': '<view />',
      },
    );
    sim = await launch(dir);
    await expect(sim.navigateTo('pages/next/next')).rejects.toThrow(/lib\/label\.ts:6:\d+: typed/);
    expect(sim.errors[0]).toMatchObject({ file: 'lib/label.ts', line: 6 });
  });

  it('rejects an action whose handler throws, and keeps the error', async () => {
    const dir = await program({
      js: "Page({ explode() { throw new Error('kaboom'); }, async later() { await null; throw new Error('async kaboom'); } });",
      wxml: '<view class="a" bindtap="explode">a</view><view class="b" bindtap="later">b</view>',
    });
    sim = await launch(dir);
    await expect(sim.tap('.a')).rejects.toThrow(/index\.js.*kaboom/);
    expect(sim.errors).toMatchObject([
      { source: 'handler', message: 'kaboom', file: 'pages/index/index.js' },
    ]);
    await expect(sim.tap('.b')).rejects.toThrow(/async kaboom/);
  });

  it('rejects waitFor when a timer throws while waiting, and on timeout', async () => {
    const dir = await program({
      js: "Page({ start() { setTimeout(() => { throw new Error('late failure'); }, 20); } });",
      wxml: '<view class="go" bindtap="start">go</view>',
    });
    sim = await launch(dir);
    await sim.tap('.go');
    await expect(sim.waitFor(() => false, { timeout: 1000 })).rejects.toThrow(/late failure/);
    await expect(sim.waitFor(() => false, { timeout: 30, message: 'never' })).rejects.toThrow(
      'waitFor timed out after 30 ms: never',
    );
  });

  it('refuses what is not a program, a page not in app.json, and a program that does not build', async () => {
    await expect(launch(work)).rejects.toMatchObject({ code: 'SIM_NOT_A_PROGRAM' });
    const dir = await program({ js: 'Page({});', wxml: '<view />' });
    await expect(launch(dir, { path: 'pages/nope/nope' })).rejects.toMatchObject({
      code: 'SIM_PAGE_UNKNOWN',
    });
    const broken = await program({ js: 'Page({});', wxml: '<view>{{ a + }}</view>' });
    await expect(launch(broken)).rejects.toThrow(/pages\/index\/index\.wxml:1:\d+: Invalid expression/);
    const appWide = await program({ js: 'Page({});', wxml: '<view />' }, { 'app.json': '{ "pages": [' });
    await expect(launch(appWide)).rejects.toMatchObject({ code: 'SIM_BUILD_FAILED' });
  });

  it('opens the pages that build when another one does not, and fails that one with its errors', async () => {
    const dir = await program(
      { js: 'Page({});', wxml: '<view class="fine">fine</view>' },
      { 'pages/next/next.js': 'Page({});', 'pages/next/next.wxml': '<view>{{ a + }}</view>' },
    );
    sim = await launch(dir);
    expect(sim.text('.fine')).toBe('fine');
    sim.close();
    await expect(launch(dir, { path: 'pages/next/next' })).rejects.toThrow(
      /pages\/next\/next\.wxml:1:\d+: Invalid expression/,
    );
  });

  it('names a missing element and the page it looked on', async () => {
    const dir = await program({ js: 'Page({});', wxml: '<view />' });
    sim = await launch(dir);
    await expect(sim.tap('.absent')).rejects.toThrow('No element matches ".absent" on pages/index/index');
  });
});

describe('launching', () => {
  // How fast a cached launch is lives in `npm run bench` (framework suite), not here.
  it('runs a built package folder as well as a project, and builds a project only when its sources change', async () => {
    const dir = await program(
      {
        js: "Page({ data: { items: [1, 2, 3] }, go() { wx.navigateTo({ url: '/pages/next/next?from=index' }); } });",
        wxml: '<view wx:for="{{items}}" class="item">{{item}}</view><view class="go" bindtap="go">go</view>',
      },
      {
        'pages/next/next.js': 'Page({ onLoad(q) { this.setData({ from: q.from }); } });',
        'pages/next/next.wxml': '<view class="from">{{from}}</view>',
      },
    );
    const built = buildProgram(dir);
    sim = await launch(dir, { program: built });
    sim.close();
    const packageDir = join(dir, '.plaza', 'package');
    expect(build(dir, { outDir: packageDir }).errors).toEqual([]);
    for (const from of [packageDir, `${packageDir}.tgz`]) {
      sim = await launch(from);
      expect(sim.texts('.item')).toEqual(['1', '2', '3']);
      sim.close();
    }
    // The cached build is the very program of the previous launch: nothing was built again.
    sim = await launch(dir);
    const first = sim.program;
    sim.close();
    sim = await launch(dir);
    expect(sim.program).toBe(first);
    sim.close();
    // An edited source builds anew.
    const wxml = join(dir, 'pages/index/index.wxml');
    await writeFile(
      wxml,
      '<view wx:for="{{items}}" class="item">{{item}}!</view><view class="go" bindtap="go">go</view>',
    );
    sim = await launch(dir);
    expect(sim.program).not.toBe(first);
    expect(sim.texts('.item')).toEqual(['1!', '2!', '3!']);
    sim.close();
    await writeFile(
      wxml,
      '<view wx:for="{{items}}" class="item">{{item}}</view><view class="go" bindtap="go">go</view>',
    );

    sim = await launch(dir);
    expect(sim.texts('.item')).toEqual(['1', '2', '3']);
    await sim.tap('.go');
    await sim.waitFor(() => sim!.page.path === 'pages/next/next');
    expect(sim.text('.from')).toBe('index');
    await sim.navigateBack();
    expect(sim.getCurrentPages().map((p) => p.path)).toEqual(['pages/index/index']);
  });
});
