import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from './build.ts';

const scratch = mkdtempSync(join(tmpdir(), 'plaza-rebuild-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function write(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

const logic = (result: ReturnType<typeof build>) => String(result.files?.get('logic.js') ?? '');
const view = (result: ReturnType<typeof build>) => String(result.files?.get('view.js') ?? '');

// `plaza dev` rebuilds in the same process, reusing what unchanged files compiled to: every
// rebuild must still give exactly what a build from scratch gives.
describe('a rebuild in the same process', () => {
  it('follows each change: a script, a template, an import that appears later, an error that goes away', () => {
    const root = join(scratch, 'app');
    write(root, {
      'app.json': '{ "pages": ["pages/a/a", "pages/b/b"] }',
      'app.js': 'App({});',
      'pages/a/a.wxml': '<import src="./parts.wxml"/><view>{{ a }}</view>',
      'pages/a/a.js': 'Page({ data: { a: "first" } });',
      'pages/b/b.wxml': '<view>b</view>',
      'pages/b/b.js': 'const x = require("./x.js");\nPage({ data: { x } });',
      'pages/b/x.js': 'module.exports = 1;',
    });
    const first = build(root);
    expect(first.errors.map((e) => e.code)).toEqual(['PLZ_PROJ_IMPORT_UNRESOLVED']);

    write(root, { 'pages/a/parts.wxml': '<template name="part"><text>part</text></template>' });
    const second = build(root);
    expect(second.errors.map(String)).toEqual([]);
    expect(view(second)).toContain('pages/a/parts');

    write(root, {
      'pages/a/a.js': 'Page({ data: { a: "second" } });',
      'pages/b/b.wxml': '<view>changed</view>',
    });
    const third = build(root);
    expect(logic(third)).toContain('"second"');
    expect(logic(third)).not.toContain('"first"');
    expect(view(third)).toContain('changed');

    write(root, { 'pages/b/x.js': 'module.exports = ;' });
    expect(build(root).errors.map((e) => [e.code, e.file])).toEqual([['PLZ_SCRIPT_SYNTAX', 'pages/b/x.js']]);
    write(root, { 'pages/b/x.js': 'module.exports = 2;' });
    const fixed = build(root);
    expect(fixed.errors).toEqual([]);

    // The same sources in a fresh folder build to the same package.
    const copy = join(scratch, 'copy');
    write(copy, {
      'app.json': '{ "pages": ["pages/a/a", "pages/b/b"] }',
      'app.js': 'App({});',
      'pages/a/a.wxml': '<import src="./parts.wxml"/><view>{{ a }}</view>',
      'pages/a/parts.wxml': '<template name="part"><text>part</text></template>',
      'pages/a/a.js': 'Page({ data: { a: "second" } });',
      'pages/b/b.wxml': '<view>changed</view>',
      'pages/b/b.js': 'const x = require("./x.js");\nPage({ data: { x } });',
      'pages/b/x.js': 'module.exports = 2;',
    });
    const fresh = build(copy);
    expect(logic(fixed)).toBe(logic(fresh));
    expect(view(fixed)).toBe(view(fresh));
  });

  it('follows a stylesheet whose import changes, appears or breaks, and an asset rewritten in place', () => {
    const root = join(scratch, 'styles');
    const program = {
      'app.json': '{ "pages": ["pages/a/a"] }',
      'app.js': 'App({});',
      'app.wxss': '@import "common/base";\n.page { color: red; }',
      'pages/a/a.wxml': '<view class="page">a</view>',
      'pages/a/a.js': 'Page({});',
      'pages/a/a.wxss': '@import "./parts.wxss";\n.a { margin: 8rpx; }',
    };
    write(root, {
      ...program,
      'common/base.wxss': '.base { color: blue; }',
      'images/logo.svg': '<svg>one</svg>',
    });
    const first = build(root);
    expect(first.errors.map((e) => e.code)).toEqual(['PLZ_STYLE_IMPORT_UNRESOLVED']);
    expect(view(first)).toContain('.base');

    write(root, {
      'pages/a/parts.wxss': '.part { color: green; }',
      'common/base.wxss': '.base-changed { color: blue; }',
    });
    const second = build(root);
    expect(second.errors).toEqual([]);
    expect(view(second)).toContain('.part');
    expect(view(second)).toContain('.base-changed');
    expect(view(second)).not.toContain('.base ');

    write(root, { 'common/base.wxss': '.base { color: ' });
    expect(build(root).errors.map((e) => [e.code, e.file])).toEqual([
      ['PLZ_STYLE_SYNTAX', 'common/base.wxss'],
    ]);
    write(root, { 'common/base.wxss': '.base { color: black; }', 'images/logo.svg': '<svg>two</svg>' });
    const fixed = build(root);
    expect(fixed.errors).toEqual([]);
    expect(String(fixed.files?.get('images/logo.svg'))).toBe('<svg>two</svg>');

    const copy = join(scratch, 'styles-copy');
    write(copy, {
      ...program,
      'pages/a/parts.wxss': '.part { color: green; }',
      'common/base.wxss': '.base { color: black; }',
      'images/logo.svg': '<svg>two</svg>',
    });
    const fresh = build(copy);
    expect(view(fixed)).toBe(view(fresh));
    expect(fixed.manifest?.files).toEqual(fresh.manifest?.files);
  });

  it('follows a config that changes, breaks and is fixed', () => {
    const root = join(scratch, 'configs');
    write(root, {
      'app.json': '{ "pages": ["pages/a/a"] }',
      'app.js': 'App({});',
      'pages/a/a.wxml': '<view>a</view>',
      'pages/a/a.js': 'Page({});',
      'pages/a/a.json': '{ "navigationBarTitleText": "One" }',
    });
    expect(build(root).manifest?.pageConfigs['pages/a/a']).toEqual({ navigationBarTitleText: 'One' });
    write(root, { 'pages/a/a.json': '{ "navigationBarTitleText": "Two" }' });
    expect(build(root).manifest?.pageConfigs['pages/a/a']).toEqual({ navigationBarTitleText: 'Two' });
    write(root, { 'pages/a/a.json': '{ "navigationBarTitleText": ' });
    expect(build(root).errors.map((e) => [e.code, e.file])).toEqual([
      ['PLZ_PROJ_JSON_SYNTAX', 'pages/a/a.json'],
    ]);
    // Reported again by every build while the file stays broken.
    expect(build(root).errors.map((e) => e.code)).toEqual(['PLZ_PROJ_JSON_SYNTAX']);
    write(root, { 'pages/a/a.json': '{ "navigationBarTitleText": "Three" }' });
    const fixed = build(root);
    expect(fixed.errors).toEqual([]);
    expect(fixed.manifest?.pageConfigs['pages/a/a']).toEqual({ navigationBarTitleText: 'Three' });
  });
});
