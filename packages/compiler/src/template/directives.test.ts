import { describe, expect, it } from 'vitest';
import type { ElementVNode } from '../render-runtime/vnode.ts';
import { printNodes, registryOf, renderTemplate } from './render-for-test.ts';

const render = (source: string, data: unknown = {}) => printNodes(renderTemplate(source, data));

describe('interpolation', () => {
  it('fills text and attributes, a lone {{}} keeps the value type', () => {
    const [node] = renderTemplate('<view id="a-{{n}}" data-n="{{n}}">Hi {{name}}!</view>', {
      n: 3,
      name: 'Li',
    });
    expect(node).toMatchObject({
      attrs: { id: 'a-3', 'data-n': 3 },
      children: [{ kind: 'text', text: 'Hi Li!' }],
    });
  });

  it('prints undefined paths as empty strings', () => {
    expect(render('<text>[{{a.b.c}}]</text>')).toBe('<text>[]</text>');
  });

  it('treats a bare attribute as true', () => {
    expect(render('<view hidden></view>')).toBe('<view hidden></view>');
  });
});

describe('wx:if / tt:if', () => {
  const source =
    '<view wx:if="{{n > 1}}">many</view><view wx:elif="{{n === 1}}">one</view><view wx:else>none</view>';
  it.each([
    [2, '<view>many</view>'],
    [1, '<view>one</view>'],
    [0, '<view>none</view>'],
  ])('n = %s renders one branch', (n, expected) => {
    expect(render(source, { n })).toBe(expected);
  });

  it('accepts the tt: prefix and blocks', () => {
    expect(render('<block tt:if="{{ok}}"><text>a</text><text>b</text></block>', { ok: true })).toBe(
      '<text>a</text><text>b</text>',
    );
  });

  it('tests the condition per item when on the same element as for', () => {
    expect(render('<text wx:for="{{[1,2,3]}}" wx:if="{{item % 2}}">{{item}}</text>', {})).toBe(
      '<text>1</text><text>3</text>',
    );
  });
});

describe('wx:for', () => {
  it('iterates with item and index', () => {
    expect(render('<text wx:for="{{list}}">{{index}}:{{item}}</text>', { list: ['a', 'b'] })).toBe(
      '<text>0:a</text><text>1:b</text>',
    );
  });

  it('renames item and index, and supports for-items', () => {
    const source = '<text wx:for-items="{{list}}" wx:for-item="row" wx:for-index="i">{{i}}{{row.n}}</text>';
    expect(render(source, { list: [{ n: 'x' }] })).toBe('<text>0x</text>');
  });

  it('keys by a property or by *this', () => {
    expect(render('<text wx:for="{{list}}" wx:key="id">{{item.id}}</text>', { list: [{ id: 'a' }] })).toBe(
      '<text key="a">a</text>',
    );
    expect(render('<text wx:for="{{[5,6]}}" wx:key="*this">x</text>')).toBe(
      '<text key=5>x</text><text key=6>x</text>',
    );
  });

  it('iterates numbers, strings and objects as the dialects do', () => {
    expect(render('<text wx:for="{{2}}">{{item}}</text>')).toBe('<text>0</text><text>1</text>');
    expect(render('<text wx:for="{{\'ab\'}}">{{item}}</text>')).toBe('<text>a</text><text>b</text>');
    expect(render('<text wx:for="{{o}}">{{index}}={{item}}</text>', { o: { k: 1 } })).toBe(
      '<text>k=1</text>',
    );
  });

  it('nests loops with their own variables', () => {
    const source = '<view wx:for="{{rows}}" wx:for-item="row"><text wx:for="{{row}}">{{item}}</text></view>';
    expect(render(source, { rows: [[1], [2, 3]] })).toBe(
      '<view><text>1</text></view><view><text>2</text><text>3</text></view>',
    );
  });
});

describe('templates, import and include', () => {
  it('calls a template with object shorthand and spread data', () => {
    const source =
      '<template name="t"><text>{{a}}-{{b}}</text></template><template is="t" data="{{a: 1, ...o}}"/>';
    expect(render(source, { o: { b: 2 } })).toBe('<text>1-2</text>');
  });

  it('passes {{item}} as { item }, and a dynamic is', () => {
    const source =
      '<template name="x"><text>{{item}}</text></template><template is="{{kind}}" data="{{item}}"/>';
    expect(render(source, { kind: 'x', item: 'v' })).toBe('<text>v</text>');
  });

  it('resolves imported templates, not transitively', () => {
    const registry = registryOf({
      'pages/a.wxml': '<import src="./b.wxml"/><template is="fromB"/><template is="fromC"/>',
      'pages/b.wxml': '<import src="./c.wxml"/><template name="fromB"><text>b</text></template>',
      'pages/c.wxml': '<template name="fromC"><text>c</text></template>',
    });
    expect(printNodes(registry.render('pages/a', {}))).toBe('<text>b</text>');
  });

  it('includes everything but templates, with the current data and loop variables', () => {
    const registry = registryOf({
      'pages/a.wxml': '<block wx:for="{{[1]}}"><include src="/common/f.wxml"/></block>',
      'common/f.wxml': '<template name="hidden"><text>no</text></template><text>{{title}}{{item}}</text>',
    });
    expect(printNodes(registry.render('pages/a', { title: 'T' }))).toBe('<text>T1</text>');
  });
});

