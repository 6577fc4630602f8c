import { describe, expect, it } from 'vitest';
import type { StaticChild } from '../logic/manifest.ts';
import { logicHarness } from '../testing/logic-harness.ts';

const child = (path: string, id: string): StaticChild => ({
  path,
  tag: path.split('/').pop()!,
  id,
  classes: [],
});

// The order is a program's log; every lifecycle appends to it.
const files = {
  'app.js': 'App({ log: [] });',
  'pages/index/index.js': `const log = getApp().log;
    Page({
      data: { title: '' },
      onLoad() {
        log.push('page onLoad');
        const chart = this.selectComponent('#chart');
        this.setData({ title: chart ? chart.init('from onLoad') : 'missing' });
      },
      onReady() { log.push('page onReady'); },
    });`,
  'components/chart/chart.js': `const log = getApp().log;
    Component({
      // An observer may query the rendered node (vant's do): it runs when the view has the tag.
      properties: { canvasId: { type: String, observer(v) { log.push('chart canvasId ' + v); } } },
      data: { label: '' },
      lifetimes: {
        created() { log.push('chart created'); },
        attached() {
          log.push('chart attached');
          const dot = this.selectComponent('#dot');
          this.setData({ label: dot ? dot.paint('from attached') : 'missing' });
        },
        ready() { log.push('chart ready'); },
      },
      methods: { init(text) { this.setData({ label: text }); return text + ' on ' + this.data.canvasId; } },
    });`,
  'components/dot/dot.js': `const log = getApp().log;
    Component({
      data: { painted: '' },
      lifetimes: {
        created() { log.push('dot created'); },
        attached() { log.push('dot attached'); },
      },
      methods: { paint(text) { this.setData({ painted: text }); return 'painted ' + text; } },
    });`,
};

const manifest = {
  staticChildren: {
    'pages/index/index': [child('components/chart/chart', 'chart')],
    'components/chart/chart': [child('components/dot/dot', 'dot')],
  },
};

async function launched() {
  const t = logicHarness(files, manifest);
  await t.logic.launch();
  const pageId = t.of('page.create')[0]!.instanceId;
  const attach = (instanceId: string, ownerId: string, path: string, id: string, properties = {}) =>
    t.logic.receive({
      v: 1,
      type: 'component.attach',
      instanceId,
      ownerId,
      parentId: ownerId,
      path,
      tag: path.split('/').pop(),
      properties,
      id,
      classes: [],
      dataset: {},
    });
  const log = () => (t.logic.getApp() as { log: string[] }).log;
  return { t, pageId, attach, log };
}

describe('components a template always renders', () => {
  it('exist when the page onLoad calls one of their methods, before their properties arrive', async () => {
    const { t } = await launched();
    // The method ran on the child before the first render, so its answer is in the page's first data.
    expect(t.of('page.create')[0]!.data.title).toBe('from onLoad on ');
  });

  it('are the instances the view renders, keeping what was done to them before', async () => {
    const { t, pageId, attach } = await launched();
    attach('c1', pageId, 'components/chart/chart', 'chart', { canvasId: 'bar' });
    const init = t.of('component.init').find((m) => m.instanceId === 'c1')!;
    // attached ran at the view's claim and found its own static child, whose method answered.
    expect(init.data.label).toBe('painted from attached');
    attach('c2', 'c1', 'components/dot/dot', 'dot');
    expect(t.of('component.init').find((m) => m.instanceId === 'c2')!.data.painted).toBe('from attached');
    // One chart instance only: the page's reference is the one the view claimed.
    const pageSelf = t.logic.getCurrentPages()[0] as never as { selectAllComponents(s: string): unknown[] };
    expect(pageSelf.selectAllComponents('#chart')).toHaveLength(1);
  });

  it('follow the platform order: children created before the owner runs onLoad or attached', async () => {
    const { t, pageId, attach, log } = await launched();
    attach('c1', pageId, 'components/chart/chart', 'chart', { canvasId: 'bar' });
    attach('c2', 'c1', 'components/dot/dot', 'dot');
    t.logic.receive({ v: 1, type: 'render.done', instanceId: 'c2', renderId: 0 });
    t.logic.receive({ v: 1, type: 'render.done', instanceId: 'c1', renderId: 0 });
    t.logic.receive({ v: 1, type: 'render.done', instanceId: pageId, renderId: 0 });
    expect(log()).toEqual([
      'dot created',
      'chart created',
      'page onLoad',
      'chart canvasId bar',
      'chart attached',
      'dot attached',
      'chart ready',
      'page onReady',
    ]);
  });

  it('go with a page that leaves before the view claims them', async () => {
    const { t, log } = await launched();
    await (t.logic.api.reLaunch as (options: { url: string }) => Promise<unknown>)({
      url: '/pages/index/index',
    });
    // The second page made its own chart; the first one's unclaimed instances are gone.
    expect(log().filter((entry) => entry === 'chart created')).toHaveLength(2);
    const pageSelf = t.logic.getCurrentPages()[0] as never as { selectAllComponents(s: string): unknown[] };
    expect(pageSelf.selectAllComponents('#chart')).toHaveLength(1);
  });

  it('under wx:if="{{ field }}" exist in the owner\'s created when its first data makes the field true', async () => {
    const t = logicHarness(
      {
        'pages/index/index.js': 'Page({});',
        'components/popup/popup.js': `Component({
          properties: { mask: { type: Boolean, value: true } },
          data: { found: '' },
          created() { this.backdrop = this.selectComponent('#backdrop'); },
          attached() { this.setData({ found: this.backdrop ? this.backdrop.is : 'missing' }); },
        });`,
        'components/quiet/quiet.js': `Component({
          data: { mask: false, found: '' },
          attached() { this.setData({ found: this.selectComponent('#backdrop') ? 'found' : 'missing' }); },
        });`,
        'components/backdrop/backdrop.js': 'Component({});',
      },
      {
        staticChildren: {
          'pages/index/index': [
            child('components/popup/popup', 'popup'),
            child('components/quiet/quiet', 'quiet'),
          ],
          'components/popup/popup': [
            { ...child('components/backdrop/backdrop', 'backdrop'), when: ['mask'] },
          ],
          'components/quiet/quiet': [
            { ...child('components/backdrop/backdrop', 'backdrop'), when: ['mask'] },
          ],
        },
      },
    );
    await t.logic.launch();
    const pageId = t.of('page.create')[0]!.instanceId;
    for (const [instanceId, name] of [
      ['c1', 'popup'],
      ['c2', 'quiet'],
    ] as const)
      t.logic.receive({
        v: 1,
        type: 'component.attach',
        instanceId,
        ownerId: pageId,
        parentId: pageId,
        path: `components/${name}/${name}`,
        tag: name,
        properties: {},
        id: name,
        classes: [],
        dataset: {},
      });
    const found = (id: string) => t.of('component.init').find((m) => m.instanceId === id)!.data.found;
    expect(found('c1')).toBe('components/backdrop/backdrop');
    expect(found('c2')).toBe('missing');
  });
});
