import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CompilerError, compilerMessages } from './errors.ts';
import { appConfigSchema } from './project/config-schema.ts';
import { readJsonFile } from './project/json-file.ts';
import { scanScript } from './script/scan-usage.ts';
import { transformScript } from './script/transform-script.ts';
import { compileStyle } from './style/compile.ts';
import { compileTemplate } from './template/compile.ts';

/**
 * Every template, style, script and json of a mini program is hostile. Whatever it holds
 * (truncated, unbalanced, binary, huge, deeply nested), the compiler answers with coded
 * errors or warnings that say where, and never throws.
 */

const seeds = {
  template: [
    '<view class="a {{ cls }}" wx:for="{{ list }}" wx:key="id" bindtap="go" data-id="{{ item.id }}">\n  <text wx:if="{{ item.n > 1 }}">{{ item.n }} items</text><text wx:else>none</text>\n</view>',
    '<wxs module="fmt">module.exports = { up: function (s) { return s.toUpperCase(); } };</wxs>\n<template name="cell"><view>{{ fmt.up(label) }}</view></template>\n<template is="cell" data="{{ label: title, ...rest }}"/>',
    '<import src="./t.wxml"/><include src="/a/b.wxml"/><block tt:if="{{ (a ? b : c) }}"><slot name="x"/></block><!-- note -->',
    '<input model:value="{{ form.name }}" style="width: 10rpx; color: {{ color }}"/><image mode="a" mode="b"/><span>{{ in + class }}</span>',
  ],
  style: [
    '@import "./base.wxss";\n.page { padding: 24rpx; margin: env(safe-area-inset-bottom) }\nview, text > .b:hover { color: red }',
    '@media (max-width: 300px) { .a { width: calc(100% - 10rpx) } }\n@keyframes spin { from { transform: rotate(0) } to { transform: rotate(360deg) } }',
  ],
  script: [
    "const api = require('../../api/index');\nimport { fmt } from './fmt';\nPage({ data: { list: [] }, onLoad(q) { wx.request({ url: api.url + q.id }); } });",
    'Component({ options: { styleIsolation: "shared" }, externalClasses: ["my-class"], methods: { go() { tt.navigateTo({ url: "/p?id=" + 1 }); } } });',
  ],
  json: [
    '{ "pages": ["pages/index/index"], "window": { "navigationBarTitleText": "x" }, "usingComponents": { "a": "/c/a" } }',
    '{ "pages": [], "subpackages": [{ "root": "sub", "pages": ["p"] }], "tabBar": { "list": [{ "pagePath": "p", "text": "t" }] } }',
  ],
};

/** Pieces that break structure: tag and mustache delimiters, quotes, comments, directives. */
const breakers = [
  '<',
  '>',
  '</',
  '/>',
  '{{',
  '}}',
  '"',
  "'",
  '`',
  '=',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '<!--',
  '-->',
  'wx:',
  '@import ',
  ';',
  ':',
  '\\',
  '\u0000',
  '\ud800',
  '&#x110000;',
];

/** A mutation of one of `sources`: cut, broken, spliced with binary, repeated or nested. */
function mutated(sources: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...sources),
      fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(8)), { minLength: 1, maxLength: 6 }),
    )
    .chain(([seed, edits]) =>
      fc.string({ unit: 'binary', maxLength: 40 }).map((noise) => {
        let text = seed;
        for (const [at, pick, kind] of edits) {
          const i = text.length ? at % (text.length + 1) : 0;
          const j = text.length ? pick % (text.length + 1) : 0;
          const [from, to] = i < j ? [i, j] : [j, i];
          switch (kind) {
            case 0:
              text = text.slice(0, i); // truncated
              break;
            case 1:
            case 2:
              text = text.slice(0, i) + breakers[pick % breakers.length] + text.slice(i);
              break;
            case 3:
              text = text.slice(0, i) + noise + text.slice(i); // binary
              break;
            case 4:
              text = text.slice(0, from) + text.slice(to); // a piece cut out
              break;
            case 5:
              text = text.slice(0, to) + text.slice(from, to).repeat(1 + (pick % 50)) + text.slice(to); // repeated
              break;
            case 6:
              text = text.slice(0, i) + '<view>'.repeat(pick % 300) + text.slice(i); // nested
              break;
            default:
              text = text.slice(0, i) + text.slice(j); // unbalanced
          }
        }
        return text;
      }),
    );
}

const catalogued = new Set(Object.keys(compilerMessages));

/** Each problem is coded from the catalogue and says where it is. */
function expectCodedAndPlaced(problems: readonly CompilerError[]): void {
  const unplaced = problems.filter(
    (problem) =>
      !catalogued.has(problem.code) ||
      !(problem.loc && problem.loc.start.line >= 1 && problem.loc.start.column >= 1),
  );
  expect(unplaced.map(String)).toEqual([]);
}

