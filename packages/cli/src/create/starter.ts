import type { Dialect } from './dialect.ts';

/**
 * The files of a new mini program: one page with a counter and a test that taps it,
 * so `plaza build`, `plaza check` and `plaza test` all pass on a fresh project.
 */
export function starterFiles(dialect: Dialect, name: string): Record<string, string> {
  const ext =
    dialect === 'tt'
      ? { markup: 'ttml', style: 'ttss', api: 'tt' }
      : { markup: 'wxml', style: 'wxss', api: 'wx' };
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    'package.json': json({
      name,
      version: '0.1.0',
      private: true,
      type: 'module',
      scripts: { build: 'plaza build . --out .plaza/build', check: 'plaza check .', test: 'plaza test .' },
    }),
    // Tests run in the simulator and never ship in the package.
    'project.config.json': json({
      projectname: name,
      packOptions: { ignore: [{ type: 'folder', value: 'tests' }] },
    }),
    'app.json': json({
      pages: ['pages/index/index'],
      window: {
        navigationBarTitleText: name,
        navigationBarBackgroundColor: '#ffffff',
        navigationBarTextStyle: 'black',
      },
    }),
    'app.js': `App({\n  globalData: {},\n  onLaunch() {},\n});\n`,
    [`app.${ext.style}`]: `page {\n  font-size: 28rpx;\n  color: #222;\n}\n`,
    'pages/index/index.json': json({ navigationBarTitleText: 'Home' }),
    'pages/index/index.js': `Page({
  data: { count: 0, greeting: 'Hello from ${name}' },
  onTap() {
    this.setData({ count: this.data.count + 1 });
  },
  onReset() {
    ${ext.api}.showModal({
      title: 'Reset the counter?',
      success: (res) => {
        if (res.confirm) this.setData({ count: 0 });
      },
    });
  },
});
`,
    [`pages/index/index.${ext.markup}`]: `<view class="home">
  <text class="home__greeting">{{greeting}}</text>
  <view class="home__count">Tapped {{count}} {{count === 1 ? 'time' : 'times'}}</view>
  <button class="home__tap" bindtap="onTap">Tap</button>
  <button ${dialect}:if="{{count > 0}}" class="home__reset" bindtap="onReset">Reset</button>
</view>
`,
    [`pages/index/index.${ext.style}`]: `.home {\n  padding: 48rpx;\n}\n.home__count {\n  margin: 24rpx 0;\n}\n`,
    'tests/index.test.ts': `import { launch } from '@plaza/simulator';
import { afterEach, expect, it } from 'vitest';

const project = new URL('..', import.meta.url).pathname;
let sim: Awaited<ReturnType<typeof launch>> | undefined;
afterEach(() => sim?.close());

it('counts taps', async () => {
  sim = await launch(project);
  await sim.tap('.home__tap');
  await sim.tap('.home__tap');
  expect(sim.page.data.count).toBe(2);
  expect(sim.text('.home__count')).toBe('Tapped 2 times');
});

it('resets after the user confirms', async () => {
  sim = await launch(project, { scenario: { modal: 'confirm' } });
  await sim.tap('.home__tap');
  await sim.tap('.home__reset');
  expect(sim.page.data.count).toBe(0);
  expect(sim.ui.modals).toEqual([{ title: 'Reset the counter?', content: '', answer: 'confirm' }]);
});
`,
  };
}
