import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadViewBundle } from '../render-runtime/index.ts';
import { printNodes } from '../template/render-for-test.ts';
import { programFolder } from '../testing/program-folder.ts';
import { build } from './build.ts';
import { readPackage } from './read-package.ts';

const fixtures = join(import.meta.dirname, '../../test-fixtures');
const folder = programFolder('plaza-build-');
const { scratch } = folder;
afterAll(() => folder.remove());
const program = folder.write;

const minimal = {
  'app.json': '{ "pages": ["pages/index/index"] }',
  'app.js': 'App({});',
  'pages/index/index.wxml': '<view>{{ a }}</view>',
  'pages/index/index.js': 'Page({});',
};

describe('build of the Douyin fixture', () => {
  const outDir = join(scratch, 'tt-out');
  const result = build(join(fixtures, 'tt-shop'), { outDir });

  it('succeeds with a manifest describing the program', () => {
    expect(result.errors.map(String)).toEqual([]);
    const manifest = result.manifest!;
    expect(manifest.dialect).toBe('tt');
    expect(manifest.pages).toEqual(['pages/index/index', 'pages/detail/detail', 'sub/pages/orders/orders']);
    expect(manifest.entryPage).toBe('pages/index/index');
    expect(manifest.subpackages).toEqual([{ root: 'sub', pages: ['sub/pages/orders/orders'] }]);
    expect(Object.keys(manifest.components).sort()).toEqual([
      'components/badge/index',
      'components/dish-card/dish-card',
    ]);
    expect(manifest.components['components/dish-card/dish-card']!.externalClasses).toEqual(['slot-class']);
    expect(manifest.components['components/badge/index']!.styleIsolation).toBe('apply-shared');
    expect(manifest.pageConfigs['pages/index/index']).toMatchObject({ navigationBarTitleText: 'Menu' });
    expect(manifest.usage).toEqual({
      apis: ['login', 'navigateTo', 'request', 'showToast'],
      components: ['image', 'input', 'text', 'view'],
    });
    expect(Object.keys(manifest.files)).toEqual(['images/dish.png', 'logic.js', 'view.js']);
  });

  it('wraps every script, TypeScript and ES modules included, as CommonJS', () => {
    const logic = String(result.files!.get('logic.js'));
    expect(logic).toContain(
      '__plaza_define("pages/index/index.js", function (require, module, exports, App, Page',
    );
    expect(logic).toContain('__plaza_define("utils/money.js"');
    expect(logic).toContain('require("../../utils/money")');
    expect(logic).not.toContain('interface Dish');
  });

  it('renders pages through the view bundle, with wxs requires, imports, includes and scoped components', () => {
    const registry = loadViewBundle(String(result.files!.get('view.js')));
    const page = registry.render('pages/index/index', {
      shop: { name: 'L' },
      dishes: [{ id: 1, name: 'N', price: 1234 }],
      total: 5,
      cart: { count: 2 },
    });
    expect(printNodes(page)).toBe(
      '<view class="page"><text class="title">L</text>' +
        '<dish-card key=1 dish={"id":1,"name":"N","price":1234} slot-class="hot"><text slot:footer>¥12.34</text></dish-card>' +
        '<view class="cell"><text>Total</text><text>5</text></view>' +
        '<view data-id=7>1 dishes</view><view class="footer">Open L</view><badge count=2></badge></view>',
    );
    const card = registry.module('components/dish-card/dish-card')!;
    const prefix = card.styleScope!.prefix;
    const rendered = registry.render(
      'components/dish-card/dish-card',
      { dish: { name: 'N' } },
      { externalClasses: { 'slot-class': 'hot' } },
    );
    expect(rendered[0]).toMatchObject({ attrs: { class: `${prefix}card hot` } });
    expect(card.css).toContain(`.${prefix}card .${prefix}name:hover`);
    expect(registry.module('app')!.css).toContain(
      'page { background: #fff; padding: 0 calc(24 * var(--plaza-rpx)); }',
    );
  });

  it('round-trips through the archive and the folder', () => {
    expect(result.archive).toBe(`${outDir}.tgz`);
    for (const source of [outDir, `${outDir}.tgz`]) {
      const loaded = readPackage(source);
      expect(loaded.manifest).toEqual(result.manifest);
      expect(loaded.view).toBe(String(result.files!.get('view.js')));
      expect(loaded.file('images/dish.png')?.subarray(0, 4).toString('latin1')).toBe('\x89PNG');
    }
  });

  it('refuses a tampered or broken package', () => {
    const copy = join(scratch, 'tampered');
    build(join(fixtures, 'tt-shop'), { outDir: copy });
    writeFileSync(join(copy, 'view.js'), 'evil()');
    expect(() => readPackage(copy)).toThrow(expect.objectContaining({ code: 'PLZ_PKG_TAMPERED' }));
    writeFileSync(join(copy, 'manifest.json'), '{"format": 2}');
    expect(() => readPackage(copy)).toThrow(expect.objectContaining({ code: 'PLZ_PKG_INVALID' }));
  });
});

