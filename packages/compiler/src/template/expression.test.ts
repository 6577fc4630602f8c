import { describe, expect, it } from 'vitest';
import { compileTemplate } from './compile.ts';
import { printNodes, renderTemplate } from './render-for-test.ts';

const value = (expression: string, data: unknown = {}) => {
  const [node] = renderTemplate(`<view v="{{${expression}}}"/>`, data);
  return node?.kind === 'element' ? node.attrs.v : undefined;
};

describe('expressions', () => {
  it.each([
    ['a.b', { a: { b: 1 } }, 1],
    ["a['b']", { a: { b: 2 } }, 2],
    ['list[i]', { list: [5, 6], i: 1 }, 6],
    ['list.length', { list: [1, 2, 3] }, 3],
    ['s.length', { s: 'abcd' }, 4],
    ['a + b * 2 - c / 2 % 3', { a: 1, b: 2, c: 4 }, 3],
    ['a > 1 && b <= 2 || c === 3', { a: 2, b: 2, c: 0 }, true],
    ['a != b', { a: 1, b: '1' }, false],
    ['!a', { a: 0 }, true],
    ['-a', { a: 1 }, -1],
    ['typeof a', { a: 'x' }, 'string'],
    ["ok ? 'yes' : 'no'", { ok: false }, 'no'],
    ["'Hello, ' + name", { name: 'Li' }, 'Hello, Li'],
    ['a ?? 3', {}, 3],
    ['a?.b', {}, undefined],
    ['missing.deep.path', {}, undefined],
    ['undefined', { undefined: 1 }, undefined],
  ])('%s', (expression, data, expected) => {
    expect(value(expression, data)).toEqual(expected);
  });

  it('builds object and array literals with spread', () => {
    expect(value('{a: 1, ...o, [k]: 2}', { o: { b: 1 }, k: 'c' })).toEqual({ a: 1, b: 1, c: 2 });
    expect(value('[1, ...xs, 4]', { xs: [2, 3] })).toEqual([1, 2, 3, 4]);
    expect(value('[...notArray]', { notArray: 5 })).toEqual([]);
  });

  it('reads loop variables before wxs modules before data', () => {
    const source =
      '<wxs module="item">module.exports = { v: "wxs" }</wxs><text wx:for="{{[{v: 1}]}}">{{item.v}}</text>{{item.v}}';
    expect(printNodes(renderTemplate(source, { item: { v: 'data' } }))).toBe('<text>1</text>wxs');
  });
});

describe('the platforms’ expression language', () => {
  it.each([
    ['(a ? b : c)', { a: 1, b: 'b', c: 'c' }, 'b'],
    ['(item.id + 1)', { item: { id: 1 } }, 2],
    [' ( a + b ) * c ', { a: 1, b: 2, c: 3 }, 9],
    ['((a))', { a: 4 }, 4],
    ['(a).b', { a: { b: 5 } }, 5],
  ])('takes a parenthesised expression whole: %s', (expression, data, expected) => {
    expect(value(expression, data)).toEqual(expected);
  });

  it.each([
    ['in', { in: 1 }, 1],
    ['switch', { switch: true }, true],
    ['default', { default: 'd' }, 'd'],
    ['class', { class: 'red' }, 'red'],
    ["class + ' x'", { class: 'red' }, 'red x'],
    ['item.class', { item: { class: 'c' } }, 'c'],
    ["a ? default : 'no'", { a: 1, default: 'yes' }, 'yes'],
    ['{class: 1, in}', { in: 2 }, { class: 1, in: 2 }],
    ["'in' + typeof new", { new: 1 }, 'innumber'],
    ['void 0', {}, undefined],
  ])('reads a JS reserved word as a data name: %s', (expression, data, expected) => {
    expect(value(expression, data)).toEqual(expected);
  });

  it.each([
    ['a: 1, b', { b: 2 }, { a: 1, b: 2 }],
    ['...o, c: 3', { o: { a: 1 } }, { a: 1, c: 3 }],
    ['class: 1', {}, { class: 1 }],
    ['a, b', { a: 1, b: 2 }, { a: 1, b: 2 }],
  ])('reads a whole expression of object fields as an object: %s', (expression, data, expected) => {
    expect(value(expression, data)).toEqual(expected);
  });

  it('keeps the author’s columns in errors after a reserved word', () => {
    const [error] = compileTemplate('<view>{{ class + }}</view>').errors;
    expect([error?.code, error?.loc?.start.column, error?.message]).toEqual([
      'PLZ_EXPR_SYNTAX',
      18,
      'Invalid expression: Unexpected token',
    ]);
  });
});

