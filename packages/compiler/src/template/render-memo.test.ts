import { describe, expect, it } from 'vitest';
import { editsSince, noteArrayEdit } from '../render-runtime/array-edits.ts';
import { RenderMemo } from '../render-runtime/render-memo.ts';
import type { ElementVNode, VNode } from '../render-runtime/vnode.ts';
import { printNodes, registryOf } from './render-for-test.ts';

/** Renders `source` twice through one memo: with `data`, then after `change` rewrote it copy-on-write. */
function twice(source: string, data: Record<string, unknown>, change: (d: Record<string, unknown>) => void) {
  const registry = registryOf({ 'pages/t/t.wxml': source });
  const memo = new RenderMemo();
  const first = registry.render('pages/t/t', data, { memo });
  change(data);
  const second = registry.render('pages/t/t', data, { memo });
  return {
    first,
    second,
    rows: (nodes: VNode[]) => nodes.filter((n): n is ElementVNode => n.kind === 'element'),
  };
}

const list = () => [
  { id: 1, title: 'a' },
  { id: 2, title: 'b' },
  { id: 3, title: 'c' },
];

describe('keyed loop items across renders', () => {
  it('hand back the same vnodes for unchanged items and rebuild the changed one', () => {
    const { first, second } = twice(
      '<view wx:for="{{list}}" wx:key="id">{{item.title}}</view>',
      { list: list() },
      (d) => {
        const rows = [...(d.list as object[])];
        rows[1] = { id: 2, title: 'B' };
        d.list = rows;
      },
    );
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[2]).toBe(first[2]);
    expect(printNodes(second)).toBe('<view key=1>a</view><view key=2>B</view><view key=3>c</view>');
  });

  it('rebuild every item when a data field the body reads changes, or an item moves', () => {
    const source =
      '<view wx:for="{{list}}" wx:key="id" class="{{item.id === picked ? \'on\' : \'\'}}">{{index}}</view>';
    const picked = twice(source, { list: list(), picked: 1 }, (d) => {
      d.picked = 3;
    });
    expect(printNodes(picked.second)).toBe(
      '<view key=1 class="">0</view><view key=2 class="">1</view><view key=3 class="on">2</view>',
    );
    const moved = twice(source, { list: list(), picked: 0 }, (d) => {
      d.list = [...(d.list as object[])].reverse();
    });
    expect(printNodes(moved.second)).toBe(
      '<view key=3 class="">0</view><view key=2 class="">1</view><view key=1 class="">2</view>',
    );
    expect(moved.second[1]).toBe(moved.first[1]);
  });

  it('keep nested loops apart and follow the outer item', () => {
    const source =
      '<view wx:for="{{groups}}" wx:for-item="g" wx:key="id"><text wx:for="{{g.rows}}" wx:key="*this">{{g.name}}:{{item}}</text></view>';
    const groups = () => [
      { id: 'x', name: 'X', rows: [1, 2] },
      { id: 'y', name: 'Y', rows: [1, 2] },
    ];
    const { second } = twice(source, { groups: groups() }, (d) => {
      const next = [...(d.groups as { id: string; name: string; rows: number[] }[])];
      next[1] = { ...next[1]!, name: 'Z' };
      d.groups = next;
    });
    expect(printNodes(second)).toBe(
      '<view key="x"><text key=1>X:1</text><text key=2>X:2</text></view><view key="y"><text key=1>Z:1</text><text key=2>Z:2</text></view>',
    );
  });

  it('do not memoize a body that reads the whole data (an include), and rebuild without a memo', () => {
    const registry = registryOf({
      'pages/t/t.wxml': '<view wx:for="{{list}}" wx:key="id"><include src="/parts/row.wxml" /></view>',
      'parts/row.wxml': '<text>{{suffix}}</text>',
    });
    const memo = new RenderMemo();
    const data = { list: list(), suffix: '!' };
    const first = registry.render('pages/t/t', data, { memo });
    data.suffix = '?';
    const second = registry.render('pages/t/t', data, { memo });
    expect(second[0]).not.toBe(first[0]);
    expect(printNodes(second)).toContain('<text>?</text>');
    const plain = registry.render('pages/t/t', data);
    expect(plain[0]).not.toBe(registry.render('pages/t/t', data)[0]);
  });

  it('drop everything when the external classes change', () => {
    const registry = registryOf({
      'pages/t/t.wxml': '<view wx:for="{{list}}" wx:key="id" class="ext">{{item.title}}</view>',
    });
    const memo = new RenderMemo();
    const data = { list: list() };
    const a = registry.render('pages/t/t', data, { memo, externalClasses: { ext: 'red' } });
    const b = registry.render('pages/t/t', data, { memo, externalClasses: { ext: 'blue' } });
    expect(b[0]).not.toBe(a[0]);
    expect(registry.render('pages/t/t', data, { memo, externalClasses: { ext: 'blue' } })[0]).toBe(b[0]);
  });

  it('rebuild only the items of a list edited in noted places, without reading the others', () => {
    const registry = registryOf({
      'pages/t/t.wxml': '<view wx:for="{{list}}" wx:key="id" class="row">{{item.title}}</view>',
    });
    let reads = 0;
    const counted = (id: number, title: string) => ({
      title,
      get id() {
        reads += 1;
        return id;
      },
    });
    const memo = new RenderMemo();
    const data: { list: unknown[] } = { list: [counted(1, 'a'), counted(2, 'b'), counted(3, 'c')] };
    const first = registry.render('pages/t/t', data, { memo });
    expect(registry.render('pages/t/t', data, { memo })).toBe(first);

    const edited = data.list.slice();
    edited[1] = { id: 2, title: 'B' };
    noteArrayEdit(edited, data.list, [1]);
    data.list = edited;
    reads = 0;
    const second = registry.render('pages/t/t', data, { memo });
    // Only the new item is built: the others are not even asked for their keys.
    expect(reads).toBe(0);
    expect(printNodes(second)).toBe(
      '<view key=1 class="row">a</view><view key=2 class="row">B</view><view key=3 class="row">c</view>',
    );
    expect(second[0]).toBe(first[0]);
    expect(second[2]).toBe(first[2]);
    expect([...(editsSince(second, first) ?? [])]).toEqual([1]);
  });

  it('walk the whole list when an edited item changed its key or its number of nodes', () => {
    const registry = registryOf({
      'pages/t/t.wxml':
        '<block wx:for="{{list}}" wx:key="id"><view>{{item.title}}</view><view wx:if="{{item.more}}">more</view></block>',
    });
    const memo = new RenderMemo();
    const data: { list: Record<string, unknown>[] } = { list: list() };
    const first = registry.render('pages/t/t', data, { memo });
    const edit = (index: number, item: Record<string, unknown>) => {
      const next = data.list.slice();
      next[index] = item;
      noteArrayEdit(next, data.list, [index]);
      data.list = next;
      return registry.render('pages/t/t', data, { memo });
    };
    const grown = edit(0, { id: 1, title: 'a', more: true });
    expect(printNodes(grown)).toBe(
      '<view key=1>a</view><view key=1>more</view><view key=2>b</view><view key=3>c</view>',
    );
    expect(editsSince(grown, first)).toBeUndefined();
    const rekeyed = edit(2, { id: 9, title: 'z' });
    expect(printNodes(rekeyed)).toBe(
      '<view key=1>a</view><view key=1>more</view><view key=2>b</view><view key=9>z</view>',
    );
    expect(editsSince(rekeyed, grown)).toBeUndefined();
    expect(rekeyed[2]).toBe(grown[2]);
  });
});
