import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { vendorServicesProbeFiles } from '@plaza/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIo } from '../io.ts';
import { main } from '../main.ts';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'plaza-cli-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** Runs `plaza <args>` in-process from the temp folder, capturing what it prints. */
async function plaza(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = { cwd: work, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  const code = await main(args, io);
  return { code, out: out.join(''), err: err.join('') };
}

/** Writes a small program: `files` by path relative to `dir`. */
async function program(dir: string, files: Record<string, string>): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    const path = join(work, dir, file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
}

describe('plaza create, build, check', () => {
  for (const dialect of ['tt', 'wx'] as const) {
    it(`creates a ${dialect} starter that builds and passes check`, async () => {
      const created = await plaza('create', `starter-${dialect}`, '--dialect', dialect);
      expect(created.code).toBe(0);
      const built = await plaza('build', `starter-${dialect}`, '--out', `out-${dialect}`);
      expect(built.err).toBe('');
      expect(built.out).toMatch(/^Built 1 page .* into out-/);
      const checked = await plaza('check', `starter-${dialect}`, '--json');
      expect(checked.code).toBe(0);
      const report = JSON.parse(checked.out);
      expect(report).toMatchObject({
        ok: true,
        dialect,
        pages: [{ path: 'pages/index/index', rendered: true, errors: [] }],
      });
    });
  }

  it('refuses to create over a non-empty folder and an unknown dialect', async () => {
    await program('taken', { 'a.txt': 'x' });
    expect(await plaza('create', 'taken')).toMatchObject({
      code: 1,
      err: 'plaza: taken already exists and is not empty\n',
    });
    expect((await plaza('create', 'fresh', '--dialect', 'swan')).err).toContain(
      '--dialect must be "tt" or "wx"',
    );
  });
});

describe('plaza build errors', () => {
  it('prints every template error as file:line:col with a code frame, and exits 1', async () => {
    await program('broken', {
      'app.json': '{ "pages": ["pages/index/index"] }',
      'app.js': 'App({});',
      'pages/index/index.js': 'Page({});',
      'pages/index/index.wxml': '<view>\n  <text>{{ a + }}</text>\n</view>\n<view wx:else>orphan</view>\n',
    });
    const { code, err } = await plaza('build', 'broken');
    expect(code).toBe(1);
    expect(err).toMatch(/^broken\/pages\/index\/index\.wxml:2:\d+: error: .*\[PLZ_EXPR_SYNTAX\]/m);
    expect(err).toMatch(/> 2 \| {3}<text>\{\{ a \+ \}\}<\/text>/);
    expect(err).toMatch(/broken\/pages\/index\/index\.wxml:4:\d+: error: .*\[PLZ_TPL_ELSE_WITHOUT_IF\]/);
    expect(err).toContain('Build failed: 2 errors.');
  });

  it('names the file under the project folder when project.config.json puts the program in a subfolder', async () => {
    await program('nested', {
      'project.config.json': '{ "miniprogramRoot": "miniprogram/" }',
      'miniprogram/app.json': '{ "pages": ["pages/index/index"] }',
      'miniprogram/app.js': 'App({});',
      'miniprogram/pages/index/index.js': 'Page({});',
      'miniprogram/pages/index/index.wxml': '<view>{{ a + }}</view>',
    });
    const { code, err } = await plaza('build', 'nested');
    expect(code).toBe(1);
    expect(err).toMatch(/^nested\/miniprogram\/pages\/index\/index\.wxml:1:\d+: error: /m);
  });

  it('says clearly when app.json is missing', async () => {
    await program('empty', { 'readme.md': '# not a mini program' });
    const { code, err } = await plaza('build', 'empty');
    expect(code).toBe(1);
    expect(err).toContain('app.json not found');
    expect(err).toContain('[PLZ_PROJ_APP_JSON_MISSING]');
  });

  it('names a listed page that is absent and a component that does not resolve', async () => {
    await program('unresolved', {
      'app.json': '{ "pages": ["pages/index/index", "pages/gone/gone"] }',
      'app.js': 'App({});',
      'pages/index/index.js': 'Page({});',
      'pages/index/index.json': '{ "usingComponents": { "price-tag": "/components/price-tag/price-tag" } }',
      'pages/index/index.wxml': '<price-tag />',
    });
    const { code, err } = await plaza('build', 'unresolved');
    expect(code).toBe(1);
    expect(err).toContain('[PLZ_PROJ_PAGE_MISSING]');
    expect(err).toContain('pages/gone/gone');
    expect(err).toMatch(
      /unresolved\/pages\/index\/index\.json.*price-tag.*\[PLZ_PROJ_COMPONENT_UNRESOLVED\]/,
    );
  });

  it('reports a circular template import', async () => {
    await program('circular', {
      'app.json': '{ "pages": ["pages/index/index"] }',
      'app.js': 'App({});',
      'pages/index/index.js': 'Page({});',
      'pages/index/index.wxml': '<import src="/a.wxml" /><view />',
      'a.wxml': '<import src="/b.wxml" /><template name="a"><view /></template>',
      'b.wxml': '<import src="/a.wxml" /><template name="b"><view /></template>',
    });
    const { code, err } = await plaza('build', 'circular');
    expect(code).toBe(1);
    expect(err).toContain('[PLZ_PROJ_CIRCULAR_IMPORT]');
  });
});

describe('plaza check', () => {
  it('fails a page that throws in onLoad, naming the file and line', async () => {
    await program('throws', {
      'app.json': '{ "pages": ["pages/index/index", "pages/fine/fine"] }',
      'app.js': 'App({});',
      'pages/index/index.js':
        'Page({\n  onLoad() {\n    const order = undefined;\n    this.setData({ id: order.id });\n  },\n});\n',
      'pages/index/index.wxml': '<view>{{id}}</view>',
      'pages/fine/fine.js': 'Page({ data: { n: 1 } });',
      'pages/fine/fine.wxml': '<view>{{n}}</view>',
    });
    const { code, out } = await plaza('check', 'throws');
    expect(code).toBe(1);
    expect(out).toMatch(/FAIL pages\/index\/index/);
    expect(out).toMatch(/pages\/index\/index\.js:4:30: Cannot read properties of undefined \(reading 'id'\)/);
    expect(out).toMatch(/ok {3}pages\/fine\/fine rendered/);

    const json = JSON.parse((await plaza('check', 'throws', '--json')).out);
    const failed = json.pages.find((p: { path: string }) => p.path === 'pages/index/index');
    expect(failed.errors[0]).toMatchObject({
      source: 'lifecycle',
      file: 'pages/index/index.js',
      line: 4,
      column: 30,
    });
  });

  it('passes a page that leaves for another while loading, and warns of an API rejection nobody handles', async () => {
    await program('leaves', {
      'app.json': '{ "pages": ["pages/index/index", "pages/away/away", "pages/stuck/stuck"] }',
      'app.js': 'App({});',
      'pages/index/index.js': 'Page({});',
      'pages/index/index.wxml': '<view>home</view>',
      'pages/away/away.js': "Page({ onLoad() { wx.redirectTo({ url: '/pages/index/index' }); } });",
      'pages/away/away.wxml': '<view>away</view>',
      'pages/stuck/stuck.js': 'Page({ onLoad() { wx.navigateBack(); } });',
      'pages/stuck/stuck.wxml': '<view>stuck</view>',
    });
    const { code, out } = await plaza('check', 'leaves');
    // On the platforms an unhandled rejection is logged while the page goes on rendering.
    expect(code).toBe(0);
    expect(out).toContain('ok   pages/away/away rendered in');
    expect(out).toContain(', then went to pages/index/index');
    expect(out).toMatch(
      /ok {3}pages\/stuck\/stuck rendered in \d+ ms\n\s+warning: navigateBack:fail cannot navigate back at first page\. \(promise\)/,
    );
  });

  it('checks subpackage pages and lists what Plaza does not support yet', async () => {
    await program('migrating', {
      'app.json': JSON.stringify({
        pages: ['pages/index/index'],
        subpackages: [{ root: 'shop', pages: ['pages/list/list'] }],
      }),
      'app.js': 'App({});',
      'pages/index/index.js': 'Page({ onShareTimeline() { wx.openChannelsLive({}); } });',
      'pages/index/index.wxml': '<view><live-pusher url="x" /></view>',
      'shop/pages/list/list.js': 'Page({});',
      'shop/pages/list/list.wxml': '<view>list</view>',
    });
    const { code, out } = await plaza('check', 'migrating', '--json');
    const report = JSON.parse(out);
    expect(report.pages.map((p: { path: string }) => p.path)).toEqual([
      'pages/index/index',
      'shop/pages/list/list',
    ]);
    expect(report.unsupported).toEqual({ apis: ['openChannelsLive'], components: ['live-pusher'] });
    expect(code).toBe(0);
  });
});

describe('plaza check, the vendors’ services', () => {
  it('lists wx.cloud and the ads as working in part, with why, not as missing; their pages render', async () => {
    const files = vendorServicesProbeFiles();
    await program('vendor', {
      ...files,
      'app.js': `${files['app.js']}\n// wx.constructor is no member\nwx.constructor;`,
    });
    const { code, out } = await plaza('check', 'vendor', '--json');
    const report = JSON.parse(out);
    expect(report.pages).toMatchObject([
      { path: 'pages/index/index', rendered: true, errors: [], warnings: [] },
    ]);
    expect(report.unsupported).toEqual({ apis: ['constructor'], components: [] });
    expect(report.partial.apis.map((a: { name: string }) => a.name)).toEqual([
      'cloud',
      'createInterstitialAd',
      'createRewardedVideoAd',
    ]);
    expect(report.partial.apis[0].note).toMatch(/^Plaza has no cloud backend/);
    expect(report.partial.apis[1].note).toMatch(/^Plaza has no ad network: .*errCode 1004/);
    expect(code).toBe(0);
    const text = await plaza('check', 'vendor');
    expect(text.out).toContain('Working here only in part:\n  wx.cloud: Plaza has no cloud backend');
    expect(text.out).toContain('  wx.createInterstitialAd: Plaza has no ad network');
    expect(text.out).not.toContain('Not supported by Plaza yet:\n  APIs: wx.cloud');
  });
});

/** Writes a program, runs `plaza check --json` on it, and parses the report. */
async function checkReport(dir: string, files: Record<string, string>) {
  await program(dir, files);
  const { code, out } = await plaza('check', dir, '--json');
  return { code, report: JSON.parse(out) };
}

describe('plaza check, page by page', () => {
  it('fails only the pages a build error or a missing template stops, and warns of a bare rejection on its page only', async () => {
    const { code, report } = await checkReport('isolated', {
      'app.json':
        '{ "pages": ["pages/fine/fine", "pages/broken/broken", "pages/gone/gone", "pages/rejects/rejects"] }',
      'app.js': 'App({});',
      'pages/fine/fine.js': 'Page({ data: { n: 1 } });',
      'pages/fine/fine.wxml': "<view class=\"{{ (n ? 'a' : 'b') }}\">{{ class }}</view>",
      'pages/broken/broken.js': 'Page({});',
      'pages/broken/broken.wxml': '<view>\n  <include src="./nowhere.wxml"/>\n</view>',
      'pages/rejects/rejects.js': "Page({ onLoad() { Promise.reject('not logged in'); } });",
      'pages/rejects/rejects.wxml': '<view>r</view>',
    });
    expect(code).toBe(1);
    const byPath = Object.fromEntries(
      report.pages.map(
        (p: {
          path: string;
          rendered: boolean;
          errors: { source: string; message: string; line?: number }[];
          warnings: { source: string; message: string }[];
        }) => [
          p.path,
          [
            p.rendered,
            p.errors.map((e) => `${e.source} ${e.message}${e.line ? ` @${e.line}` : ''}`),
            p.warnings.map((e) => `${e.source} ${e.message}`),
          ],
        ],
      ),
    );
    expect(byPath).toEqual({
      'pages/fine/fine': [true, [], []],
      'pages/broken/broken': [
        false,
        ['build <include src> "./nowhere.wxml" does not resolve to a file [PLZ_PROJ_IMPORT_UNRESOLVED] @2'],
        [],
      ],
      'pages/gone/gone': [
        false,
        [
          'build Page "pages/gone/gone" is listed in app.json but pages/gone/gone.wxml does not exist [PLZ_PROJ_PAGE_MISSING] @1',
        ],
        [],
      ],
      'pages/rejects/rejects': [true, [], ['promise Uncaught (in promise) not logged in']],
    });
  });
});

describe('plaza check, requests no server answers', () => {
  it('passes a page that receives the failure through fail, complete or the promise, and warns of one left unhandled without failing its page', async () => {
    const { report } = await checkReport('offline', {
      'app.json': '{ "pages": ["pages/handles/handles", "pages/ignores/ignores"] }',
      'app.js': 'App({});',
      'pages/handles/handles.js': `Page({
        async onLoad() {
          wx.request({ url: 'https://api.example.com/a', fail: (e) => this.setData({ a: e.errMsg }) });
          wx.request({ url: 'https://api.example.com/b', complete: (e) => this.setData({ b: e.errMsg }) });
          wx.request({ url: 'https://api.example.com/c' }).catch((e) => this.setData({ c: e.errMsg }));
          try { await wx.request({ url: 'https://api.example.com/d' }); } catch (e) { this.setData({ d: e.errMsg }); }
          await new Promise((resolve, reject) => wx.request({ url: 'https://api.example.com/e', success: resolve, fail: reject }))
            .catch(() => this.setData({ e: 'caught' }));
        },
      });`,
      'pages/handles/handles.wxml': '<view>{{a}} {{b}} {{c}} {{d}} {{e}}</view>',
      'pages/ignores/ignores.js': `Page({ onLoad() {
        new Promise((resolve, reject) => wx.request({ url: 'https://api.example.com/f', success: resolve, fail: reject }));
      } });`,
      'pages/ignores/ignores.wxml': '<view>i</view>',
    });
    const [handles, ignores] = report.pages;
    expect(handles).toMatchObject({
      path: 'pages/handles/handles',
      rendered: true,
      errors: [],
      warnings: [],
    });
    expect(ignores).toMatchObject({ path: 'pages/ignores/ignores', rendered: true, errors: [] });
    expect(ignores.warnings).toEqual([
      expect.objectContaining({
        source: 'promise',
        message: expect.stringMatching(/^request:fail .*api\.example\.com\/f/),
      }),
    ]);
  });
});

describe('plaza check, the app itself', () => {
  it('reports an app.js that throws as the app’s error, once', async () => {
    const { code, report } = await checkReport('app-throws', {
      'app.json': '{ "pages": ["pages/a/a", "pages/b/b"] }',
      'app.js': 'const x = null;\nApp({});\nx.boom();\n',
      'pages/a/a.js': 'Page({});',
      'pages/a/a.wxml': '<view>a</view>',
      'pages/b/b.js': 'Page({});',
      'pages/b/b.wxml': '<view>b</view>',
    });
    expect(code).toBe(1);
    expect(report.app.errors).toMatchObject([{ file: 'app.js', line: 3 }]);
    expect(report.app.errors).toHaveLength(1);
    expect(report.pages.every((p: { errors: unknown[] }) => p.errors.length === 1)).toBe(true);
    expect((await plaza('check', 'app-throws')).out).toContain('The app itself fails, so every page does:');
  });
});

describe('plaza', () => {
  it('prints usage, refuses unknown commands and options, and a command missing its arguments', async () => {
    expect((await plaza('help')).out).toContain('plaza <command>');
    expect(await plaza('deploy')).toMatchObject({ code: 1 });
    expect((await plaza('build', '--nope')).err).toContain("Unknown option '--nope'");
    expect(await plaza('upload')).toMatchObject({
      code: 1,
      err: expect.stringContaining('plaza upload <dir>'),
    });
  });
});
