import { describe, expect, it } from 'vitest';
import { logicHarness } from '../testing/logic-harness.ts';

// App events the logic layer raises itself, headless. Titles name the members (see docs/api-matrix.md).
const log = `var log = []; module.exports = log;`;

describe('app events', () => {
  it('wx.onPageNotFound hears a launch at a page the app does not have; wx.offPageNotFound removes a listener', async () => {
    const t = logicHarness({
      'log.js': log,
      'app.js': `var log = require('./log'); var never = function () { log.push('never'); };
        App({ log: log, onLaunch() { wx.onPageNotFound(function (r) { log.push(r.path + ':' + r.isEntryPage); });
          wx.onPageNotFound(never); wx.offPageNotFound(never); } });`,
      'pages/index/index.js': 'Page({});',
    });
    await t.logic.launch({ path: 'pages/gone/gone' });
    expect((t.logic.getApp() as { log: string[] }).log).toEqual(['pages/gone/gone:true']);
    expect(t.logic.getCurrentPages()).toHaveLength(1);
  });

  it("wx.onError hears a handler's exception, and wx.offError removes a listener", async () => {
    const t = logicHarness({
      'log.js': log,
      'app.js': `var log = require('./log'); var never = function () { log.push('never'); };
        App({ log: log, onLaunch() { wx.onError(function (m) { log.push(String(m).indexOf('kaput') >= 0); });
          wx.onError(never); wx.offError(never); } });`,
      'pages/index/index.js': `Page({ onLoad() { setTimeout(function () { throw new Error('kaput'); }, 0); } });`,
    });
    await t.logic.launch();
    await t.tick();
    expect((t.logic.getApp() as { log: unknown[] }).log).toEqual([true]);
    expect(t.of('error').map((e) => e.message)).toEqual(['kaput']);
  });

  it('wx.offAppHide, wx.offNetworkStatusChange and wx.offThemeChange remove one listener, or all without one', async () => {
    const t = logicHarness({
      'log.js': log,
      'app.js': `var log = require('./log');
        App({ log: log, onLaunch() {
          var a = function () { log.push('a'); }; var b = function (r) { log.push('b:' + (r.theme || r.networkType || 'hide')); };
          wx.onAppHide(a); wx.onAppHide(b); wx.offAppHide(a);
          wx.onNetworkStatusChange(a); wx.onNetworkStatusChange(b); wx.offNetworkStatusChange(a);
          wx.onThemeChange(a); wx.onThemeChange(b); wx.offThemeChange();
        } });`,
      'pages/index/index.js': 'Page({});',
    });
    await t.logic.launch();
    t.logic.receive({ v: 1, type: 'app.hide' });
    t.logic.receive({
      v: 1,
      type: 'host.event',
      event: 'NetworkStatusChange',
      payload: { networkType: 'none' },
    });
    t.logic.receive({ v: 1, type: 'host.event', event: 'ThemeChange', payload: { theme: 'dark' } });
    expect((t.logic.getApp() as { log: string[] }).log).toEqual(['b:hide', 'b:none']);
  });
});

describe('routing', () => {
  it('wx.navigateTo hands back an EventChannel that talks with the opened page through getOpenerEventChannel', async () => {
    const t = logicHarness({
      'log.js': log,
      'app.js': `var log = require('./log'); App({ log: log });`,
      'pages/index/index.js': `var log = require('../../log');
        Page({ onLoad() {
          wx.navigateTo({ url: '/pages/next/next', events: { ack: function (d) { log.push('opener heard ' + d); } } })
            .then(function (res) { res.eventChannel.emit('hello', 'from opener'); });
        } });`,
      'pages/next/next.js': `var log = require('../../log');
        Page({ onLoad() {
          var channel = this.getOpenerEventChannel();
          channel.once('hello', function (d) { log.push('page heard ' + d); channel.emit('ack', 'thanks'); });
        } });`,
    });
    await t.logic.launch();
    await t.tick();
    expect((t.logic.getApp() as { log: string[] }).log).toEqual([
      'page heard from opener',
      'opener heard thanks',
    ]);
  });
});
