import { describe, expect, it } from 'vitest';
import { logicHarness, type ProgramApi } from '../testing/logic-harness.ts';
import { createMemoryHost } from '../testing/memory-host.ts';

const log = `var log = []; module.exports = log;`;

describe('lifecycles', () => {
  it('runs App onLaunch → onShow → page onLoad → onShow → onReady, and hides/unloads on navigation', async () => {
    const t = logicHarness({
      'log.js': log,
      'app.js': `var log = require('./log'); App({ log: log, onLaunch(o) { log.push('app.onLaunch:' + o.path); }, onShow() { log.push('app.onShow'); } });`,
      'pages/index/index.js': `var log = require('../../log');
        Page({ data: { n: 1 }, onLoad(q) { log.push('index.onLoad:' + q.from); }, onShow() { log.push('index.onShow'); },
          onReady() { log.push('index.onReady'); }, onHide() { log.push('index.onHide'); }, onUnload() { log.push('index.onUnload'); } });`,
      'pages/detail/detail.js': `var log = require('../../log');
        Page({ onLoad(q) { log.push('detail.onLoad:' + q.id); }, onShow() { log.push('detail.onShow'); }, onUnload() { log.push('detail.onUnload'); } });`,
    });
    await t.logic.launch({ path: 'pages/index/index', query: { from: 'video' } });
    const page = t.of('page.create')[0]!;
    expect(page).toMatchObject({ path: 'pages/index/index', data: { n: 1 }, query: { from: 'video' } });
    t.logic.receive({ v: 1, type: 'render.done', instanceId: page.instanceId, renderId: 0 });
    const api = t.logic.api as ProgramApi;
    await api.navigateTo({ url: '../detail/detail?id=7' });
    await api.navigateBack({});
    expect((t.logic.getCurrentPages()[0] as { route: string }).route).toBe('pages/index/index');
    const events = t.of('page.navigate').map((m) => [m.action, m.stack.map((s) => s.path)]);
    expect(events).toEqual([
      ['launch', ['pages/index/index']],
      ['navigateTo', ['pages/index/index', 'pages/detail/detail']],
      ['navigateBack', ['pages/index/index']],
    ]);
    expect(t.of('page.destroy')).toHaveLength(1);
    const logged = (t.logic.getApp() as { log: string[] }).log;
    expect(logged).toEqual([
      'app.onLaunch:pages/index/index',
      'app.onShow',
      'index.onLoad:video',
      'index.onShow',
      'index.onReady',
      'index.onHide',
      'detail.onLoad:7',
      'detail.onShow',
      'detail.onUnload',
      'index.onShow',
    ]);
  });
});

describe('setData', () => {
  const program = {
    'pages/index/index.js': `Page({ data: { list: [{ price: 1 }, { price: 2 }], title: 'a', user: { name: 'x' } },
      onLoad() { this.setData({ title: 'b' }); } });`,
  };

  it('updates this.data at once and sends one minimal patch per tick', async () => {
    const t = logicHarness(program);
    await t.logic.launch();
    const created = t.of('page.create')[0]!;
    expect(created.data.title).toBe('b');
    const page = t.logic.getCurrentPages()[0] as {
      setData(u: object, cb?: () => void): void;
      data: Record<string, unknown>;
    };
    page.setData({ 'list[1].price': 5 });
    expect((page.data.list as { price: number }[])[1]!.price).toBe(5);
    page.setData({ 'user.name': 'y', title: 'b' });
    await t.tick();
    const patches = t.of('patch');
    expect(patches).toHaveLength(1);
    expect(patches[0]!.changes).toEqual({ 'list[1].price': 5, 'user.name': 'y' });
  });

  it('sends nothing for unchanged values and calls the callback after the view rendered', async () => {
    const t = logicHarness(program);
    await t.logic.launch();
    const id = t.of('page.create')[0]!.instanceId;
    t.logic.receive({ v: 1, type: 'render.done', instanceId: id, renderId: 0 });
    const page = t.logic.getCurrentPages()[0] as { setData(u: object, cb?: () => void): void };
    const calls: string[] = [];
    page.setData({ title: 'b' }, () => calls.push('unchanged'));
    await t.tick();
    expect(t.of('patch')).toHaveLength(0);
    expect(calls).toEqual(['unchanged']);
    page.setData({ title: 'c' }, () => calls.push('changed'));
    await t.tick();
    expect(calls).toEqual(['unchanged']);
    const patch = t.of('patch')[0]!;
    t.logic.receive({ v: 1, type: 'render.done', instanceId: id, renderId: patch.renderId });
    expect(calls).toEqual(['unchanged', 'changed']);
  });
});

