import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { decode } from '@jridgewell/sourcemap-codec';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../package/build.ts';
import { SOURCE_MAP_PREFIX } from '../script/logic-bundle.ts';

const scratch = mkdtempSync(join(tmpdir(), 'plaza-preprocess-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A WeChat project whose program sits in `miniprogram/`, with the compiler plugins it asks for. */
function project(name: string, plugins: unknown[], files: Record<string, string>): string {
  const root = join(scratch, name);
  const all: Record<string, string> = {
    'project.config.json': JSON.stringify({
      miniprogramRoot: 'miniprogram/',
      setting: { useCompilerPlugins: plugins },
    }),
    'miniprogram/app.json': '{ "pages": ["pages/index/index", "pages/other/other"] }',
    'miniprogram/app.ts': 'App({});',
    'miniprogram/pages/index/index.wxml': '<view class="card"><text class="title">{{ title }}</text></view>',
    'miniprogram/pages/index/index.ts': 'Page({ data: { title: "hi" } });',
    'miniprogram/pages/other/other.wxml': '<view class="other">other</view>',
    'miniprogram/pages/other/other.js': 'Page({});',
    ...files,
  };
  for (const [path, content] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const view = (result: ReturnType<typeof build>) => String(result.files?.get('view.js') ?? '');

describe('Less and Sass, as useCompilerPlugins asks', () => {
  it('compiles a page style written in Less, its @import of another .less file and app.less', () => {
    const result = build(
      project('less', ['typescript', 'less'], {
        'miniprogram/styles/theme.less': '@accent: #e4393c;\n.rounded(@r) { border-radius: @r; }',
        'miniprogram/app.less': '@import "./styles/theme";\npage { background: fade(@accent, 10%); }',
        'miniprogram/pages/index/index.less':
          '@import "../../styles/theme.less";\n.card {\n  .rounded(8rpx);\n  .title { color: @accent; width: 100rpx * 2; }\n}',
      }),
    );
    expect(result.errors.map(String)).toEqual([]);
    const css = view(result);
    expect(css).toContain('.card .title');
    expect(css).toContain('color: #e4393c');
    // Less did the arithmetic; Plaza then turned rpx into the container's unit.
    expect(css).toContain('width: calc(200 * var(--plaza-rpx))');
    expect(css).toContain('rgba(228, 57, 60, 0.1)');
    // Sources never ship as assets.
    expect(Object.keys(result.manifest!.files).filter((f) => /\.(less|scss|sass)$/.test(f))).toEqual([]);
  });

  it('compiles .scss and .sass with partials when the sass plugin is on (the object form too)', () => {
    const result = build(
      project('sass', [{ type: 'sass', option: {} }], {
        'miniprogram/styles/_mixins.scss': '$gap: 12rpx;\n@mixin pad { padding: $gap; }',
        'miniprogram/pages/index/index.scss':
          '@import "../../styles/mixins";\n.card { @include pad; .title { margin: $gap * 2; } }',
        'miniprogram/pages/other/other.sass': '.other\n  color: red\n  &:active\n    color: blue',
      }),
    );
    expect(result.errors.map(String)).toEqual([]);
    const css = view(result);
    expect(css).toContain('padding: calc(12 * var(--plaza-rpx))');
    expect(css).toContain('.card .title');
    expect(css).toContain('margin: calc(24 * var(--plaza-rpx))');
    expect(css).toContain('.other:active');
  });

  it("reports a Less error at the author's file and line, with a code frame", () => {
    const result = build(
      project('less-error', ['less'], {
        'miniprogram/styles/broken.less': '.a {\n  color: @undefined-colour;\n}',
        'miniprogram/pages/index/index.less': '.card { color: red; }\n@import "../../styles/broken";',
      }),
    );
    const error = result.errors.find((e) => e.code === 'PLZ_STYLE_LESS');
    expect(error).toMatchObject({ file: 'styles/broken.less', loc: { start: { line: 2, column: 10 } } });
    expect(error!.message).toContain('@undefined-colour is undefined');
    expect(error!.frame).toContain('> 2 |   color: @undefined-colour;');
  });

  it("reports a Sass error at the author's line, and an import outside the program as unresolved", () => {
    const result = build(
      project('sass-error', ['sass'], {
        'miniprogram/pages/index/index.scss': '.card {\n  width: 10px +;\n}',
        'miniprogram/pages/other/other.scss': '@import "../../../../outside";',
      }),
    );
    const [syntax, outside] = ['pages/index/index.scss', 'pages/other/other.scss'].map((file) =>
      result.errors.find((e) => e.code === 'PLZ_STYLE_SASS' && e.file === file),
    );
    expect(syntax).toMatchObject({ loc: { start: { line: 2 } } });
    expect(syntax!.frame).toContain('> 2 |   width: 10px +;');
    expect(outside!.message).toContain("Can't find stylesheet to import");
  });

  it("leaves .less alone when the plugin is off: the dialect's stylesheet is the page's style", () => {
    const result = build(
      project('plugin-off', ['typescript'], {
        'miniprogram/pages/index/index.less': '.card { color: @nope; }',
        'miniprogram/pages/index/index.wxss': '.card { color: green; }',
      }),
    );
    expect(result.errors.map(String)).toEqual([]);
    expect(view(result)).toContain('color: green');
  });

  it('builds as before when the devtools settings are malformed', () => {
    const root = project('odd-settings', [], {
      'project.config.json': JSON.stringify({
        miniprogramRoot: 'miniprogram/',
        setting: 'odd',
        srcMiniprogramRoot: 5,
      }),
    });
    expect(build(root).errors.map(String)).toEqual([]);
  });

  it('reads the sources from srcMiniprogramRoot when compiler plugins build them', () => {
    const root = project('src-root', ['typescript', 'less'], {
      'project.config.json': JSON.stringify({
        miniprogramRoot: 'dist/',
        srcMiniprogramRoot: 'miniprogram/',
        setting: { useCompilerPlugins: ['typescript', 'less'] },
      }),
      'dist/app.json': '{ "pages": ["stale/stale"] }',
      'miniprogram/pages/index/index.less': '.card { color: teal; }',
    });
    const result = build(root);
    expect(result.errors.map(String)).toEqual([]);
    expect(result.manifest!.pages).toEqual(['pages/index/index', 'pages/other/other']);
    expect(view(result)).toContain('color: teal');
  });
});

describe('TypeScript sources', () => {
  it("keep the source map to the .ts file, and a syntax error is at the author's line", () => {
    const ok = build(
      project('ts-map', ['typescript'], {
        'miniprogram/pages/index/index.ts':
          'interface Item { id: number }\nconst items: Item[] = [];\n\nPage({ data: { items }, onLoad() { throw new Error("boom"); } });',
      }),
    );
    expect(ok.errors.map(String)).toEqual([]);
    const logic = String(ok.files!.get('logic.js'));
    const map = JSON.parse(
      Buffer.from(
        logic.slice(logic.indexOf(SOURCE_MAP_PREFIX) + SOURCE_MAP_PREFIX.length),
        'base64',
      ).toString(),
    ) as { sources: string[]; mappings: string };
    const source = map.sources.indexOf('pages/index/index.ts');
    expect(source).toBeGreaterThanOrEqual(0);
    // The generated line that throws maps back to line 4 (0-based 3) of the .ts file.
    const lines = logic.split('\n');
    const throwing = lines.findIndex((line) => line.includes('throw new Error("boom")'));
    const segments = decode(map.mappings)[throwing]!.filter((segment) => segment[1] === source);
    expect(segments.map((segment) => segment[2])).toContain(3);

    const broken = build(
      project('ts-error', ['typescript'], {
        'miniprogram/pages/index/index.ts': 'const a: number = 1;\nPage({ data: { a } ;\n',
      }),
    );
    const error = broken.errors.find((e) => e.code === 'PLZ_SCRIPT_SYNTAX');
    expect(error).toMatchObject({ file: 'pages/index/index.ts', loc: { start: { line: 2 } } });
    expect(error!.frame).toContain('> 2 | Page({ data: { a } ;');
  });
});

describe('Less and Sass on a rebuild', () => {
  it('follow a change to an imported file, and to an import that did not exist before', () => {
    const root = project('less-rebuild', ['less'], {
      'miniprogram/styles/theme.less': '@accent: red;',
      'miniprogram/pages/index/index.less':
        '@import "../../styles/theme";\n@import "../../styles/extra";\n.card { color: @accent; }',
    });
    const first = build(root);
    expect(first.errors.map((e) => e.code)).toEqual(['PLZ_STYLE_LESS']);
    writeFileSync(join(root, 'miniprogram/styles/extra.less'), '.extra { margin: 0; }');
    const second = build(root);
    expect(second.errors.map(String)).toEqual([]);
    expect(view(second)).toContain('.extra');
    writeFileSync(join(root, 'miniprogram/styles/theme.less'), '@accent: blue;');
    expect(view(build(root))).toContain('color: blue');
  });
});
