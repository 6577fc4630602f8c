import { SILENT_WAV_SOURCE } from './silent-wav.ts';

/** The probe page's template: the results as JSON text, and a button that hides the spinner. */
export const MEMBER_PROBE_TEMPLATE =
  '<view id="done">{{done}}</view><text id="out">{{json}}</text><view class="hide" id="hide" bindtap="hideLoading">hide</view>' +
  '<view id="hidebar" bindtap="hideBar">hide bar</view><view id="showbar" bindtap="showBar">show bar</view>' +
  '<view id="boom" bindtap="boom">throw</view><view id="reject" bindtap="reject">reject</view>' +
  '<view id="audio" bindtap="audio">audio</view><view id="superapp" bindtap="superApp">super app</view><view id="unwatch" bindtap="stopWatching">unwatch</view>' +
  '<view id="choose" bindtap="choose">choose</view><view id="preview" bindtap="preview">preview</view><view id="save" bindtap="save">save</view>' +
  '<video id="clip" muted="{{true}}"></video><view id="drive" bindtap="drive">drive video</view>' +
  '<input id="field" bindinput="typed" /><view id="tall" style="height: 3000px">tall</view><view id="bottom">bottom</view>';

/**
 * A mini-program page script that exercises the implemented members and records what each
 * returned in `data.out`, for the simulator's and the browser container's tests alike: the same
 * program proves a member headless and in Chromium.
 */