describe('page stack', () => {
  const pages: Record<string, string> = {};
  for (let i = 0; i < 11; i++) pages[`pages/p${i}/p${i}.js`] = 'Page({});';
  pages['pages/tab/tab.js'] = 'Page({});';

  it('refuses an eleventh page and tab pages outside switchTab, with the dialects errMsg', async () => {
    const t = logicHarness(pages, {
      appConfig: { tabBar: { list: [{ pagePath: 'pages/tab/tab' }, { pagePath: 'pages/p0/p0' }] } },
    });
    await t.logic.launch({ path: 'pages/p0/p0' });
    const api = t.logic.api as ProgramApi;
    for (let i = 1; i < 10; i++)
      expect((await api.navigateTo({ url: `/pages/p${i}/p${i}` })).errMsg).toBe('navigateTo:ok');
    await expect(api.navigateTo({ url: '/pages/p10/p10' })).rejects.toEqual({
      errMsg: 'navigateTo:fail webview count limit exceed',
    });
    await expect(api.navigateTo({ url: '/pages/tab/tab' })).rejects.toEqual({
      errMsg: 'navigateTo:fail can not navigateTo a tabbar page',
    });
    await expect(api.navigateTo({ url: '/pages/none/none' })).rejects.toEqual({
      errMsg: 'navigateTo:fail page "pages/none/none" is not found',
    });
    await expect(api.switchTab({ url: '/pages/p3/p3' })).rejects.toEqual({
      errMsg: 'switchTab:fail can not switch to no-tabBar page',
    });
    expect(t.logic.getCurrentPages()).toHaveLength(10);
    await api.navigateBack({ delta: 20 });
    expect(t.logic.getCurrentPages()).toHaveLength(1);
    await expect(api.navigateBack({})).rejects.toEqual({
      errMsg: 'navigateBack:fail cannot navigate back at first page.',
    });
    await api.switchTab({ url: '/pages/tab/tab' });
    expect(t.logic.getCurrentPages().map((p) => (p as { route: string }).route)).toEqual(['pages/tab/tab']);
    await api.reLaunch({ url: '/pages/p5/p5?x=1' });
    expect((t.logic.getCurrentPages()[0] as { options: object }).options).toEqual({ x: '1' });
  });
});

describe('errors', () => {
  it('reports a throwing lifecycle to App.onError and to the host with the file and line', async () => {
    const t = logicHarness({
      'app.js': `App({ onError(e) { getApp().errors.push(String(e).split('\\n')[0]); }, errors: [] });`,
      'pages/index/index.js': `Page({
  onLoad() {
    throw new Error('boom');
  },
});`,
    });
    await t.logic.launch();
    const error = t.of('error')[0]!;
    expect(error).toMatchObject({
      source: 'lifecycle',
      message: 'boom',
      file: 'pages/index/index.js',
      line: 3,
    });
    expect((t.logic.getApp() as { errors: string[] }).errors).toEqual(['Error: boom']);
    // The page still opened: a lifecycle error does not take the app down.
    expect(t.of('page.create')).toHaveLength(1);
  });

  it('reports a module that throws at load', async () => {
    const t = logicHarness({
      'app.js': `throw new TypeError('bad app');`,
      'pages/index/index.js': 'Page({});',
    });
    await t.logic.launch();
    expect(t.of('error')[0]).toMatchObject({ source: 'load', message: 'bad app', file: 'app.js' });
  });

  it('drops malformed messages and says why', () => {
    const t = logicHarness({ 'pages/index/index.js': 'Page({});' });
    expect(t.logic.receive({ v: 1, type: 'event', instanceId: 'p1' })).toBe(false);
    expect(t.of('log')[0]!.message).toMatch(/^dropped message: malformed event/);
  });
});

