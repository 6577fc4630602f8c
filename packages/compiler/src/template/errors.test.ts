import { describe, expect, it } from 'vitest';
import { compileTemplate } from './compile.ts';
import { printNodes, renderTemplate } from './render-for-test.ts';

/** Errors and warnings alike, in the order found: a warning is a quirk the platforms tolerate. */
const errorsOf = (source: string) => {
  const compiled = compileTemplate(source, { filename: 'pages/a/a.wxml' });
  return [...compiled.errors, ...compiled.warnings]
    .sort((a, b) => (a.loc?.start.offset ?? 0) - (b.loc?.start.offset ?? 0))
    .map((error) => ({
      code: error.code,
      line: error.loc?.start.line,
      column: error.loc?.start.column,
      ...(error.severity === 'warning' ? { warning: true } : {}),
    }));
};

describe('template errors carry line:column', () => {
  // The platforms build a template with unbalanced tags (glass-easel: a warning), closing
  // what is open the way browsers do.
  it('warns of an unclosed tag at its start', () => {
    expect(errorsOf('<view>\n  <text>hi\n</view>')).toEqual([
      { code: 'PLZ_TPL_MISSING_END_TAG', line: 2, column: 3, warning: true },
    ]);
  });

  it('warns of a stray end tag', () => {
    expect(errorsOf('<view></view>\n</text>')).toEqual([
      { code: 'PLZ_TPL_UNEXPECTED_END_TAG', line: 2, column: 1, warning: true },
    ]);
  });

  it('reports a bad expression where it goes wrong', () => {
    expect(errorsOf('<view>\n  {{ a + }}</view>')).toEqual([
      { code: 'PLZ_EXPR_SYNTAX', line: 2, column: 10 },
    ]);
  });

  it('reports a stray {{', () => {
    expect(errorsOf('<view>a {{ b</view>')).toEqual([
      { code: 'PLZ_TPL_UNCLOSED_INTERPOLATION', line: 1, column: 9 },
    ]);
  });

  it('ignores an unknown directive, bare `wx:` too, with a warning', () => {
    expect(errorsOf('<view\n   wx:fi="{{a}}"/>')).toEqual([
      { code: 'PLZ_TPL_UNKNOWN_DIRECTIVE', line: 2, column: 4, warning: true },
    ]);
    expect(errorsOf('<view wx: tt:x="1"/>')).toEqual([
      { code: 'PLZ_TPL_UNKNOWN_DIRECTIVE', line: 1, column: 7, warning: true },
      { code: 'PLZ_TPL_UNKNOWN_DIRECTIVE', line: 1, column: 11, warning: true },
    ]);
  });

  it('leaves out elements nested deeper than 256 levels, at the first of them', () => {
    const errors = errorsOf(`${'<view>'.repeat(300)}x${'</view>'.repeat(300)}`).filter((e) => !e.warning);
    expect(errors).toEqual([{ code: 'PLZ_TPL_TOO_DEEP', line: 1, column: 1 + 256 * 6 }]);
  });

  it('keeps the first of duplicate attributes, as glass-easel does', () => {
    expect(printNodes(renderTemplate('<image mode="a" src="x" mode="b"/>', {}))).toBe(
      '<image mode="a" src="x"></image>',
    );
  });

  it('renders wx-prefixed built-ins as the built-in and keeps HTML tags, each with a warning', () => {
    expect(errorsOf('<wx-image src="a"/>\n<span>x</span>')).toEqual([
      { code: 'PLZ_TPL_PREFIXED_TAG', line: 1, column: 1, warning: true },
      { code: 'PLZ_TPL_HTML_TAG', line: 2, column: 1, warning: true },
    ]);
    expect(printNodes(renderTemplate('<wx-image src="a"/><span>x</span><my-misspelt/>', {}))).toBe(
      '<image src="a"></image><span>x</span><my-misspelt></my-misspelt>',
    );
  });

  it('warns of a misspelt tag when it knows the built-ins, and renders it as written', () => {
    const compiled = compileTemplate('<view>\n  <vew>x</vew><card/>\n</view>', {
      filename: 'pages/a/a.wxml',
      builtinTags: new Set(['view']),
      usingComponents: { card: 'components/card/card' },
    });
    expect(compiled.errors).toEqual([]);
    expect(compiled.warnings.map((w) => [w.code, w.loc?.start.line, w.loc?.start.column])).toEqual([
      ['PLZ_TPL_UNKNOWN_TAG', 2, 3],
    ]);
  });

  it('reports else without if and an unterminated tag; warns of a duplicate attribute', () => {
    expect(errorsOf('<view wx:else/>')).toEqual([{ code: 'PLZ_TPL_ELSE_WITHOUT_IF', line: 1, column: 7 }]);
    expect(errorsOf('<view class="a"')[0]?.code).toBe('PLZ_TPL_EOF_IN_TAG');
    expect(errorsOf('<view id="a" id="b"/>')).toEqual([
      { code: 'PLZ_TPL_DUPLICATE_ATTRIBUTE', line: 1, column: 14, warning: true },
    ]);
  });

  it('recovers and reports every error of a file', () => {
    const source = [
      '<view>',
      '  <text>{{ a + }}</text>',
      '  <view wx:bogus="1">{{ b.constructor }}</view>',
      '  <button bindtap="go">{{ c(1) }}</button>',
      '  </span>',
      '</view>',
    ].join('\n');
    expect(errorsOf(source)).toEqual([
      { code: 'PLZ_EXPR_SYNTAX', line: 2, column: 16 },
      { code: 'PLZ_TPL_UNKNOWN_DIRECTIVE', line: 3, column: 9, warning: true },
      { code: 'PLZ_EXPR_FORBIDDEN_PROPERTY', line: 3, column: 25 },
      { code: 'PLZ_EXPR_CALL_NOT_WXS', line: 4, column: 27, warning: true },
      { code: 'PLZ_TPL_UNEXPECTED_END_TAG', line: 5, column: 3, warning: true },
    ]);
  });

  it('names the file and prints as file:line:col', () => {
    const [error] = compileTemplate('<view>{{ a + }}</view>', { filename: 'pages/a/a.wxml' }).errors;
    expect(String(error)).toBe('pages/a/a.wxml:1:14: Invalid expression: Unexpected token [PLZ_EXPR_SYNTAX]');
  });
});
