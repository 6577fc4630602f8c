import { describe, expect, it } from 'vitest';
import { logicHarness } from '../testing/logic-harness.ts';

// Plaza has no ad network: an ad exists as the typings declare it and never fills, as a program
// sees when no ad is served (errCode 1004), so its no-ad path runs and nothing throws.
describe('ads without an ad network', () => {
  it('wx.createInterstitialAd and wx.createRewardedVideoAd give ads whose load and show reject with errCode 1004, heard by onError', async () => {
    const t = logicHarness({
      'app.js': `var log = []; App({ log: log, onLaunch() {
        var ad = wx.createInterstitialAd({ adUnitId: 'adunit-1' });
        ad.onError(function (e) { log.push('heard ' + e.errCode + ' ' + e.errMsg); });
        ad.onLoad(function () { log.push('loaded'); });
        ad.onClose(function () { log.push('closed'); });
        ad.show().catch(function (e) { log.push('show ' + e.errCode); });
        var video = wx.createRewardedVideoAd({ adUnitId: 'adunit-2' });
        video.load().then(function () { log.push('filled'); }, function (e) { log.push('load ' + e.errCode); });
        ['load', 'show', 'destroy', 'onLoad', 'offLoad', 'onError', 'offError', 'onClose', 'offClose']
          .forEach(function (m) { if (typeof video[m] !== 'function') log.push('no ' + m); });
      } });`,
      'pages/index/index.js': 'Page({});',
    });
    await t.logic.launch();
    await t.tick();
    expect((t.logic.getApp() as { log: string[] }).log.sort()).toEqual([
      // The show, then the load every ad makes when it is created.
      'heard 1004 no advertisement available',
      'heard 1004 no advertisement available',
      'load 1004',
      'show 1004',
    ]);
    expect(t.of('error')).toEqual([]);
  });

  it('tt.createInterstitialAd: offError and destroy stop the listeners; a listener that throws is the program’s error, not the app’s end', async () => {
    const t = logicHarness(
      {
        'app.js': `var log = []; App({ log: log, onLaunch() {
          var ad = tt.createInterstitialAd({ adUnitId: 'adunit-1' });
          var quiet = function () { log.push('removed listener ran'); };
          ad.onError(quiet);
          ad.offError(quiet);
          ad.onError(function () { throw new Error('listener broke'); });
          var other = tt.createInterstitialAd({ adUnitId: 'adunit-2' });
          other.onError(function () { log.push('destroyed listener ran'); });
          other.destroy();
          this.ok = true;
        } });`,
        'pages/index/index.js': 'Page({});',
      },
      { dialect: 'tt' },
    );
    await t.logic.launch();
    await t.tick();
    expect(t.logic.getApp()).toMatchObject({ ok: true, log: [] });
    expect(t.logic.getCurrentPages()).toHaveLength(1);
    expect(t.of('error').map((e) => JSON.stringify(e))).toEqual([expect.stringContaining('listener broke')]);
  });
});
