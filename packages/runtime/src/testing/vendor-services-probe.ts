/**
 * A probe program for the vendors' own services Plaza has no backend for (ads, cloud
 * development): it launches with `wx.cloud.init` in onLaunch, asks for ads and calls the cloud,
 * and shows in `#out` what each gave. The simulator's, the browser container's and
 * `plaza check`'s tests open the same program.
 */
// A function, not a constant: a template at module level stays in every bundle importing the runtime.
const vendorServicesPage = () => `
const out = {};
const settled = (p) => p.then(() => 'ok', (e) => (e.errCode ? e.errCode + ' ' : '') + e.errMsg);
Page({
  data: { json: '{}', done: false },
  async onLoad() {
    const interstitial = wx.createInterstitialAd({ adUnitId: 'adunit-probe' });
    const heard = [];
    const listener = (e) => heard.push(e.errCode);
    interstitial.onError(listener);
    interstitial.onLoad(() => heard.push('load'));
    interstitial.onClose(() => heard.push('close'));
    out.interstitial = [await settled(interstitial.load()), await settled(interstitial.show())];
    interstitial.offError(listener);
    await settled(interstitial.show());
    out.interstitialHeard = heard;
    out.destroyed = interstitial.destroy() === undefined;

    const video = wx.createRewardedVideoAd({ adUnitId: 'adunit-video' });
    out.rewardedVideo = await settled(video.show());
    const tiktok = tt.createInterstitialAd({ adUnitId: 'adunit-tt' });
    out.ttInterstitial = await new Promise((resolve) => tiktok.onError((e) => resolve(e.errCode)));

    const db = wx.cloud.database();
    out.cloud = [
      await settled(wx.cloud.callFunction({ name: 'login' })),
      await settled(db.collection('todos').where({ done: db.command.eq(false) }).get()),
      await settled(db.collection('todos').doc('t1').remove()),
      await settled(new wx.cloud.Cloud({ resourceEnv: 'other' }).callFunction({ name: 'login' })),
      await new Promise((resolve) => wx.cloud.uploadFile({ cloudPath: 'a.png', filePath: 'x', complete: (r) => resolve(r.errMsg) })),
    ];
    this.setData({ json: JSON.stringify(out), done: true });
  },
});
`;

/** The probe's files: a launch that calls `wx.cloud.init`, one page that shows its findings. */
export function vendorServicesProbeFiles(): Record<string, string> {
  return {
    'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
    'app.js': `App({ onLaunch() { this.cloudInit = wx.cloud.init({ env: 'probe', traceUser: true }); } });`,
    'pages/index/index.js': vendorServicesPage(),
    'pages/index/index.wxml': '<view id="done">{{done}}</view><text id="out">{{json}}</text>',
  };
}

/** What the probe shows where no ad network or cloud backend serves it, as on the platforms. */
export const VENDOR_SERVICES_PROBE_OUT = {
  interstitial: ['1004 no advertisement available', '1004 no advertisement available'],
  // The load on creation, `load()` and the first `show()`; the second came after `offError`.
  interstitialHeard: [1004, 1004, 1004],
  destroyed: true,
  rewardedVideo: '1004 no advertisement available',
  ttInterstitial: 1004,
  cloud: [
    'cloud.callFunction:fail not supported',
    'collection.get:fail not supported',
    'document.remove:fail not supported',
    'cloud.callFunction:fail not supported',
    'cloud.uploadFile:fail not supported',
  ],
};