export const MEMBER_PROBE_PAGE = String.raw`${SILENT_WAV_SOURCE}
const out = {};
const settle = (p) => p.then((r) => r, (e) => ({ failed: e && e.errMsg }));
Page({
  data: { out: {}, done: false },
  stopWatching() { this.observer.disconnect(); },
  typed(e) { if (e.detail.value === 'done') wx.hideKeyboard(); },
  onLoad(query) {
    this.probe(query).catch((e) => this.setData({ out: { ...out, error: (e && (e.errMsg || e.message)) || String(e) }, done: true }));
  },
  async probe(query) {
    const calls = [];
    const publish = () => this.setData({ out, json: JSON.stringify(out) });
    wx.onAppShow(() => { calls.push('appShow'); publish(); });
    wx.onAppHide(() => { calls.push('appHide'); publish(); });
    wx.onNetworkStatusChange((r) => { out.networkEvent = r; publish(); });
    wx.onThemeChange((r) => { out.themeEvent = r; publish(); });
    wx.onError((m) => { out.errorSeen = String(m).includes('probe boom'); publish(); });
    wx.onUnhandledRejection((r) => { out.rejection = r.reason && r.reason.message; publish(); });
    const never = () => calls.push('never');
    wx.onAppHide(never); wx.offAppHide(never);
    wx.onNetworkStatusChange(never); wx.offNetworkStatusChange(never);
    wx.onThemeChange(never); wx.offThemeChange(never);
    wx.onError(never); wx.offError(never);
    wx.onUnhandledRejection(never); wx.offUnhandledRejection(never);
    const off = () => calls.push('removed');
    wx.onAppShow(off); wx.offAppShow(off);
    out.calls = calls;
    out.notFound = getApp().notFound || null;
    // base
    const buffer = wx.base64ToArrayBuffer('aGVsbG8=');
    out.base64 = { bytes: Array.from(new Uint8Array(buffer)), back: wx.arrayBufferToBase64(new Uint8Array([104, 105]).buffer) };
    const random = await wx.getRandomValues({ length: 8 });
    out.random = { length: random.randomValues.byteLength, errMsg: random.errMsg };
    out.env = wx.env.USER_DATA_PATH;
    wx.getLogManager().info('probe', { a: 1 });
    wx.getRealtimeLogManager().tag('probe').warn('rt');
    out.update = await new Promise((resolve) => wx.getUpdateManager().onCheckForUpdate(resolve));
    wx.reportAnalytics('probe_event', { n: 1 });
    wx.reportEvent('probe_report', { m: 2 });
    wx.reportMonitor('probe_monitor', 3);
    const anim = wx.createAnimation({ duration: 200, timingFunction: 'ease' });
    anim.opacity(0.5).translateX(10).step().rotate(45).step({ duration: 100 });
    out.animation = anim.export();
    // system
    out.device = wx.getDeviceInfo();
    out.appBase = wx.getAppBaseInfo();
    out.systemSetting = wx.getSystemSetting();
    out.authorizeSetting = wx.getAppAuthorizeSetting();
    out.systemAsync = (await wx.getSystemInfoAsync()).windowWidth;
    out.envInfo = wx.getEnvInfoSync();
    out.menu = wx.getMenuButtonBoundingClientRect();
    out.menuLayout = JSON.stringify(tt.getMenuButtonLayout()) === JSON.stringify(out.menu);
    out.overComponent = tt.canIPutStuffOverComponent('video');
    out.canIUse = { request: wx.canIUse('request'), view: wx.canIUse('view'), swiper: wx.canIUse('swiper'), bluetooth: wx.canIUse('openBluetoothAdapter'), nothing: wx.canIUse('no-such-thing') };
    const errMsg = (r) => r.errMsg || r.failed;
    // the first members
    wx.setStorageSync('k1', { a: 1 });
    await wx.setStorage({ key: 'k2', data: [2] });
    const basics = {
      getStorageSync: wx.getStorageSync('k1'),
      getStorage: (await wx.getStorage({ key: 'k2' })).data,
      getStorageInfoSync: wx.getStorageInfoSync().keys.indexOf('k1') >= 0,
      getStorageInfo: (await wx.getStorageInfo()).keys.indexOf('k2') >= 0,
    };
    wx.removeStorageSync('k1');
    await wx.removeStorage({ key: 'k2' });
    basics.removed = [wx.getStorageSync('k1'), (await settle(wx.getStorage({ key: 'k2' }))).failed];
    await wx.setStorage({ key: 'k3', data: 3 });
    wx.clearStorageSync();
    basics.clearStorageSync = wx.getStorageInfoSync().keys.length;
    wx.setStorageSync('k4', 4);
    await wx.clearStorage();
    basics.clearStorage = wx.getStorageInfoSync().keys.length;
    basics.toast = [errMsg(await wx.showToast({ title: 'hi' })), errMsg(await wx.hideToast()), errMsg(await wx.showLoading({ title: 'wait' })), errMsg(await wx.hideLoading())];
    basics.bar = [errMsg(await wx.setNavigationBarTitle({ title: 'Probe title' })), errMsg(await wx.setNavigationBarColor({ frontColor: '#ffffff', backgroundColor: '#123456' }))];
    basics.system = [wx.getSystemInfoSync().windowWidth, (await wx.getSystemInfo()).windowWidth, wx.getWindowInfo().windowWidth];
    basics.launch = [wx.getLaunchOptionsSync().path, wx.getEnterOptionsSync().path, typeof wx.getAccountInfoSync().miniProgram.appId];
    basics.tick = await new Promise((resolve) => wx.nextTick(() => resolve('ticked')));
    basics.query = await new Promise((resolve) => wx.createSelectorQuery().select('#tall').boundingClientRect((r) => resolve(r ? r.id : null)).exec());
    out.basics = basics;
    // storage, batch
    wx.batchSetStorageSync([{ key: 'a', value: 1 }, { key: 'b', value: { c: 2 } }]);
    out.batchSync = wx.batchGetStorageSync(['a', 'b', 'missing']);
    await wx.batchSetStorage({ kvList: [{ key: 'd', value: 'x' }] });
    out.batch = (await wx.batchGetStorage({ keyList: ['d', 'a'] })).dataList;
    // network
    out.network = (await wx.getNetworkType()).networkType;
    // settings and consent
    out.authorize = await settle(wx.authorize({ scope: 'scope.writePhotosAlbum' }));
    out.badScope = await settle(wx.authorize({ scope: '' }));
    out.setting = (await wx.getSetting()).authSetting;
    out.openSetting = (await wx.openSetting()).authSetting;
    // device
    out.vibrate = [(await wx.vibrateShort({ type: 'light' })).errMsg, (await wx.vibrateLong()).errMsg];
    out.brightness = await settle(wx.setScreenBrightness({ value: 0.8 }));
    out.brightnessRead = (await wx.getScreenBrightness()).value;
    out.badBrightness = await settle(wx.setScreenBrightness({ value: 3 }));
    out.keepScreenOn = await settle(wx.setKeepScreenOn({ keepScreenOn: true }));
    out.navLoading = [(await wx.showNavigationBarLoading()).errMsg];
    out.navLoadingShown = true;
    // the page's view
    out.view = [
      errMsg(await wx.setBackgroundColor({ backgroundColor: '#123456' })),
      errMsg(await wx.setBackgroundTextStyle({ textStyle: 'dark' })),
      errMsg(await settle(wx.setBackgroundColor({ backgroundColor: 'red;x' }))),
      errMsg(await settle(wx.pageScrollTo({ selector: 'div > .x' }))),
      errMsg(await settle(wx.loadFontFace({ family: 'Probe', source: 'url("javascript:x")' }))),
      errMsg(await wx.pageScrollTo({ scrollTop: 400, duration: 0 })),
    ];
    out.seen = [];
    this.observer = wx.createIntersectionObserver(this, { thresholds: [0, 1] });
    this.observer.relativeToViewport({ bottom: 0 }).observe('#bottom', (r) => {
      out.seen.push({ ratio: r.intersectionRatio > 0 ? 'in' : 'out', id: r.targetId });
      publish();
    });
    if (query && query.font) out.font = errMsg(await settle(wx.loadFontFace({ family: 'Probe Sans', source: 'url("' + query.font + '")' })));
    // files
    const fs = wx.getFileSystemManager();
    const notes = wx.env.USER_DATA_PATH + '/notes';
    const userFile = notes + '/a.txt';
    await fs.writeFile({ filePath: userFile, data: 'hello 世界', encoding: 'utf8' });
    fs.appendFileSync(userFile, '!', 'utf8');
    fs.copyFileSync(userFile, notes + '/b.txt');
    fs.renameSync(notes + '/b.txt', notes + '/c.txt');
    const listed = fs.readdirSync(notes);
    fs.unlinkSync(notes + '/c.txt');
    out.files = {
      read: fs.readFileSync(userFile, 'utf8'),
      base64: fs.readFileSync(userFile, 'base64'),
      listed,
      after: fs.readdirSync(notes),
      size: fs.statSync(userFile).size,
      isFile: fs.statSync(userFile).isFile(),
      missing: errMsg(await settle(fs.access({ path: userFile + '.missing' }))),
      outside: errMsg(await settle(fs.writeFile({ filePath: 'http://elsewhere/x', data: 'x' }))),
      quota: errMsg(await settle(fs.writeFile({ filePath: notes + '/big', data: new ArrayBuffer(11 * 1024 * 1024) }))),
      fileInfo: (await wx.getFileInfo({ filePath: userFile })).size,
    };
    const net = (query && query.net) || 'https://files.example';
    const progress = [];
    const downloaded = await new Promise((resolve) => {
      const task = wx.downloadFile({ url: net + '/probe/download.txt', success: resolve, fail: resolve });
      task.onProgressUpdate((p) => progress.push(p.progress));
    });
    const saved = await wx.saveFile({ tempFilePath: downloaded.tempFilePath });
    out.download = {
      status: downloaded.statusCode,
      temp: String(downloaded.tempFilePath).indexOf('ttfile://temp/') === 0,
      text: fs.readFileSync(downloaded.tempFilePath, 'utf8'),
      progress,
      saved: String(saved.savedFilePath).indexOf('ttfile://store/') === 0,
      savedSizes: (await wx.getSavedFileList()).fileList.map((f) => f.size),
      savedInfo: (await wx.getSavedFileInfo({ filePath: saved.savedFilePath })).size,
    };
    await wx.removeSavedFile({ filePath: saved.savedFilePath });
    out.download.savedAfter = (await wx.getSavedFileList()).fileList.length;
    out.download.refused = errMsg(await settle(wx.downloadFile({ url: 'https://not-allowed.example/x' })));
    const uploaded = await wx.uploadFile({ url: net + '/probe/upload', filePath: userFile, name: 'file', formData: { a: '1' } });
    out.upload = { status: uploaded.statusCode, data: uploaded.data };
    // sockets: a task, then the legacy calls on the socket opened last
    const socketUrl = (query && query.ws) || 'wss://chat.example/ws';
    out.socket = { task: [], legacy: [] };
    out.socket.refused = errMsg(await settle(new Promise((resolve, reject) => wx.connectSocket({ url: 'wss://not-allowed.example/ws', success: resolve, fail: reject }))));
    const task = wx.connectSocket({ url: socketUrl });
    task.onOpen(() => task.send({ data: 'ping' }));
    task.onMessage((m) => { out.socket.task.push(m.data); task.close({ code: 1000, reason: 'done' }); });
    task.onClose((c) => {
      out.socket.task.push('closed ' + c.code);
      wx.onSocketOpen(() => wx.sendSocketMessage({ data: 'legacy' }));
      wx.onSocketMessage((m) => { out.socket.legacy.push(m.data); wx.closeSocket(); });
      wx.onSocketClose(() => { out.socket.legacy.push('closed'); publish(); });
      wx.onSocketError((e) => { out.socket.legacy.push(e.errMsg); publish(); });
      wx.connectSocket({ url: socketUrl });
    });
    // tab bar
    out.tabBar = [
      errMsg(await wx.setTabBarBadge({ index: 1, text: '12345' })),
      errMsg(await wx.setTabBarBadge({ index: 0, text: '9' })),
      errMsg(await wx.removeTabBarBadge({ index: 0 })),
      errMsg(await wx.showTabBarRedDot({ index: 0 })),
      errMsg(await wx.hideTabBarRedDot({ index: 0 })),
      errMsg(await wx.showTabBarRedDot({ index: 0 })),
      errMsg(await wx.setTabBarItem({ index: 0, text: 'Start' })),
      errMsg(await wx.setTabBarStyle({ color: '#333333', selectedColor: '#ff0000', backgroundColor: '#fafafa', borderStyle: 'white' })),
      errMsg(await settle(wx.setTabBarBadge({ index: 5, text: 'x' }))),
      errMsg(await settle(wx.setTabBarStyle({ color: 'red;background:url(x)' }))),
    ];
    out.perf = wx.getPerformance().getEntries().map((e) => e.name);
    // members Plaza cannot run here still exist and fail the platforms' way
    out.absent = {
      async: await settle(wx.getBluetoothAdapterState()),
      callback: await new Promise((resolve) => wx.getBluetoothAdapterState({ fail: (e) => resolve(e.errMsg), complete: () => {} })),
      sync: wx.isVKSupport('v2'),
      context: typeof wx.createCameraContext().takePhoto,
      listener: wx.onBLECharacteristicValueChange(() => {}) === undefined,
    };
    this.setData({ out, done: true, json: JSON.stringify(out) });
  },
  onReady() {
    out.perfAfterReady = wx.getPerformance().getEntriesByType('render').map((e) => e.name);
    this.setData({ out, json: JSON.stringify(out) });
  },
  hideLoading() { return wx.hideNavigationBarLoading(); },
  hideBar() { return wx.hideTabBar(); },
  audio() {
    const publish = () => this.setData({ out, json: JSON.stringify(out) });
    const src = silentWav(1);
    out.audio = { inner: [], background: [] };
    const inner = wx.createInnerAudioContext();
    inner.onPlay(() => { out.audio.inner.push('play'); inner.pause(); });
    inner.onPause(() => { out.audio.inner.push('pause'); inner.offPause(); publish(); });
    inner.src = src;
    inner.play();
    wx.onBackgroundAudioPlay(() => {
      out.audio.background.push('play');
      wx.getBackgroundAudioPlayerState({ success: (s) => { out.audio.status = s.status; wx.pauseBackgroundAudio(); } });
    });
    wx.onBackgroundAudioPause(() => { out.audio.background.push('pause'); wx.stopBackgroundAudio(); });
    wx.onBackgroundAudioStop(() => { out.audio.background.push('stop'); out.audio.title = wx.getBackgroundAudioManager().title; publish(); });
    wx.playBackgroundAudio({ dataUrl: src, title: 'Probe' });
  },
  async superApp() {
    const e = (p) => settle(p).then((r) => r.errMsg || r.failed);
    out.superApp = {
      scanCode: await settle(wx.scanCode({ scanType: ['qrCode'] })),
      chooseLocation: await settle(wx.chooseLocation({})),
      openLocation: await e(wx.openLocation({ latitude: 31.2, longitude: 121.5, name: 'Shop' })),
      badLocation: await e(wx.openLocation({ latitude: 200, longitude: 0 })),
      chooseAddress: await settle(wx.chooseAddress()),
      douyinAuth: await settle(tt.showDouyinOpenAuth({ scopes: { 'video.list': 0 } })),
      navigateToMiniProgram: await e(wx.navigateToMiniProgram({ appId: 'tt-other', path: 'pages/a' })),
      exitMiniProgram: await e(wx.exitMiniProgram()),
    };
    this.setData({ out, json: JSON.stringify(out) });
  },
  async choose() {
    const publish = () => this.setData({ out, json: JSON.stringify(out) });
    const image = await wx.chooseImage({ count: 1 });
    const media = await wx.chooseMedia({ count: 1, mediaType: ['image'] });
    this.chosen = image.tempFilePaths[0];
    const info = await wx.getImageInfo({ src: this.chosen });
    out.images = {
      chosen: image.tempFilePaths.map((p) => p.indexOf('ttfile://temp/') === 0 && /\.png$/.test(p)),
      sizes: image.tempFiles.map((f) => f.size),
      media: [media.type, media.tempFiles[0].fileType, media.tempFiles[0].size],
      info: [info.width, info.height, info.type],
      compressed: await wx.compressImage({ src: this.chosen, quality: 50 }).then((r) =>
        wx.getImageInfo({ src: r.tempFilePath }).then((i) => [r.tempFilePath.indexOf('ttfile://temp/') === 0, i.width, i.height])),
      refused: (await settle(wx.previewImage({ urls: [] }))).failed,
    };
    publish();
  },
  preview() { return wx.previewImage({ urls: [this.chosen, 'https://img.example/b.png'], current: this.chosen }); },
  save() { return wx.saveImageToPhotosAlbum({ filePath: this.chosen }).then((r) => { out.saved = r.errMsg; this.setData({ out, json: JSON.stringify(out) }); }); },
  drive() {
    const video = wx.createVideoContext('clip');
    video.playbackRate(1.5);
    video.seek(3);
    video.pause();
    wx.createVideoContext('missing').pause();
  },
  boom() { throw new Error('probe boom'); },
  reject() { Promise.reject(new Error('probe rejection')); },
  showBar() { return wx.showTabBar(); },
});
`;

