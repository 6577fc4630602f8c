import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { launch } from './simulator.ts';
import { programFolders } from './testing/program-folder.ts';

// As on the platforms, a selector query sees every setData made before it. The shape is
// echarts-for-weixin's ec-canvas, common in real programs: its `ready` turns on a
// `type="2d"` canvas behind a wx:if and asks for its node in the same tick.
it('answers a query with the nodes of a setData made just before it', async () => {
  const work = await mkdtemp(join(tmpdir(), 'plaza-ec-'));
  const dir = await programFolders(() => work)(
    { wxml: '<ec id="e" />', js: `Page({ data: {} });` },
    {
      'pages/index/index.json': JSON.stringify({ usingComponents: { ec: '/comp/ec' } }),
      'comp/ec.json': JSON.stringify({ component: true }),
      'comp/ec.wxml':
        '<canvas wx:if="{{on}}" type="2d" class="ec-canvas" canvas-id="x"></canvas><canvas wx:else class="ec-canvas" canvas-id="x"></canvas><view class="out">{{out}}</view>',
      'comp/ec.js': `Component({ data: { on: false, out: '' }, ready() {
        this.setData({ on: true });
        wx.createSelectorQuery().in(this).select('.ec-canvas').fields({ node: true, size: true }).exec((res) => {
          this.setData({ out: res[0] && res[0].node ? 'node' : 'null:' + JSON.stringify(res) });
        });
      } });`,
    },
  );
  const sim = await launch(dir);
  try {
    await sim.waitFor(() => sim.text('.out') !== '', { message: 'the query answered' });
    expect(sim.text('.out')).toBe('node');
  } finally {
    sim.close();
    await rm(work, { recursive: true, force: true });
  }
});
