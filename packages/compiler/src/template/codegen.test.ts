import { describe, expect, it } from 'vitest';
import { compileTemplate } from './compile.ts';

const code = (source: string, filename = 'pages/index/index.wxml') =>
  compileTemplate(source, { filename, usingComponents: { card: 'components/card/card' } }).code;

describe('generated render code', () => {
  it('prints a static tree as one expression', () => {
    expect(code('<view class="a" bindtap="go"><text>{{ title }}</text></view>')).toMatchSnapshot();
  });

  it('prints control flow, loops, templates, includes and components', () => {
    const source = `<import src="./cells.wxml"/>
<wxs module="fmt" src="/utils/fmt.wxs"/>
<view wx:for="{{ list }}" wx:key="id">
  <card wx:if="{{ item.ok }}" item="{{ item }}" bind:pick="onPick"><text slot="foot">{{ fmt.money(item.price) }}</text></card>
  <text wx:else>{{ index }}</text>
</view>
<template is="cell" data="{{ a: 1, ...b }}"/>
<include src="./footer.wxml"/>
<input model:value="{{ form.name }}"/>`;
    expect(code(source)).toMatchSnapshot();
  });

  it('prints template definitions and inline wxs', () => {
    const source =
      '<wxs module="m">module.exports.x = 1;</wxs><template name="row"><text>{{ m.x }}{{ label }}</text></template>';
    expect(code(source, 'common/rows.ttml')).toMatchSnapshot();
  });
});
