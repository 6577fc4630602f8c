import { PROBE_PNG_BASE64 } from './member-probe.ts';
import { SILENT_WAV_SOURCE } from './silent-wav.ts';

/**
 * A second probe program, for the device, routing and program members (sensors, battery, window
 * size, route events, idle callbacks, privacy, videos and files): the simulator's and the browser
 * container's tests open the same program and read what each member gave in `#out`.
 */
// Functions, not constants: a tagged template at module level stays in every bundle that
// imports the runtime (the frames), used or not; a function that is never called goes.
const deviceProbeApp = () => `
const ROUTE_EVENTS = ['BeforeAppRoute', 'AppRoute', 'AppRouteDone', 'BeforePageLoad', 'AfterPageLoad', 'BeforePageUnload', 'AfterPageUnload'];
App({
  onLaunch() {
    // Listening from launch on, so the launch's own route is heard too.
    const routes = [];
    this.routes = routes;
    for (const name of ROUTE_EVENTS) {
      wx['on' + name]((r) => routes.push([name, r.openType || '-', r.path, r.routeEventId ? 'id' : 'no id'].join(' ')));
      const never = () => routes.push('removed ' + name + ' listener ran');
      wx['on' + name](never);
      wx['off' + name](never);
    }
  },
});
`;

const deviceProbePage = () => String.raw`${SILENT_WAV_SOURCE}
const out = { resize: [], sensors: {}, started: [], stopped: [], keys: [] };
const settle = (p) => p.then((r) => r, (e) => ({ failed: e && e.errMsg }));
Page({
  data: { json: '{}', done: false },
  publish() { this.setData({ json: JSON.stringify(out) }); },
  async onLoad(query) {
    this.ws = query.ws;
    const publish = () => this.publish();
    out.apiCategory = wx.getApiCategory();
    out.ttPerformance = tt.performance.getEntriesByType('script').map((e) => e.name);
    const never = () => { out.categoryChanged = true; };
    wx.onApiCategoryChange(never);
    wx.offApiCategoryChange(never);
    out.extSync = wx.getExtConfigSync();
    out.ext = await wx.getExtConfig();
    out.privacy = await wx.getPrivacySetting();
    out.requirePrivacy = (await wx.requirePrivacyAuthorize()).errMsg;
    wx.onNeedPrivacyAuthorization(() => { out.privacyAsked = true; });
    wx.reportPerformance(1101, 680, 'probe');
    out.audioOption = [
      (await settle(wx.setInnerAudioOption({ mixWithOther: true, obeyMuteSwitch: false }))).errMsg,
      (await settle(wx.setInnerAudioOption({ speakerOn: 'yes' }))).failed,
    ];
    out.userAgent = (await wx.getRendererUserAgent()).userAgent;
    wx.requestIdleCallback((deadline) => {
      out.idle = { didTimeout: deadline.didTimeout, remaining: deadline.timeRemaining() > 0 };
      publish();
    }, { timeout: 5000 });
    const cancelled = wx.requestIdleCallback(() => { out.cancelledRan = true; publish(); });
    wx.cancelIdleCallback(cancelled);
    out.batteryInfo = await settle(wx.getBatteryInfo());
    wx.onBatteryInfoChange((r) => { out.batteryChange = r; out.batterySync = wx.getBatteryInfoSync(); publish(); });
    const offBattery = () => { out.removedBatteryRan = true; };
    wx.onBatteryInfoChange(offBattery);
    wx.offBatteryInfoChange(offBattery);
    wx.onWindowResize((r) => { out.resize.push(r.size.windowWidth + 'x' + r.size.windowHeight); publish(); });
    const offResize = () => { out.removedResizeRan = true; };
    wx.onWindowResize(offResize);
    wx.offWindowResize(offResize);
    wx.onKeyDown((r) => { out.keys.push(['down', r.key, r.code, r.keyCode].join(' ')); publish(); });
    wx.onKeyUp((r) => { out.keys.push(['up', r.key, r.code, r.keyCode].join(' ')); publish(); });
    wx.onKeyboardHeightChange((r) => { out.keyboard = (out.keyboard || []).concat(r.height); publish(); });
    const offKeyboard = () => { out.removedKeyboardRan = true; };
    wx.onKeyboardHeightChange(offKeyboard);
    wx.offKeyboardHeightChange(offKeyboard);
    const offKey = () => { out.removedKeyRan = true; };
    wx.onKeyDown(offKey); wx.offKeyDown(offKey);
    wx.onKeyUp(offKey); wx.offKeyUp(offKey);
    wx.onAccelerometerChange((r) => { out.sensors.accelerometer = r; out.ys = (out.ys || []).concat(Math.round(r.y)); publish(); });
    wx.onCompassChange((r) => { out.sensors.compass = r; publish(); });
    wx.onGyroscopeChange((r) => { out.sensors.gyroscope = r; publish(); });
    wx.onDeviceMotionChange((r) => { out.sensors.deviceMotion = r; publish(); });
    const offSensor = () => { out.removedSensorRan = true; publish(); };
    for (const name of ['Accelerometer', 'Compass', 'Gyroscope', 'DeviceMotion']) {
      wx['on' + name + 'Change'](offSensor);
      wx['off' + name + 'Change'](offSensor);
    }
    this.setData({ done: true });
    publish();
  },
  onShow() {
    out.routes = getApp().routes.slice();
    this.publish();
  },
  async startSensors() {
    out.started = [
      (await settle(wx.startAccelerometer({ interval: 'game' }))).errMsg,
      (await settle(wx.startCompass())).errMsg,
      (await settle(wx.startGyroscope({ interval: 'ui' }))).errMsg,
      (await settle(wx.startDeviceMotionListening({ interval: 'normal' }))).errMsg,
    ];
    this.publish();
  },
  async stopSensors() {
    out.stopped = [
      (await settle(wx.stopAccelerometer())).errMsg,
      (await settle(wx.stopCompass())).errMsg,
      (await settle(wx.stopGyroscope())).errMsg,
      (await settle(wx.stopDeviceMotionListening())).errMsg,
    ];
    this.publish();
  },
  go() { wx.navigateTo({ url: '/pages/second/second?from=probe' }); },
  record() {
    const recorder = wx.getRecorderManager();
    out.recorder = [];
    recorder.onStart(() => {
      out.recorder.push('start');
      setTimeout(() => recorder.stop(), 300);
    });
    recorder.onStop((r) => {
      // The legacy calls record on the same recorder: these listeners are done.
      recorder.offStart();
      recorder.offStop();
      out.recorder.push('stop', r.fileSize > 0 && r.duration > 0, wx.getFileSystemManager().statSync(r.tempFilePath).size === r.fileSize);
      wx.startRecord({
        success: (s) => { out.legacy = typeof s.tempFilePath === 'string' && s.tempFilePath !== r.tempFilePath; this.publish(); },
        fail: (e) => { out.legacy = e.errMsg; this.publish(); },
      });
      setTimeout(() => wx.stopRecord(), 300);
    });
    recorder.start({ duration: 10000, format: 'mp3' });
  },
  goAsking() { wx.navigateTo({ url: '/pages/second/second?from=asking&alert=1' }); },
  buffer() {
    const url = wx.createBufferURL(wx.base64ToArrayBuffer('${PROBE_PNG_BASE64}'));
    out.bufferUrl = url.slice(0, 22);
    out.revoked = wx.revokeBufferURL(url) === undefined;
    this.setData({ bufferUrl: url });
    this.publish();
  },
  async voice() {
    const fs = wx.getFileSystemManager();
    const filePath = wx.env.USER_DATA_PATH + '/voice.wav';
    const wav = silentWav(1);
    fs.writeFileSync(filePath, wx.base64ToArrayBuffer(wav.slice(wav.indexOf(',') + 1)));
    const first = (await settle(wx.playVoice({ filePath }))).errMsg;
    const second = settle(wx.playVoice({ filePath }));
    const paused = (await settle(wx.pauseVoice())).errMsg;
    const stopped = (await settle(wx.stopVoice())).errMsg;
    out.voice = [first, paused, stopped, (await second).errMsg];
    out.disk = (await settle(wx.saveFileToDisk({ filePath }))).errMsg;
    const pdf = wx.env.USER_DATA_PATH + '/terms.pdf';
    fs.writeFileSync(pdf, '%PDF-1.4\n%%EOF\n', 'utf8');
    out.documents = [
      (await settle(wx.openDocument({ filePath: filePath, fileType: 'html' }))).failed,
      (await settle(wx.openDocument({ filePath: pdf }))).errMsg,
    ];
    this.publish();
  },
  async video() {
    const chosen = await settle(wx.chooseVideo({ sourceType: ['album'] }));
    out.video = { chosen: typeof chosen.tempFilePath === 'string', size: chosen.size };
    const file = await settle(wx.chooseMessageFile({ count: 1, type: 'all' }));
    out.video.message = file.tempFiles ? file.tempFiles.map((f) => [f.name, f.size, f.type]) : file.failed;
    out.video.saved = (await settle(wx.saveVideoToPhotosAlbum({ filePath: chosen.tempFilePath }))).errMsg;
    out.video.refused = (await settle(wx.previewMedia({ sources: [{ url: chosen.tempFilePath, type: 'video' }] }))).failed;
    this.publish();
  },
  preview() {
    wx.previewMedia({ sources: [{ url: this.picture, type: 'image' }], current: 0 });
  },
  async picture() {
    const file = await settle(wx.chooseMessageFile({ count: 1, type: 'image' }));
    this.picture = file.tempFiles[0].path;
    out.picture = file.tempFiles.map((f) => f.type);
    this.publish();
  },
  socket() {
    wx.onSocketError((e) => { out.socketError = e.errMsg; this.publish(); });
    wx.connectSocket({ url: this.ws });
  },
  seek() {
    const manager = wx.getBackgroundAudioManager();
    manager.onSeeked(() => {
      // Setting the source seeks to its start first: the seek asked for is the one after it.
      if (!out.seek) return;
      // Stopping seeks back to the start: heard no more.
      manager.offSeeked();
      wx.getBackgroundAudioPlayerState({ success: (s) => { out.seeked = s.currentPosition; wx.stopBackgroundAudio(); this.publish(); } });
    });
    wx.onBackgroundAudioPlay(() => {
      wx.seekBackgroundAudio({ position: 1.5, success: (r) => { out.seek = r.errMsg; } });
    });
    wx.playBackgroundAudio({ dataUrl: silentWav(2), title: 'Seek' });
  },
});
`;

