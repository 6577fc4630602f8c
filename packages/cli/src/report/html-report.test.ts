import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { migrationReportHtml } from './html-report.ts';
import type { MigrationReport } from './migration-report.ts';

const takeout = fileURLToPath(new URL('../../../../examples/takeout', import.meta.url));
let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'plaza-report-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

async function plaza(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { cwd: work, stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, out: out.join(''), err: err.join('') };
}

async function program(dir: string, files: Record<string, string>): Promise<string> {
  for (const [file, content] of Object.entries(files)) {
    await mkdir(dirname(join(work, dir, file)), { recursive: true });
    await writeFile(join(work, dir, file), content);
  }
  return join(work, dir);
}

/** The text of each page card, by page path: its status first, a screenshot shortened to its size. */
function cards(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const match of html.matchAll(/<article class="page (\w+)" id="[^"]*">([\s\S]*?)<\/article>/g)) {
    const path = /<h3>([^<]*)<\/h3>/.exec(match[2]!)![1]!;
    const card = match[2]!.replace(
      /data:image\/jpeg;base64,([A-Za-z0-9+/=]*)/g,
      (_, data: string) => `jpeg(${data.length})`,
    );
    out.set(path, `${match[1]} ${card}`);
  }
  return out;
}

const HOSTILE = '<img src=x onerror="parent.pwned=1">';

describe('plaza check --html', () => {
  it('writes one page for the takeout example: every page renders, each with its screenshot', async () => {
    const checked = await plaza('check', takeout, '--json', '--html', 'takeout.html');
    expect(checked.code).toBe(0);
    // The JSON keeps its shape on stdout; the note about the file goes to stderr.
    expect(JSON.parse(checked.out)).toMatchObject({ ok: true, dialect: 'tt' });
    expect(checked.err).toContain('Migration report written to takeout.html');
    const html = await readFile(join(work, 'takeout.html'), 'utf8');
    expect(html).toContain('<div class="big">4<span> / 4</span></div>');
    const pages = cards(html);
    expect([...pages.keys()]).toEqual([
      'pages/shop/shop',
      'pages/orders/orders',
      'pages/confirm/confirm',
      'pages/result/result',
    ]);
    for (const card of pages.values()) {
      expect(card).toMatch(/^ok /);
      const size = Number(/<img src="jpeg\((\d+)\)"/.exec(card)?.[1]);
      expect(size).toBeGreaterThan(2000);
    }
    expect(pages.get('pages/confirm/confirm')).toContain('then went to pages/shop/shop');
  });

  it('reports a failing page with its error and code frame, unsupported uses per page, all escaped', async () => {
    const dir = await program('mixed', {
      'project.config.json': JSON.stringify({ projectname: HOSTILE }),
      'app.json': JSON.stringify({ pages: ['pages/ok/ok', 'pages/broken/broken', 'pages/map/map'] }),
      'app.js': 'App({});',
      'pages/ok/ok.wxml': '<view class="ok">fine</view>',
      'pages/ok/ok.js': 'Page({ onTapBluetooth() { wx.getBluetoothAdapterState({}); } });',
      'pages/broken/broken.wxml': '<view>{{ title }}</view>',
      'pages/broken/broken.js': `Page({\n  onLoad() {\n    throw new Error('${HOSTILE}');\n  },\n});`,
      'pages/map/map.wxml': '<live-pusher url="x"></live-pusher>',
      'pages/map/map.js':
        'const bluetooth = () => wx.getBluetoothAdapterState({});\nPage({ onTap() { bluetooth(); } });',
    });
    const checked = await plaza('check', dir, '--html', 'mixed.html');
    expect(checked.code).toBe(1);
    const html = await readFile(join(work, 'mixed.html'), 'utf8');
    // Hostile text from the program is shown, never interpreted.
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=&quot;parent.pwned=1&quot;&gt;');
    expect(html).toContain("default-src 'none'");

    const pages = cards(html);
    expect(pages.get('pages/ok/ok')).toMatch(/^ok /);
    const broken = pages.get('pages/broken/broken')!;
    expect(broken).toMatch(/^error /);
    expect(broken).toContain('Fails');
    expect(broken).toContain('pages/broken/broken.js:3');
    expect(broken).toMatch(/<pre>[\s\S]*&gt; 3 \| {5}throw new Error/);
    expect(/<div class="big">\d+<span> \/ \d+<\/span><\/div>/.exec(html)?.[0]).toBe(
      '<div class="big">2<span> / 3</span></div>',
    );

    // Each unsupported use says how many pages use it, most used first.
    const rows = [
      ...html.matchAll(/<tr><td><code>([^<]*)<\/code><\/td><td>(\w+)<\/td><td class="num">(\d+)<\/td>/g),
    ];
    expect(rows.map((m) => [m[1], m[2], Number(m[3])])).toEqual([
      ['wx.getBluetoothAdapterState', 'API', 2],
      ['&lt;live-pusher&gt;', 'component', 1],
    ]);
  });

  it('fails only the page whose template does not compile, with the error where it is', async () => {
    const dir = await program('one-broken', {
      'app.json': JSON.stringify({ pages: ['pages/a/a', 'pages/b/b'] }),
      'app.js': 'App({});',
      'pages/a/a.wxml': '<view>\n  <text>{{ a + }}</text>\n</view>',
      'pages/a/a.js': 'Page({});',
      'pages/b/b.wxml': '<view>fine</view>',
      'pages/b/b.js': 'Page({});',
    });
    const checked = await plaza('check', dir, '--html', 'one-broken.html');
    expect(checked.code).toBe(1);
    const html = await readFile(join(work, 'one-broken.html'), 'utf8');
    expect(html).not.toContain('The program does not build');
    const pages = cards(html);
    const broken = pages.get('pages/a/a')!;
    expect(broken).toMatch(/^error /);
    expect(broken).toContain('pages/a/a.wxml:2:');
    expect(broken).toMatch(/<pre>[\s\S]*&gt; 2 \| {3}&lt;text&gt;/);
    expect(pages.get('pages/b/b')).toMatch(/^ok /);
  });

  it('says so when the program itself does not build, with each error where it is', async () => {
    const dir = await program('unbuilt', {
      'app.json': '{ "pages": ["pages/a/a"], }',
      'app.js': 'App({});',
      'pages/a/a.wxml': '<view>fine</view>',
      'pages/a/a.js': 'Page({});',
    });
    const checked = await plaza('check', dir, '--html', 'unbuilt.html');
    expect(checked.code).toBe(1);
    const html = await readFile(join(work, 'unbuilt.html'), 'utf8');
    expect(html).toContain('The program does not build');
    expect(html).toContain('app.json:1:');
  });
});

