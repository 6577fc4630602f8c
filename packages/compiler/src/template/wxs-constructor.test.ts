import { describe, expect, it } from 'vitest';
import type { WxsFactory } from '../render-runtime/wxs-loader.ts';
import { WxsLoader } from '../render-runtime/wxs-loader.ts';
import { wxsFactory } from './codegen.ts';
import { wxsConstructorReads } from './wxs-constructor.ts';

function run(code: string): Record<string, unknown> {
  const loader = new WxsLoader();
  loader.define('m.wxs', new Function(`return ${wxsFactory(code)}`)() as WxsFactory);
  return loader.load('m.wxs') as Record<string, unknown>;
}

describe('wxs constructor', () => {
  it("names each type with a string, as the dialects' wxs documents", () => {
    const m = run(`module.exports = {
      number: (1).constructor, string: 'a'.constructor, boolean: true.constructor,
      object: {}.constructor, fn: (function () {}).constructor, array: [].constructor,
      date: getDate().constructor, regexp: getRegExp('a').constructor,
      isArray: function (x) { return x.constructor === 'Array'; },
      nested: [1].constructor.constructor,
    };`);
    expect(m).toMatchObject({
      number: 'Number',
      string: 'String',
      boolean: 'Boolean',
      object: 'Object',
      fn: 'Function',
      array: 'Array',
      date: 'Date',
      regexp: 'RegExp',
      nested: 'String',
    });
    expect((m.isArray as (x: unknown) => boolean)(['a'])).toBe(true);
    expect((m.isArray as (x: unknown) => boolean)('a')).toBe(false);
  });

  it("keeps an object's own constructor field, assignments to it, and the module's line numbers", () => {
    const m = run(`var o = { constructor: 'mine' };
var p = {};
p.constructor = 'set';
module.exports = { own: o.constructor, set: p.constructor };`);
    expect(m).toEqual({ own: 'mine', set: 'set' });
    const code = 'var a = [1]\n  .constructor;\nvar b = a;';
    expect(wxsConstructorReads(code)).toBe('var a = __plaza_wxs_constructor([1]\n  );\nvar b = a;');
  });
});
