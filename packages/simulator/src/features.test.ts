import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Simulator } from './simulator.ts';
import { programFolders } from './testing/program-folder.ts';

// The framework's features through the compiler, the runtime and the view together.
let work: string;
let sim: Simulator | undefined;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'plaza-features-'));
});
afterEach(() => sim?.close());
afterAll(() => rm(work, { recursive: true, force: true }));
const program = programFolders(() => work);

async function open(page: { js: string; wxml?: string; ttml?: string }, files: Record<string, string> = {}) {
  const s = await launch(await program(page, files));
  sim = s;
  return s;
}

describe('events', () => {
  it('capture-catch stops a tap on its way down; data-* arrives camelCased in the dataset', async () => {
    const s = await open({
      js: `Page({ data: { calls: [], set: null },
  outer() { this.setData({ calls: this.data.calls.concat('outer') }); },
  inner() { this.setData({ calls: this.data.calls.concat('inner') }); },
  seen(e) { this.setData({ set: e.currentTarget.dataset }); } });`,
      wxml: `<view capture-catch:tap="outer"><view class="in" bindtap="inner" /></view>
<view class="d" data-user-id="{{7}}" data-kind="x" bind:tap="seen" />`,
    });
    await s.tap('.in');
    expect(s.page.data.calls).toEqual(['outer']);
    await s.tap('.d');
    expect(s.page.data.set).toEqual({ userId: 7, kind: 'x' });
  });

  it('a component event crosses into the page only when composed', async () => {
    const s = await open(
      {
        js: `Page({ data: { got: [] }, onPing(e) { this.setData({ got: this.data.got.concat(e.detail.how) }); } });`,
        wxml: '<outer bind:ping="onPing" />',
      },
      {
        'pages/index/index.json': '{ "usingComponents": { "outer": "/components/outer/outer" } }',
        'components/outer/outer.json':
          '{ "component": true, "usingComponents": { "inner": "/components/inner/inner" } }',
        'components/outer/outer.js': 'Component({});',
        'components/outer/outer.wxml': '<inner />',
        'components/inner/inner.json': '{ "component": true }',
        'components/inner/inner.js': `Component({ methods: {
  composed() { this.triggerEvent('ping', { how: 'composed' }, { bubbles: true, composed: true }); },
  local() { this.triggerEvent('ping', { how: 'local' }, { bubbles: true }); } } });`,
        'components/inner/inner.wxml':
          '<view class="c" bindtap="composed" /><view class="l" bindtap="local" />',
      },
    );
    await s.tap('.l');
    await s.tap('.c');
    expect(s.page.data.got).toEqual(['composed']);
  });
});

describe('model: two-way binding', () => {
  it('writes what the user types into the data path, and setData writes back into the field', async () => {
    const s = await open({
      js: `Page({ data: { form: { name: 'a' } }, reset() { this.setData({ 'form.name': 'Wu' }); } });`,
      wxml: '<input class="name" model:value="{{form.name}}" /><text class="echo">{{form.name}}</text><view class="reset" bindtap="reset" />',
    });
    await s.input('.name', 'Li');
    expect(s.page.data.form).toEqual({ name: 'Li' });
    expect(s.text('.echo')).toBe('Li');
    await s.tap('.reset');
    expect((s.query('.name') as HTMLInputElement).value).toBe('Wu');
  });
});