const DEVICE_PROBE_TEMPLATE =
  '<view id="done">{{done}}</view><text id="out">{{json}}</text>' +
  '<view id="start" bindtap="startSensors">start</view><view id="stop" bindtap="stopSensors">stop</view>' +
  '<view id="go" bindtap="go">go</view><view id="video" bindtap="video">video</view>' +
  '<view id="picture" bindtap="picture">picture</view><view id="preview" bindtap="preview">preview</view>' +
  '<view id="socket" bindtap="socket">socket</view><view id="seek" bindtap="seek">seek</view>' +
  '<view id="asking" bindtap="goAsking">asking</view><view id="voice" bindtap="voice">voice</view>' +
  '<view id="record" bindtap="record">record</view>' +
  '<view id="buffer" bindtap="buffer">buffer</view><image id="buffered" src="{{bufferUrl}}" />';

/** The device probe program, file by file. */
export function deviceProbeFiles(): Record<string, string> {
  return {
    'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/second/second'] }),
    'app.js': deviceProbeApp(),
    'pages/index/index.js': deviceProbePage(),
    'pages/index/index.wxml': DEVICE_PROBE_TEMPLATE,
    'pages/second/second.js': `Page({
    onLoad(query) {
      this.setData({ from: query.from });
      if (query.alert) wx.enableAlertBeforeUnload({ message: 'Leave the form?' });
    },
    back() { wx.navigateBack(); },
    quiet() { wx.disableAlertBeforeUnload(); this.setData({ quiet: true }); },
  });`,
    'pages/second/second.wxml':
      '<view id="from">{{from}}</view><view id="back" bindtap="back">back</view>' +
      '<view id="quiet" bindtap="quiet">quiet</view><view id="quieted">{{quiet}}</view>',
  };
}

/** What the route listeners of the probe heard by the time the probe page shows again after its second page. */
export const DEVICE_PROBE_ROUTES: readonly string[] = [
  'BeforeAppRoute appLaunch pages/index/index id',
  'BeforePageLoad appLaunch pages/index/index id',
  'AfterPageLoad appLaunch pages/index/index id',
  'AppRoute appLaunch pages/index/index id',
  'AppRouteDone appLaunch pages/index/index id',
  'BeforeAppRoute navigateTo pages/second/second id',
  'BeforePageLoad navigateTo pages/second/second id',
  'AfterPageLoad navigateTo pages/second/second id',
  'AppRoute navigateTo pages/second/second id',
  'AppRouteDone navigateTo pages/second/second id',
  // The way back: the second page goes before the route is announced as done.
  'BeforeAppRoute navigateBack pages/index/index id',
  'BeforePageUnload - pages/second/second id',
  'AfterPageUnload - pages/second/second id',
];
