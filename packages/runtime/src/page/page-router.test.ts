import { describe, expect, it } from 'vitest';
import { logicHarness, type ProgramApi } from '../testing/logic-harness.ts';

/** Pages that log their lifecycles into the app's `log`. */
function logged(names: string[]): Record<string, string> {
  const files: Record<string, string> = { 'app.js': 'App({ log: [] });' };
  for (const name of names) {
    const hooks = ['onLoad', 'onShow', 'onHide', 'onUnload']
      .map((hook) => `${hook}() { getApp().log.push('${name}.${hook}'); }`)
      .join(', ');
    files[`pages/${name}/${name}.js`] = `Page({ ${hooks} });`;
  }
  return files;
}

const tabs = {
  appConfig: { tabBar: { list: [{ pagePath: 'pages/home/home' }, { pagePath: 'pages/me/me' }] } },
};

async function app() {
  const t = logicHarness(logged(['home', 'me', 'list', 'detail']), tabs);
  await t.logic.launch({ path: 'pages/home/home' });
  const api = t.logic.api as ProgramApi;
  const log = (t.logic.getApp() as { log: string[] }).log;
  const stack = () => t.logic.getCurrentPages().map((p) => (p as { route: string }).route);
  return { t, api, stack, take: () => log.splice(0) };
}

describe('redirectTo', () => {
  it('replaces the top page, unloading it, and refuses tab pages and unknown pages', async () => {
    const { api, stack, take } = await app();
    await api.navigateTo({ url: '/pages/list/list' });
    take();
    expect(await api.redirectTo({ url: '../detail/detail?id=1' })).toEqual({ errMsg: 'redirectTo:ok' });
    expect(stack()).toEqual(['pages/home/home', 'pages/detail/detail']);
    expect(take()).toEqual(['list.onUnload', 'detail.onLoad', 'detail.onShow']);
    await expect(api.redirectTo({ url: '/pages/me/me' })).rejects.toEqual({
      errMsg: 'redirectTo:fail can not redirectTo a tabbar page',
    });
    await expect(api.redirectTo({ url: '/pages/gone/gone' })).rejects.toEqual({
      errMsg: 'redirectTo:fail page "pages/gone/gone" is not found',
    });
  });
});

describe('what is a page', () => {
  it('is only what app.json declares: a component or helper module is not found, however it exists', async () => {
    const t = logicHarness(
      { 'pages/home/home.js': 'Page({});', 'components/card/card.js': 'Component({});' },
      { pages: ['pages/home/home'] },
    );
    await t.logic.launch();
    await expect((t.logic.api as ProgramApi).navigateTo({ url: '/components/card/card' })).rejects.toEqual({
      errMsg: 'navigateTo:fail page "components/card/card" is not found',
    });
  });
});

describe('switchTab', () => {
  it('keeps tab pages alive (hidden, not unloaded) and unloads the pages above them', async () => {
    const { api, stack, take } = await app();
    await api.navigateTo({ url: '/pages/list/list' });
    take();
    await api.switchTab({ url: '/pages/me/me' });
    expect(stack()).toEqual(['pages/me/me']);
    expect(take()).toEqual(['list.onUnload', 'me.onLoad', 'me.onShow']);
    await api.switchTab({ url: '/pages/home/home' });
    // The home tab was kept: shown again, not loaded again.
    expect(take()).toEqual(['me.onHide', 'home.onShow']);
    await expect(api.switchTab({ url: '/pages/list/list' })).rejects.toEqual({
      errMsg: 'switchTab:fail can not switch to no-tabBar page',
    });
  });
});

describe('reLaunch', () => {
  it('unloads every page, kept tabs included, and opens the one asked for; refuses an unknown page', async () => {
    const { api, stack, take } = await app();
    await api.switchTab({ url: '/pages/me/me' });
    await api.navigateTo({ url: '/pages/list/list' }).catch(() => {});
    take();
    expect(await api.reLaunch({ url: '/pages/detail/detail?x=1' })).toEqual({ errMsg: 'reLaunch:ok' });
    expect(stack()).toEqual(['pages/detail/detail']);
    expect(
      take()
        .filter((e) => e.endsWith('onUnload'))
        .sort(),
    ).toEqual(['home.onUnload', 'list.onUnload', 'me.onUnload']);
    await expect(api.reLaunch({ url: '/pages/nowhere/nowhere' })).rejects.toEqual({
      errMsg: 'reLaunch:fail page "pages/nowhere/nowhere" is not found',
    });
    expect(stack()).toEqual(['pages/detail/detail']);
  });
});

describe('the app and the host', () => {
  it('passes app.hide/app.show to the app and the top page, and calls onPageNotFound for a missing entry', async () => {
    const files = logged(['home']);
    files['app.js'] = `App({ log: [],
      onShow(o) { this.log.push('app.onShow:' + o.scene); }, onHide() { this.log.push('app.onHide'); },
      onPageNotFound(r) { this.log.push('notFound:' + r.path + ':' + r.isEntryPage); } });`;
    const t = logicHarness(files);
    await t.logic.launch({ path: 'pages/missing/missing', scene: 1011 });
    const log = (t.logic.getApp() as { log: string[] }).log;
    expect(log.splice(0)).toEqual([
      'app.onShow:1011',
      'notFound:pages/missing/missing:true',
      'home.onLoad',
      'home.onShow',
    ]);
    t.logic.receive({ v: 1, type: 'app.hide' });
    t.logic.receive({ v: 1, type: 'app.show', options: { scene: 1038 } });
    expect(log).toEqual(['home.onHide', 'app.onHide', 'app.onShow:1038', 'home.onShow']);
  });
});

describe('getCurrentPages during onLoad', () => {
  it('already ends with the page being loaded, however it was reached', async () => {
    const files: Record<string, string> = { 'app.js': 'App({ log: [] });' };
    for (const name of ['home', 'me', 'list', 'detail']) {
      files[`pages/${name}/${name}.js`] =
        `Page({ onLoad() { var pages = getCurrentPages(); var top = pages[pages.length - 1];
        getApp().log.push('${name}:' + pages.map(function (p) { return p.route; }).join(',') + ':' + (top === this)); } });`;
    }
    const t = logicHarness(files, tabs);
    await t.logic.launch({ path: 'pages/home/home' });
    const api = t.logic.api as ProgramApi;
    await api.navigateTo({ url: '/pages/list/list' });
    await api.redirectTo({ url: '/pages/detail/detail' });
    await api.switchTab({ url: '/pages/me/me' });
    await api.reLaunch({ url: '/pages/list/list' });
    expect((t.logic.getApp() as { log: string[] }).log).toEqual([
      'home:pages/home/home:true',
      'list:pages/home/home,pages/list/list:true',
      'detail:pages/home/home,pages/detail/detail:true',
      'me:pages/me/me:true',
      'list:pages/list/list:true',
    ]);
  });
});