describe('slots and components', () => {
  it('keeps slot elements and the slot of projected children', () => {
    expect(render('<view><slot/><slot name="foot"/></view>')).toBe(
      '<view><slot></slot><slot name="foot"></slot></view>',
    );
    const [host] = renderTemplate(
      '<card><text slot="foot">x</text></card>',
      {},
      {
        usingComponents: { card: 'components/card/card' },
      },
    ) as ElementVNode[];
    expect(host!.component).toBe('components/card/card');
    expect(host!.children[0]).toMatchObject({ tag: 'text', slot: 'foot' });
  });
});

describe('events', () => {
  it.each([
    ['bindtap', { name: 'tap', capture: false, catch: false, mut: false }],
    ['bind:tap', { name: 'tap', capture: false, catch: false, mut: false }],
    ['catchtap', { name: 'tap', capture: false, catch: true, mut: false }],
    ['catch:longpress', { name: 'longpress', capture: false, catch: true, mut: false }],
    ['capture-bind:touchstart', { name: 'touchstart', capture: true, catch: false, mut: false }],
    ['capture-catch:touchstart', { name: 'touchstart', capture: true, catch: true, mut: false }],
    ['mut-bind:tap', { name: 'tap', capture: false, catch: false, mut: true }],
  ])('%s', (attribute, expected) => {
    const [node] = renderTemplate(`<view ${attribute}="onIt"/>`, {}) as ElementVNode[];
    expect(node!.events).toEqual([{ ...expected, handler: 'onIt' }]);
  });

  it('evaluates a {{}} handler name', () => {
    const [node] = renderTemplate('<view bindtap="{{h}}"/>', { h: 'dyn' }) as ElementVNode[];
    expect(node!.events[0]!.handler).toBe('dyn');
  });
});

describe('attributes', () => {
  it('keeps data-* attributes for the dataset', () => {
    const [node] = renderTemplate('<view data-user-id="{{id}}" data-x="1"/>', { id: 9 }) as ElementVNode[];
    expect(node!.attrs).toEqual({ 'data-user-id': 9, 'data-x': '1' });
  });

  it('records model:value with its data path, also inside loops', () => {
    const [input] = renderTemplate('<input model:value="{{form.name}}"/>', {
      form: { name: 'n' },
    }) as ElementVNode[];
    expect(input).toMatchObject({ attrs: { value: 'n' }, model: { value: 'form.name' } });
    const rows = renderTemplate('<input wx:for="{{list}}" model:value="{{list[index].t}}"/>', {
      list: [{ t: 'a' }, { t: 'b' }],
    }) as ElementVNode[];
    expect(rows.map((row) => row.model)).toEqual([{ value: 'list[0].t' }, { value: 'list[1].t' }]);
  });

  it('binds class and converts rpx in style', () => {
    const [node] = renderTemplate('<view class="a {{on ? \'on\' : \'\'}}" style="width: {{w}}rpx"/>', {
      on: true,
      w: 10,
    }) as ElementVNode[];
    expect(node!.attrs).toEqual({ class: 'a on', style: 'width: calc(10 * var(--plaza-rpx))' });
  });
});

describe('wxs and sjs modules', () => {
  it('calls functions of an inline module', () => {
    const source =
      '<wxs module="m">module.exports = { up: function (s) { return s.toUpperCase() } }</wxs>{{m.up(x)}}';
    expect(render(source, { x: 'ab' })).toBe('AB');
  });

  it('loads src modules and their require chain', () => {
    const registry = registryOf({ 'pages/a.ttml': '<sjs module="f" src="../utils/f.sjs"/>{{f.twice(2)}}' });
    registry.defineWxs('utils/f.sjs', (module, _exports, require) => {
      const base = require('./base') as { times: (a: number, b: number) => number };
      module.exports = { twice: (n: number) => base.times(n, 2) };
    });
    registry.defineWxs('utils/base.sjs', (module) => {
      module.exports = { times: (a: number, b: number) => a * b };
    });
    expect(printNodes(registry.render('pages/a', {}))).toBe('4');
  });
});
