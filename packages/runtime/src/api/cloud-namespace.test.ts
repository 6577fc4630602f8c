import { describe, expect, it } from 'vitest';
import { logicHarness } from '../testing/logic-harness.ts';

// Plaza has no cloud backend: wx.cloud exists as WeChat's typings declare it, init succeeds,
// and every call that would reach the backend fails the platform's way.
describe('wx.cloud without a cloud backend', () => {
  it('lets onLaunch call wx.cloud.init and keeps the app running', async () => {
    const t = logicHarness({
      'app.js': `App({ onLaunch() { this.inited = wx.cloud.init({ env: 'prod', traceUser: true }); this.ok = true; } });`,
      'pages/index/index.js': 'Page({});',
    });
    await t.logic.launch();
    expect(t.logic.getApp()).toMatchObject({ ok: true, inited: undefined });
    expect(t.logic.getCurrentPages()).toHaveLength(1);
    expect(t.of('error')).toEqual([]);
  });

  it('fails service calls through fail and complete, and through the promise', async () => {
    const t = logicHarness({
      'app.js': `var log = []; App({ log: log, onLaunch() {
        wx.cloud.init();
        wx.cloud.callFunction({ name: 'login', fail(e) { log.push('fail ' + e.errMsg); }, complete(e) { log.push('complete ' + e.errMsg); } });
        var task = wx.cloud.uploadFile({ cloudPath: 'a.png', filePath: 'x', fail(e) { log.push(e.errMsg); } });
        log.push(typeof task.onProgressUpdate);
        wx.cloud.getTempFileURL({ fileList: ['cloud://x'] }).catch(function (e) { log.push('caught ' + e.errMsg); });
        wx.cloud.deleteFile({ fileList: [] }).catch(function (e) { log.push('caught ' + e.errMsg); });
      } });`,
      'pages/index/index.js': 'Page({});',
    });
    await t.logic.launch();
    await t.tick();
    const log = (t.logic.getApp() as { log: string[] }).log;
    expect(log).toEqual(
      expect.arrayContaining([
        'fail cloud.callFunction:fail not supported',
        'complete cloud.callFunction:fail not supported',
        'cloud.uploadFile:fail not supported',
        'caught cloud.getTempFileURL:fail not supported',
        'caught cloud.deleteFile:fail not supported',
      ]),
    );
    expect(log).toHaveLength(6);
    expect(t.of('error')).toEqual([]);
  });

  it('builds database queries and fails them when they are sent', async () => {
    const t = logicHarness({
      'app.js': `var log = []; App({ log: log, onLaunch() {
        var db = wx.cloud.database();
        var _ = db.command;
        db.collection('todos').where({ done: _.eq(false) }).orderBy('due', 'asc').limit(10).get()
          .catch(function (e) { log.push(e.errMsg); });
        db.collection('todos').doc('id1').update({ data: { done: true }, fail(e) { log.push(e.errMsg); } });
        db.collection('todos').add({ data: { at: db.serverDate() } }).catch(function (e) { log.push(e.errMsg); });
      } });`,
      'pages/index/index.js': 'Page({});',
    });
    await t.logic.launch();
    await t.tick();
    expect((t.logic.getApp() as { log: string[] }).log.sort()).toEqual([
      'collection.add:fail not supported',
      'collection.get:fail not supported',
      'document.update:fail not supported',
    ]);
    expect(t.of('error')).toEqual([]);
  });
});