describe('build of the WeChat fixture', () => {
  const result = build(join(fixtures, 'wx-todo'));

  it('finds the program under miniprogramRoot and renders it', () => {
    expect(result.errors).toEqual([]);
    expect(result.manifest!.dialect).toBe('wx');
    expect(result.manifest!.components['components/todo-item/todo-item']!.styleIsolation).toBe(
      'apply-shared',
    );
    const registry = loadViewBundle(String(result.files!.get('view.js')));
    const page = registry.render('pages/list/list', {
      todos: [{ id: 1, title: 'T', done: false }],
      draft: 'd',
    });
    expect(printNodes(page)).toBe(
      '<view class="list"><text>1 left</text><todo-item key=1 todo={"id":1,"title":"T","done":false} index=0></todo-item>' +
        '<input value="d" placeholder="New todo"></input></view>',
    );
    const item = registry.module('components/todo-item/todo-item')!;
    const [view] = registry.render('components/todo-item/todo-item', {
      todo: { title: 'T', done: true },
      index: 0,
    });
    expect(view).toMatchObject({
      attrs: { class: `${item.styleScope!.prefix}item item ${item.styleScope!.prefix}done done` },
    });
  });
});

describe('build errors', () => {
  const codes = (root: string) =>
    build(root).errors.map((error) => [
      error.code,
      error.file,
      error.loc?.start.line,
      error.loc?.start.column,
    ]);

  it('reports a missing app.json', () => {
    expect(build(program('empty', { 'readme.txt': '' })).errors.map((error) => error.code)).toEqual([
      'PLZ_PROJ_APP_JSON_MISSING',
    ]);
  });

  it('reports invalid app.json at the offending value', () => {
    expect(codes(program('bad-json', { ...minimal, 'app.json': '{\n  "pages": [\n' }))[0]).toEqual([
      'PLZ_PROJ_JSON_SYNTAX',
      'app.json',
      3,
      1,
    ]);
    expect(
      codes(program('bad-schema', { ...minimal, 'app.json': '{\n  "pages": ["pages/index/index", 3]\n}' })),
    ).toEqual([['PLZ_PROJ_APP_JSON_INVALID', 'app.json', 2, 34]]);
  });

  it('reports a listed page that does not exist, and a component that does not resolve', () => {
    const root = program('missing', {
      ...minimal,
      'app.json': '{\n  "pages": ["pages/index/index", "pages/gone/gone"]\n}',
      'pages/index/index.json': '{\n  "usingComponents": {\n    "card": "../../components/card/card"\n  }\n}',
    });
    expect(codes(root)).toEqual([
      ['PLZ_PROJ_COMPONENT_UNRESOLVED', 'pages/index/index.json', 3, 13],
      ['PLZ_PROJ_PAGE_MISSING', 'app.json', 2, 34],
    ]);
  });

  it('resolves relative, absolute, bare and index component paths', () => {
    const root = program('resolve', {
      ...minimal,
      'app.json': '{ "pages": ["pages/index/index"], "usingComponents": { "g": "components/g" } }',
      'pages/index/index.json':
        '{ "usingComponents": { "a": "./a", "b": "/components/b/b", "c": "../../components/c" } }',
      'pages/index/a.wxml': '<view/>',
      'components/b/b.wxml': '<view/>',
      'components/c/index.wxml': '<view/>',
      'components/g/index.wxml': '<view/>',
    });
    const result = build(root);
    expect(result.errors).toEqual([]);
    expect(Object.keys(result.manifest!.components).sort()).toEqual([
      'components/b/b',
      'components/c/index',
      'components/g/index',
      'pages/index/a',
    ]);
  });

  it('leaves test files and packOptions.ignore out of the package', () => {
    const root = program('ignore', {
      ...minimal,
      'project.config.json':
        '{ "packOptions": { "ignore": [{ "type": "folder", "value": "fixtures" }, { "type": "suffix", "value": ".psd" }] } }',
      'pages/index/index.test.js': 'throw new Error()',
      'fixtures/data.js': 'module.exports = 1;',
      'art/logo.psd': 'x',
      'art/logo.png': 'x',
    });
    const result = build(root);
    expect(result.errors).toEqual([]);
    expect(Object.keys(result.manifest!.files)).toEqual(['art/logo.png', 'logic.js', 'view.js']);
    expect(String(result.files!.get('logic.js'))).not.toMatch(/index\.test|fixtures/);
  });

  it('reports circular import/include and unresolved template references', () => {
    const root = program('cycle', {
      ...minimal,
      'pages/index/index.wxml': '<include src="./a.wxml"/>\n<import src="./nope.wxml"/>',
      'pages/index/a.wxml': '<include src="./b.wxml"/>',
      'pages/index/b.wxml': '<text/>\n<include src="/pages/index/a.wxml"/>',
    });
    expect(codes(root)).toEqual([
      ['PLZ_PROJ_IMPORT_UNRESOLVED', 'pages/index/index.wxml', 2, 14],
      ['PLZ_PROJ_CIRCULAR_IMPORT', 'pages/index/b.wxml', 2, 15],
    ]);
  });

  it('fails the page on script, wxs and template errors with file:line:col and a code frame, all at once', () => {
    const root = program('syntax', {
      ...minimal,
      'pages/index/index.js': 'Page({\n  data: { a: 1 ,, }\n});',
      'pages/index/index.wxml': '<wxs module="m" src="./m.wxs"/>\n<view>{{ a + }}</view>',
      'pages/index/m.wxs': 'module.exports = {;',
    });
    const result = build(root);
    expect(result.pageErrors.get('pages/index/index')).toEqual(result.errors);
    expect(result.errors.map((error) => [error.code, error.file, error.loc?.start.line])).toEqual([
      ['PLZ_SCRIPT_SYNTAX', 'pages/index/index.js', 2],
      ['PLZ_EXPR_SYNTAX', 'pages/index/index.wxml', 2],
      ['PLZ_SCRIPT_SYNTAX', 'pages/index/m.wxs', 1],
    ]);
    const text = String(result.errors[0]);
    expect(text).toMatch(/^pages\/index\/index\.js:2:\d+: Invalid script: /);
    expect(text).toContain('> 2 |   data: { a: 1 ,, }');
  });
});