describe('the expression guard', () => {
  const compileErrors = (expression: string) =>
    compileTemplate(`<view>{{${expression}}}</view>`).errors.map((error) => error.code);

  it.each([
    ['constructor', 'a.constructor'],
    ['__proto__', 'a.__proto__'],
    ['prototype', "a['prototype']"],
  ])('refuses %s at compile time', (_, expression) => {
    expect(compileErrors(expression)).toEqual(['PLZ_EXPR_FORBIDDEN_PROPERTY']);
  });

  it('refuses this, functions, assignments and new', () => {
    expect(compileErrors('this.data')).toEqual(['PLZ_EXPR_THIS']);
    expect(compileErrors('() => 1')).toEqual(['PLZ_EXPR_UNSUPPORTED']);
    expect(compileErrors('a = 1')).toEqual(['PLZ_EXPR_UNSUPPORTED']);
    // `new` is no operator of the platforms' language: here it is a data name, then a syntax error.
    expect(compileErrors('new Function("x")')).toEqual(['PLZ_EXPR_SYNTAX']);
    expect(compileErrors('{__proto__: a}')).toEqual(['PLZ_EXPR_FORBIDDEN_PROPERTY']);
  });

  it('calls nothing that is not a wxs function: the call yields undefined, with a warning', () => {
    const compiled = compileTemplate('<view>{{ Function("return this")() }}{{ a.toString() }}</view>');
    expect(compiled.errors).toEqual([]);
    expect(compiled.warnings.map((warning) => warning.code)).toEqual([
      'PLZ_EXPR_CALL_NOT_WXS',
      'PLZ_EXPR_CALL_NOT_WXS',
    ]);
    expect(value('content.trim()', { content: ' x ' })).toBeUndefined();
    expect(value('getStatus(x).color', { getStatus: 1, x: 2 })).toBeUndefined();
    expect(value("a || 'none'", {})).toBe('none');
  });

  it('never reaches globals: identifiers are data lookups', () => {
    expect(value('globalThis')).toBeUndefined();
    expect(value('Function')).toBeUndefined();
    expect(value('process')).toBeUndefined();
    expect(value('window')).toBeUndefined();
  });

  it('refuses computed forbidden keys at run time and inherited members', () => {
    expect(value('a[k]', { a: {}, k: 'constructor' })).toBeUndefined();
    expect(value('a[k]', { a: {}, k: '__proto__' })).toBeUndefined();
    expect(value('a[k][k2]', { a: {}, k: 'hasOwnProperty', k2: 'call' })).toBeUndefined();
    expect(value('s[k]', { s: 'x', k: 'constructor' })).toBeUndefined();
  });

  it('refuses to call Function through a wxs module', () => {
    const source =
      '<wxs module="m">module.exports = { f: function () { return 1 }, F: Function }</wxs>{{m.F("return 1")}}{{m.f.constructor}}';
    const compiled = compileTemplate(source);
    expect(compiled.errors.map((error) => error.code)).toEqual(['PLZ_EXPR_FORBIDDEN_PROPERTY']);
    const withoutConstructor = source.replace('{{m.f.constructor}}', '');
    expect(printNodes(renderTemplate(withoutConstructor, {}))).toBe('');
  });
});