describe('the tt/wx API', () => {
  it('follows success/fail/complete and Promise conventions with errMsg', async () => {
    const host = createMemoryHost({ pay: async () => ({ code: 4 }) });
    const t = logicHarness({ 'pages/index/index.js': 'Page({});' }, {}, host);
    await t.logic.launch();
    const api = t.logic.api as ProgramApi;
    const seen: unknown[] = [];
    const returned = api.login({
      success: (r: unknown) => seen.push(['success', r]),
      complete: (r: unknown) => seen.push(['complete', r]),
    });
    expect(returned).toBeUndefined();
    await t.tick();
    expect(seen).toEqual([
      ['success', { code: 'code-1', anonymousCode: 'anon-1', isLogin: true, errMsg: 'login:ok' }],
      ['complete', { code: 'code-1', anonymousCode: 'anon-1', isLogin: true, errMsg: 'login:ok' }],
    ]);
    await expect(api.pay({ orderInfo: { order_id: 'o1', order_token: 't' }, service: 5 })).resolves.toEqual({
      code: 4,
      errMsg: 'pay:ok',
    });
    await expect(api.pay({ orderInfo: {} })).rejects.toMatchObject({
      errMsg: expect.stringMatching(/^pay:fail /),
    });
    await expect(api.request({ url: 'https://api.example.com' })).rejects.toEqual({
      errMsg: 'request:fail no network in the memory host',
    });
    await expect(api.getStorage({ key: 'nope' })).rejects.toEqual({
      errMsg: 'getStorage:fail data not found',
    });
    api.setStorageSync('cart', { items: [1] });
    expect(api.getStorageSync('cart')).toEqual({ items: [1] });
    expect(api.getStorageSync('missing')).toBe('');
    await t.tick();
    expect(host.store.get('cart')).toEqual({ items: [1] });
    expect(api.canIUse('request.success.data')).toBe(true);
    expect(api.canIUse('openBluetoothAdapter')).toBe(false);
  });

  it('exposes wx in a tt program and every supported member on the object', async () => {
    const { SUPPORTED_APIS } = await import('../api/supported-apis.ts');
    const t = logicHarness({ 'pages/index/index.js': `Page({ onLoad() { this.same = tt === wx; } });` });
    await t.logic.launch();
    expect((t.logic.getCurrentPages()[0] as { same: boolean }).same).toBe(true);
    expect(SUPPORTED_APIS.filter((name) => !(name in t.logic.api))).toEqual([]);
  });

  it('loads storage at launch and answers the host-less worker form through host.call', async () => {
    const { createLogic } = await import('./create-logic.ts');
    const { bundleLogic } = await import('../testing/logic-harness.ts');
    const { serveHost } = await import('../api/remote-host.ts');
    const host = createMemoryHost();
    host.store.set('token', 'abc');
    const logic = createLogic({
      logic: bundleLogic({
        'pages/index/index.js': `Page({ onLoad() { this.token = wx.getStorageSync('token'); } });`,
      }),
      manifest: { dialect: 'tt', entryPage: 'pages/index/index', pages: ['pages/index/index'] },
      send: (m) => {
        if (m.type === 'host.call') void serveHost(host, m, (r) => logic.receive(r));
      },
    });
    await logic.launch();
    expect((logic.getCurrentPages()[0] as { token: string }).token).toBe('abc');
  });
});

describe('program globals', () => {
  it("gives modules WeChat's __wxConfig, whose envVersion is what getAccountInfoSync says", async () => {
    const t = logicHarness({
      'config.js': `module.exports = { product: __wxConfig.envVersion === 'release', env: __wxConfig.envVersion,
        pages: __wxConfig.pages, entry: __wxConfig.entryPagePath };`,
      'app.js': `var config = require('./config'); App({ config: config,
        same: wx.getAccountInfoSync().miniProgram.envVersion === config.env });`,
      'pages/index/index.js': 'Page({});',
    });
    await t.logic.launch();
    expect(t.logic.getApp()).toMatchObject({
      config: { product: true, env: 'release', pages: ['pages/index/index'], entry: 'pages/index/index' },
      same: true,
    });
  });
});