describe('components', () => {
  const panel = {
    'pages/index/index.json': '{ "usingComponents": { "panel": "/components/panel/panel" } }',
    'components/panel/panel.json': '{ "component": true }',
    'behaviors/trace.js': `module.exports = Behavior({ lifetimes: {
  created() { getApp().log.push('b.created'); }, attached() { getApp().log.push('b.attached'); },
  ready() { getApp().log.push('b.ready'); }, detached() { getApp().log.push('b.detached'); } } });`,
    'components/panel/panel.js': `Component({
  behaviors: [require('../../behaviors/trace')],
  options: { multipleSlots: true },
  lifetimes: { created() { getApp().log.push('created'); }, attached() { getApp().log.push('attached'); },
    ready() { getApp().log.push('ready'); }, detached() { getApp().log.push('detached'); } },
  pageLifetimes: { show() { getApp().log.push('page.show'); }, hide() { getApp().log.push('page.hide'); } },
  methods: { hello() { return 'hi from panel'; } } });`,
    'components/panel/panel.wxml':
      '<view class="head"><slot name="head" /></view><view class="body"><slot /></view>',
    'app.js': 'App({ log: [] });',
    'pages/next/next.js': 'Page({});',
    'pages/next/next.wxml': '<view />',
  };

  it('project named and default slots, answer selectComponent, and run behavior lifetimes first', async () => {
    const s = await open(
      {
        js: `Page({ data: { shown: true, got: '', log: [] },
  probe() { this.setData({ got: this.selectComponent('#p').hello(), log: getApp().log.slice() }); },
  drop() { this.setData({ shown: false }); },
  read() { this.setData({ log: getApp().log.slice() }); } });`,
        wxml: `<panel wx:if="{{shown}}" id="p"><text slot="head">H</text><text>B</text></panel>
<view class="probe" bindtap="probe" /><view class="drop" bindtap="drop" /><view class="read" bindtap="read" />`,
      },
      panel,
    );
    expect(s.text('.head')).toBe('H');
    expect(s.text('.body')).toBe('B');
    await s.tap('.probe');
    expect(s.page.data.got).toBe('hi from panel');
    expect(s.page.data.log).toEqual(['b.created', 'created', 'b.attached', 'attached', 'b.ready', 'ready']);
    await s.tap('.drop');
    await s.tap('.read');
    expect((s.page.data.log as string[]).slice(-2)).toEqual(['b.detached', 'detached']);
  });

  it('tell pageLifetimes when their page hides and shows again', async () => {
    const s = await open(
      {
        js: `Page({ data: { log: [] }, read() { this.setData({ log: getApp().log.filter((e) => e.startsWith('page.')) }); } });`,
        wxml: '<panel /><view class="read" bindtap="read" />',
      },
      panel,
    );
    await s.navigateTo('pages/next/next');
    await s.navigateBack();
    await s.tap('.read');
    expect(s.page.data.log).toEqual(['page.hide', 'page.show']);
  });
});

describe('components a template always renders', () => {
  it('exist when the page onLoad and the owner attached call their methods, and render what those did', async () => {
    const s = await open(
      {
        js: `Page({ data: { answer: '' },
  onLoad() { this.setData({ answer: this.selectComponent('#chart').init('pie') }); } });`,
        wxml: '<chart id="chart" canvas-id="c1" /><view class="answer">{{answer}}</view>',
      },
      {
        'pages/index/index.json': '{ "usingComponents": { "chart": "/components/chart/chart" } }',
        'components/chart/chart.json':
          '{ "component": true, "usingComponents": { "dot": "/components/dot/dot" } }',
        'components/chart/chart.js': `Component({ properties: { canvasId: String }, data: { kind: '', dot: '' },
  attached() { this.setData({ dot: this.selectComponent('.dot').paint() }); },
  methods: { init(kind) { this.setData({ kind }); return kind + ' in ' + this.data.canvasId; } } });`,
        'components/chart/chart.wxml':
          '<view class="kind">{{kind}}</view><view class="canvas">{{canvasId}}</view><view class="dot-said">{{dot}}</view><dot class="dot" />',
        'components/dot/dot.json': '{ "component": true }',
        'components/dot/dot.js': `Component({ data: { painted: false },
  methods: { paint() { this.setData({ painted: true }); return 'painted'; } } });`,
        'components/dot/dot.wxml': '<view class="painted">{{painted}}</view>',
      },
    );
    // Properties reach the child when the view renders it, after onLoad (see docs/framework.md).
    expect(s.text('.answer')).toBe('pie in');
    expect(s.text('.canvas')).toBe('c1');
    expect(s.text('.kind')).toBe('pie');
    expect(s.text('.dot-said')).toBe('painted');
    expect(s.text('.painted')).toBe('true');
  });
});

