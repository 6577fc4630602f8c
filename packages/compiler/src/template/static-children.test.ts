import { describe, expect, it } from 'vitest';
import { compileTemplate } from './compile.ts';
import { staticChildren } from './static-children.ts';

const using = { 'ec-canvas': 'components/ec-canvas/ec-canvas', 'my-dot': 'components/dot/dot' };
const childrenOf = (source: string) =>
  staticChildren(compileTemplate(source, { filename: 'pages/a/a.wxml', usingComponents: using }).ast, using);

describe('staticChildren', () => {
  it('lists the components a template always renders, with their literal id and classes', () => {
    expect(
      childrenOf(
        '<view><block><ec-canvas id="chart" class="a b" canvas-id="bar" ec="{{ ec }}" bindinit="go" force-use-old-canvas /></block></view>',
      ),
    ).toEqual([
      {
        path: 'components/ec-canvas/ec-canvas',
        tag: 'ec-canvas',
        id: 'chart',
        classes: ['a', 'b'],
      },
    ]);
  });

  it('keeps a condition on a bare field and leaves out other conditions, loops, templates and slot content', () => {
    expect(
      childrenOf(`<view wx:if="{{ mask }}"><my-dot id="m" /></view>
        <my-dot wx:if="{{ a > 1 }}" id="a" />
        <my-dot wx:else id="z" />
        <view wx:for="{{ list }}"><my-dot id="b" /></view>
        <template name="t"><my-dot id="c" /></template>
        <ec-canvas id="d"><my-dot id="e" /></ec-canvas>
        <my-dot id="{{ dynamic }}" />`).map((c) => [c.id, c.when]),
    ).toEqual([
      ['m', ['mask']],
      ['d', undefined],
    ]);
  });
});