describe('script requires', () => {
  it('warns of a require or import of a missing program file at the author’s line, and leaves bare ids alone', () => {
    const root = program('requires', {
      ...minimal,
      'pages/index/index.js':
        "// the page\n\nconst { price } = require('../../utils/price');\nconst gone = require('./gone');\nconst sdk = require('some-sdk');\nPage({});\n",
      'pages/index/helper.ts':
        "import type { X } from './types';\n\nimport { y } from '/lib/y';\nimport { q } from './missing-q';\nexport const z: number = y + q;\n",
      'utils/price.ts': 'export const price = 1;\n',
      'lib/y/index.js': 'exports.y = 2;\n',
      'lib/other.js': "module.exports = require('../utils/nothing.js');\n",
    });
    const result = build(root);
    // The platforms fail such a require when it runs, not the build: a warning here.
    expect(result.errors).toEqual([]);
    expect(
      result.warnings.map((e) => [e.code, e.file, e.loc?.start.line, e.loc?.start.column, e.message]),
    ).toEqual([
      [
        'PLZ_SCRIPT_REQUIRE_UNRESOLVED',
        'lib/other.js',
        1,
        26,
        'require("../utils/nothing.js") does not resolve to a script',
      ],
      [
        'PLZ_SCRIPT_REQUIRE_UNRESOLVED',
        'pages/index/helper.ts',
        4,
        19,
        'require("./missing-q") does not resolve to a script',
      ],
      [
        'PLZ_SCRIPT_REQUIRE_UNRESOLVED',
        'pages/index/index.js',
        4,
        22,
        'require("./gone") does not resolve to a script',
      ],
    ]);
    expect(String(result.warnings[2])).toContain("> 4 | const gone = require('./gone');");
  });
});