describe('the report page', () => {
  const demo = (report: Partial<MigrationReport>) =>
    migrationReportHtml({
      app: 'demo',
      generatedAt: '2026-12-07 00:00 UTC',
      built: true,
      pages: [{ path: 'pages/a/a', status: 'ok', rendered: true, messages: [] }],
      appMessages: [],
      unsupported: [],
      totals: { errors: 0, warnings: 0 },
      ...report,
    });

  it('says why there are no screenshots when the browser is missing', () => {
    const html = demo({ screenshotsUnavailable: 'Chromium is not installed (/usr/bin/chromium)' });
    expect(html).toContain('No screenshots in this report: Chromium is not installed');
    expect(html).toContain('<div class="noshot">no screenshot</div>');
  });

  it('counts in words that agree, and says where a use no page reaches comes from', () => {
    const html = demo({
      unsupported: [
        { kind: 'API', name: 'wx.chooseVideo', pages: ['pages/a/a'] },
        { kind: 'API', name: 'wx.createCanvasContext', pages: [] },
      ],
      totals: { errors: 1, warnings: 2 },
    });
    expect(html).toContain('<div class="big">1</div><div class="label">error</div>');
    expect(html).toContain('<div class="big">2</div><div class="label">warnings</div>');
    const unreached = /<code>wx\.createCanvasContext<\/code>[\s\S]*?<\/tr>/.exec(html)?.[0];
    expect(unreached).toContain('no declared page loads the files that use it');
  });
});