describe('page events', () => {
  it('run onPageScroll, onReachBottom and onPullDownRefresh', async () => {
    const s = await open({
      js: `Page({ data: { seen: [] },
  note(what) { this.setData({ seen: this.data.seen.concat(what) }); },
  onPageScroll(e) { this.note('scroll:' + e.scrollTop); },
  onReachBottom() { this.note('bottom'); },
  onPullDownRefresh() { this.note('refresh'); wx.stopPullDownRefresh(); } });`,
    });
    await s.scroll({ top: 120, toBottom: true });
    await s.pullDownRefresh();
    expect(s.page.data.seen).toEqual(['scroll:120', 'bottom', 'refresh']);
    expect(s.ui.refreshing).toBe(false);
  });
});

describe('the tt dialect', () => {
  it('runs .ttml with tt: directives, sjs modules and the wx alias', async () => {
    const s = await open(
      {
        js: `Page({ data: { list: [{ id: 'a', cents: 150 }, { id: 'b', cents: 5 }], alias: tt === wx } });`,
        ttml: `<sjs module="fmt" src="/utils/fmt.sjs" />
<view tt:for="{{list}}" tt:for-item="dish" tt:for-index="i" tt:key="id" class="row">{{i}}:{{fmt.yuan(dish.cents)}}</view>
<text tt:if="{{alias}}" class="alias">same</text><text tt:else class="alias">different</text>`,
      },
      { 'utils/fmt.sjs': 'module.exports = { yuan: function (c) { return (c / 100).toFixed(2); } };' },
    );
    expect(s.texts('.row')).toEqual(['0:1.50', '1:0.05']);
    expect(s.text('.alias')).toBe('same');
  });
});

describe('selector queries without layout', () => {
  it('answers computedStyle with empty values instead of failing, as a document that lays nothing out can', async () => {
    const s = await open({
      js: `Page({ data: { got: null }, onReady() {
  wx.createSelectorQuery().select('.box').fields({ id: true, computedStyle: ['color', 'height'] })
    .exec((res) => this.setData({ got: res[0] })); } });`,
      wxml: '<view class="box" id="b" style="color: red">box</view>',
    });
    await s.settle();
    expect(s.errors).toEqual([]);
    expect(s.page.data.got).toEqual({ id: 'b', color: '', height: '' });
  });
});

describe('media queries on the simulated screen', () => {
  it('shows the match-media whose width query the screen meets, and hides the other', async () => {
    const wxml = `<match-media max-width="500"><text class="narrow">narrow</text></match-media>
<match-media min-width="501"><text class="wide">wide</text></match-media>`;
    const narrow = await open({ js: 'Page({});', wxml });
    expect(narrow.errors).toEqual([]);
    expect(
      narrow.query('.narrow')!.closest('[data-plaza="match-media"]')!.hasAttribute('data-unmatched'),
    ).toBe(false);
    expect(narrow.query('.wide')!.closest('[data-plaza="match-media"]')!.hasAttribute('data-unmatched')).toBe(
      true,
    );
    narrow.close();
    sim = await launch(await program({ js: 'Page({});', wxml }), {
      scenario: { systemInfo: { windowWidth: 768 } },
    });
    expect(sim.query('.wide')!.closest('[data-plaza="match-media"]')!.hasAttribute('data-unmatched')).toBe(
      false,
    );
  });
});

describe('automation', () => {
  it('keeps the logic out of reach unless launched for the automator', async () => {
    const s = await open({ js: 'Page({ data: { n: 1 } });', wxml: '<view>{{n}}</view>' });
    expect(() => s.runInLogic('1')).toThrow(expect.objectContaining({ code: 'SIM_AUTOMATION_OFF' }));
    s.close();
    sim = await launch(await program({ js: 'Page({ data: { n: 1 } });', wxml: '<view>{{n}}</view>' }), {
      automation: true,
    });
    expect(sim.runInLogic('String(__plaza_automated_logic.getCurrentPages()[0].data.n)')).toBe('1');
  });
});