const runs = { numRuns: 100 };

describe('the compiler on hostile input', () => {
  it('compiles any template to code, with coded and placed errors and warnings', () => {
    fc.assert(
      fc.property(mutated(seeds.template), fc.constantFrom('wx', 'tt' as const), (source, dialect) => {
        const compiled = compileTemplate(source, { filename: 'pages/a/a.wxml', dialect });
        expectCodedAndPlaced([...compiled.errors, ...compiled.warnings]);
        expect(typeof compiled.code).toBe('string');
      }),
      runs,
    );
    // A guard against a hang: the hundred templates take a few seconds, longer on a busy machine.
  }, 120_000);

  it('compiles any stylesheet, with coded and placed errors', () => {
    fc.assert(
      fc.property(mutated(seeds.style), (source) => {
        const compiled = compileStyle(source, {
          filename: 'pages/a/a.wxss',
          readFile: (path) => (path === 'pages/a/base.wxss' ? source : undefined),
          scope: { prefix: 'c1-', keepGlobal: false, hostClass: 'c1' },
        });
        expectCodedAndPlaced(compiled.errors);
      }),
      runs,
    );
  });

  it('transforms and scans any script, with coded and placed errors', () => {
    fc.assert(
      fc.property(mutated(seeds.script), (source) => {
        const script = transformScript(source, 'pages/a/a.ts');
        expectCodedAndPlaced(script.errors);
        scanScript(script.commonjs, ['wx']);
      }),
      runs,
    );
  });

  it('reads any app.json, with coded and placed errors', () => {
    fc.assert(
      fc.property(mutated(seeds.json), (source) => {
        const errors: CompilerError[] = [];
        readJsonFile(source, 'app.json', appConfigSchema, 'PLZ_PROJ_APP_JSON_INVALID', (e) => errors.push(e));
        expectCodedAndPlaced(errors);
      }),
      runs,
    );
  });

  // Each input is large enough (hundreds of KB) that a quadratic scan or a backtracking regex
  // over it would do some 10^10 steps and never finish within the test's time; linear work
  // is a few milliseconds. So finishing at all proves the work stays proportional to the size.
  it.each([
    ['a run of unclosed mustaches', '{{'.repeat(200_000)],
    ['mustaches each holding a tag start', `${'{{<a'.repeat(100_000)}}}`],
    ['quotes inside an unclosed mustache', `<view a="{{ "${'"{{'.repeat(100_000)}`],
    ['tight closing braces', `{{ ${'{'.repeat(100_000)}}}${'}'.repeat(100_000)}`],
    ['elements nested 50,000 deep', '<view>'.repeat(50_000) + '</view>'.repeat(50_000)],
    ['tags never closed', '<a'.repeat(50_000)],
    ['an expression of reserved words', `<view>{{ ${'class + in + '.repeat(40_000)}x }}</view>`],
    ['parentheses 50,000 deep', `<view>{{ ${'('.repeat(50_000)}a${')'.repeat(50_000)} }}</view>`],
    ['50,000 duplicate attributes', `<view ${'a="1" '.repeat(50_000)}/>`],
    ['entities', '&amp;&#x41;&bogus;'.repeat(50_000)],
  ])('stays linear on %s', (_, source) => {
    const compiled = compileTemplate(source, { filename: 'pages/a/a.wxml' });
    expectCodedAndPlaced([...compiled.errors, ...compiled.warnings]);
  });

  it.each([
    ['unclosed blocks', '.a {'.repeat(50_000)],
    ['a selector of 40,000 parts', `${'view .a > '.repeat(40_000)}b { color: red }`],
    ['values full of rpx', `.a { margin: ${'1rpx '.repeat(100_000)} }`],
  ])('stays linear on a stylesheet of %s', (_, source) => {
    const compiled = compileStyle(source, {
      filename: 'a.wxss',
      scope: { prefix: 'c1-', keepGlobal: false, hostClass: 'c1' },
    });
    expectCodedAndPlaced(compiled.errors);
  });

  it.each([
    ['nested arrays', `{ "pages": ${'['.repeat(100_000)} }`],
    ['a long string', `{ "pages": ["${'a'.repeat(500_000)}`],
  ])('stays linear on an app.json of %s', (_, source) => {
    const errors: CompilerError[] = [];
    readJsonFile(source, 'app.json', appConfigSchema, 'PLZ_PROJ_APP_JSON_INVALID', (e) => errors.push(e));
    expect(errors.length).toBeGreaterThan(0);
    expectCodedAndPlaced(errors);
  });
});