/** A 3×2 red PNG, what the tests' user picks in `chooseImage`. */
/**
 * What the probe's first members answer, alike in the browser container and the simulator:
 * both suites hold their layer to this one expectation.
 */
export const MEMBER_PROBE_BASICS = {
  getStorageSync: { a: 1 },
  getStorage: [2],
  getStorageInfoSync: true,
  getStorageInfo: true,
  removed: ['', 'getStorage:fail data not found'],
  clearStorageSync: 0,
  clearStorage: 0,
  toast: ['showToast:ok', 'hideToast:ok', 'showLoading:ok', 'hideLoading:ok'],
  bar: ['setNavigationBarTitle:ok', 'setNavigationBarColor:ok'],
  system: [375, 375, 375],
  launch: ['pages/index/index', 'pages/index/index', 'string'],
  tick: 'ticked',
  query: 'tall',
};

export const PROBE_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAEElEQVR4nGP4z8AAQQxwFgBB0gX7h/C5SAAAAABJRU5ErkJggg==';

/** The probe program's files: the probe page, a second tab, and a tab bar of two items. */
export const MEMBER_PROBE_FILES: Readonly<Record<string, string>> = {
  'app.json': JSON.stringify({
    pages: ['pages/index/index', 'pages/second/second'],
    tabBar: {
      list: [
        { pagePath: 'pages/index/index', text: 'Home' },
        { pagePath: 'pages/second/second', text: 'Second' },
      ],
    },
  }),
  'app.js':
    'App({ onLaunch() { const never = () => { this.notFound = "removed listener ran"; };' +
    ' wx.onPageNotFound((r) => { this.notFound = r.path; }); wx.onPageNotFound(never); wx.offPageNotFound(never); } });',
  'pages/index/index.js': MEMBER_PROBE_PAGE,
  'pages/index/index.wxml': MEMBER_PROBE_TEMPLATE,
  'pages/second/second.js': 'Page({});',
  'pages/second/second.wxml': '<view>second</view>',
};