describe('build speed', () => {
  it('builds a 200-page program well under the budget', () => {
    const files: Record<string, string> = {
      'app.json': JSON.stringify({ pages: Array.from({ length: 200 }, (_, i) => `pages/p${i}/p${i}`) }),
      'app.js': 'App({});',
      'app.wxss': '@import "./common.wxss";',
      'common.wxss': '.x { margin: 10rpx }',
      'tpl/cells.wxml': '<template name="cell"><view class="cell">{{ label }}</view></template>',
      'components/card/card.wxml': '<view class="card"><slot/></view>',
      'components/card/card.wxss': '.card { padding: 8rpx }',
      'components/card/card.js': 'Component({ properties: { title: String } });',
      'components/card/card.json': '{ "component": true }',
    };
    for (let i = 0; i < 200; i++) {
      const base = `pages/p${i}/p${i}`;
      files[`${base}.json`] = '{ "usingComponents": { "card": "/components/card/card" } }';
      files[`${base}.wxml`] = `<import src="/tpl/cells.wxml"/>
<view class="page"><card wx:for="{{ list }}" wx:key="id" title="{{ item.title }}" bindtap="open" data-id="{{ item.id }}">
  <text wx:if="{{ item.count > 0 }}">{{ item.count }} items</text><text wx:else>none</text>
  <template is="cell" data="{{ label: item.title }}"/></card></view>`;
      files[`${base}.wxss`] = '.page { padding: 24rpx } .page .title { font-size: 32rpx }';
      files[`${base}.ts`] =
        `import { fmt } from '../../utils';\nPage({ data: { list: [] as { id: number }[] }, open() { wx.navigateTo({ url: fmt(${i}) }); } });`;
    }
    files['utils.ts'] = 'export const fmt = (n: number): string => "/pages/p" + n + "/p" + n;';
    const root = program('big', files);
    const started = performance.now();
    const result = build(root, { outDir: join(scratch, 'big-out') });
    const elapsed = performance.now() - started;
    expect(result.errors).toEqual([]);
    expect(result.manifest!.pages).toHaveLength(200);
    expect(elapsed).toBeLessThan(5000);
    expect(readFileSync(join(scratch, 'big-out', 'view.js'), 'utf8')).toContain('pages/p199/p199');
  });

  it('builds a small program in well under a second', () => {
    const root = program('small', minimal);
    const started = performance.now();
    expect(build(root).errors).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
