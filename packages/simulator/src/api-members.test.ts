import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MEMBER_PROBE_BASICS, MEMBER_PROBE_FILES } from '@plaza/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Simulator } from './simulator.ts';
import { programFolders } from './testing/program-folder.ts';

// The members of the wx/tt surface, headless. Test titles name the members they prove
// (`wx.<name>`): the matrix claims `headless` only for members a runtime or simulator test names.
let work: string;
let sim: Simulator;
let out: Record<string, any>;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'plaza-members-'));
  const { 'pages/index/index.js': js, 'pages/index/index.wxml': wxml, ...files } = MEMBER_PROBE_FILES;
  const dir = await programFolders(() => work)({ js: js!, wxml }, files);
  sim = await launch(dir, {
    scenario: {
      consent: { 'scope.writePhotosAlbum': true },
      sockets: { 'wss://chat.example/ws': (message) => `echo ${message}` },
      chooseFiles: [{ name: 'red.png', type: 'image/png', content: 'png bytes' }],
      scan: 'https://shop.example/t/1',
      location: { name: 'Shop', address: '1 Road', latitude: 31.2, longitude: 121.5 },
      address: { userName: 'Li', telNumber: '1', detailInfo: '1 Road' },
      images: {
        'data:image/png;base64,cG5nIGJ5dGVz': { width: 3, height: 2 },
        'data:image/jpeg;base64,cG5nIGJ5dGVz': { width: 3, height: 2, type: 'jpeg' },
      },
      requests: {
        'GET https://files.example/probe/download.txt': 'downloaded text',
        'POST https://files.example/probe/upload': (request) => ({
          body: { got: (request.body as any).file.text, form: (request.body as any).formData },
        }),
      },
    },
  });
  await sim.waitFor(() => sim.page.data.done === true, { message: 'the probe to finish' });
  out = sim.page.data.out as Record<string, any>;
});
afterAll(async () => {
  sim?.close();
  await rm(work, { recursive: true, force: true });
});

describe('base members, headless', () => {
  it('wx.base64ToArrayBuffer and wx.arrayBufferToBase64 convert both ways', () => {
    expect(out.base64).toEqual({ bytes: [104, 101, 108, 108, 111], back: 'aGk=' });
  });

  it('wx.getRandomValues hands back the bytes asked for; wx.env names the user data path', () => {
    expect(out.random).toEqual({ length: 8, errMsg: 'getRandomValues:ok' });
    expect(out.env).toBe('ttfile://user');
  });

  it('wx.getLogManager and wx.getRealtimeLogManager write to the developer log', () => {
    const messages = sim.logs.map((l) => l.message);
    expect(messages).toContain('probe {"a":1}');
    expect(messages).toContain('[probe] rt');
  });

  it('wx.getUpdateManager reports that no update waits', () => {
    expect(out.update).toEqual({ hasUpdate: false });
  });

  it('wx.reportAnalytics, wx.reportEvent and wx.reportMonitor reach the host funnel', () => {
    expect(sim.ui.analytics).toEqual([
      { event: 'probe_event', data: { n: 1 } },
      { event: 'probe_report', data: { m: 2 } },
      { event: 'monitor', data: { name: 'probe_monitor', value: 3 } },
    ]);
  });

  it('wx.createAnimation exports each step with its transition', () => {
    expect(out.animation.actions).toEqual([
      {
        animates: [
          { type: 'opacity', args: [0.5] },
          { type: 'translateX', args: [10] },
        ],
        option: {
          transformOrigin: '50% 50% 0',
          transition: { duration: 200, timingFunction: 'ease', delay: 0 },
        },
      },
      {
        animates: [{ type: 'rotate', args: [45] }],
        option: {
          transformOrigin: '50% 50% 0',
          transition: { duration: 100, timingFunction: 'ease', delay: 0 },
        },
      },
    ]);
  });

  it('wx.getPerformance lists appLaunch, route-free launch, firstRender and evaluateScript entries', async () => {
    await sim.waitFor(() => Array.isArray((sim.page.data.out as any).perfAfterReady));
    expect(out.perf).toEqual(expect.arrayContaining(['evaluateScript', 'appLaunch']));
    expect((sim.page.data.out as any).perfAfterReady).toEqual(['firstRender']);
  });
});

describe('the first members headless', () => {
  it('wx.setStorageSync, wx.getStorageSync, wx.removeStorageSync, wx.clearStorageSync, wx.getStorageInfoSync, wx.setStorage, wx.getStorage, wx.removeStorage, wx.clearStorage, wx.getStorageInfo, wx.showToast, wx.hideToast, wx.showLoading, wx.hideLoading, wx.setNavigationBarTitle, wx.setNavigationBarColor, wx.getSystemInfoSync, wx.getSystemInfo, wx.getWindowInfo, wx.getLaunchOptionsSync, wx.getEnterOptionsSync, wx.getAccountInfoSync, wx.nextTick and wx.createSelectorQuery answer as the platforms do', () => {
    expect(out.basics).toEqual(MEMBER_PROBE_BASICS);
  });
});

describe('system members, headless', () => {
  it('wx.getDeviceInfo, wx.getAppBaseInfo, wx.getSystemSetting, wx.getAppAuthorizeSetting and wx.getSystemInfoAsync describe the device', () => {
    expect(out.device).toMatchObject({ brand: 'plaza', platform: 'plaza', pixelRatio: 2 });
    expect(out.appBase).toMatchObject({ SDKVersion: '3.0.0', language: 'zh_CN', theme: 'light' });
    expect(out.systemSetting).toMatchObject({ bluetoothEnabled: false, deviceOrientation: 'portrait' });
    expect(out.authorizeSetting).toMatchObject({ cameraAuthorized: 'not determined' });
    expect(out.systemAsync).toBe(375);
  });

  it('tt.getEnvInfoSync and wx.getMenuButtonBoundingClientRect answer from the host', () => {
    expect(out.envInfo.common).toEqual({ USER_DATA_PATH: 'ttfile://user' });
    expect(out.menu).toEqual({ width: 87, height: 32, top: 50, right: 368, bottom: 82, left: 281 });
  });

  it('wx.canIUse answers from the member registry and the container component registry', () => {
    expect(out.canIUse).toEqual({
      request: true,
      view: true,
      swiper: true,
      bluetooth: false,
      nothing: false,
    });
  });

  it('wx.batchSetStorageSync, wx.batchGetStorageSync, wx.batchSetStorage and wx.batchGetStorage share the store', () => {
    expect(out.batchSync).toEqual([1, { c: 2 }, '']);
    expect(out.batch).toEqual(['x', 1]);
    expect(sim.storage.get('b')).toEqual({ c: 2 });
  });
});

describe('device, network and consent, headless', () => {
  it('wx.getNetworkType reports the host connection; wx.onNetworkStatusChange and wx.onThemeChange hear the host', async () => {
    expect(out.network).toBe('wifi');
    await sim.hostEvent('NetworkStatusChange', { isConnected: false, networkType: 'none' });
    await sim.hostEvent('ThemeChange', { theme: 'dark' });
    const seen = sim.page.data.out as any;
    expect(seen.networkEvent).toEqual({ isConnected: false, networkType: 'none' });
    expect(seen.themeEvent).toEqual({ theme: 'dark' });
  });

  it('wx.authorize records consent that wx.getSetting and wx.openSetting read back', () => {
    expect(out.authorize).toEqual({ errMsg: 'authorize:ok' });
    expect(out.badScope).toEqual({ failed: 'authorize:fail invalid scope ""' });
    expect(out.setting).toEqual({ 'scope.writePhotosAlbum': true });
    expect(out.openSetting).toEqual({ 'scope.writePhotosAlbum': true });
  });

  it('wx.vibrateShort, wx.vibrateLong, wx.setScreenBrightness and wx.getScreenBrightness reach the device', () => {
    expect(out.vibrate).toEqual(['vibrateShort:ok', 'vibrateLong:ok']);
    expect(sim.ui.vibrations).toEqual(['short', 'long']);
    expect(out.brightnessRead).toBe(0.8);
    expect(out.badBrightness.failed).toMatch(/^setScreenBrightness:fail invalid value/);
  });

  it('wx.showNavigationBarLoading and wx.hideNavigationBarLoading drive the spinner', async () => {
    expect(out.navLoading).toEqual(['showNavigationBarLoading:ok']);
    expect(sim.ui.navigationBarLoading).toBe(true);
    await sim.tap('.hide');
    expect(sim.ui.navigationBarLoading).toBe(false);
  });

  it('wx.setKeepScreenOn keeps the screen on', () => {
    expect(out.keepScreenOn).toEqual({ errMsg: 'setKeepScreenOn:ok' });
    expect(sim.ui.keepScreenOn).toBe(true);
  });
});

const VIEW_ERRORS = [
  'setBackgroundColor:ok',
  'setBackgroundTextStyle:ok',
  'setBackgroundColor:fail invalid backgroundColor "red;x"',
  'pageScrollTo:fail invalid selector "div > .x"',
  'loadFontFace:fail invalid source "url("javascript:x")"',
  'pageScrollTo:ok',
];

describe("the page's view, headless", () => {
  it('wx.pageScrollTo, wx.setBackgroundColor, wx.setBackgroundTextStyle and wx.loadFontFace reach the view, checked first', async () => {
    expect(out.view).toEqual(VIEW_ERRORS);
    expect(sim.ui.viewCommands.slice(0, 3)).toEqual([
      { kind: 'background', color: '#123456' },
      { kind: 'background', textStyle: 'dark' },
      { kind: 'scroll', scrollTop: 400, duration: 0 },
    ]);
  });

  it('wx.hideKeyboard asks the view to drop the keyboard', async () => {
    await sim.input('#field', 'done');
    expect(sim.ui.viewCommands.at(-1)).toEqual({ kind: 'blur' });
  });
});

describe('media and Douyin members, headless', () => {
  it('wx.createVideoContext drives the video by id; a missing one reaches the developer log', async () => {
    await sim.tap('#drive');
    expect(sim.ui.viewCommands.filter((c) => c.kind === 'media')).toEqual([
      { kind: 'media', id: 'clip', action: 'playbackRate', value: 1.5 },
      { kind: 'media', id: 'clip', action: 'seek', value: 3 },
      { kind: 'media', id: 'clip', action: 'pause' },
      { kind: 'media', id: 'missing', action: 'pause' },
    ]);
  });

  it('tt.getMenuButtonLayout matches the capsule; tt.canIPutStuffOverComponent says yes', () => {
    expect(out.menuLayout).toBe(true);
    expect(out.overComponent).toBe(true);
  });
});

describe("the super app's own, headless", () => {
  it('wx.scanCode, wx.chooseLocation, wx.openLocation, wx.chooseAddress, tt.showDouyinOpenAuth, wx.navigateToMiniProgram and wx.exitMiniProgram go to the host that provides them', async () => {
    await sim.tap('#superapp');
    await sim.waitFor(() => Boolean((sim.page.data.out as any).superApp));
    expect((sim.page.data.out as any).superApp).toEqual({
      scanCode: { result: 'https://shop.example/t/1', scanType: 'QR_CODE', errMsg: 'scanCode:ok' },
      chooseLocation: {
        name: 'Shop',
        address: '1 Road',
        latitude: 31.2,
        longitude: 121.5,
        errMsg: 'chooseLocation:ok',
      },
      openLocation: 'openLocation:ok',
      badLocation: 'openLocation:fail invalid latitude or longitude',
      chooseAddress: { userName: 'Li', telNumber: '1', detailInfo: '1 Road', errMsg: 'chooseAddress:ok' },
      douyinAuth: {
        ticket: 'sim-douyin-ticket',
        grantPermissions: ['video.list'],
        errMsg: 'showDouyinOpenAuth:ok',
      },
      navigateToMiniProgram: 'navigateToMiniProgram:ok',
      exitMiniProgram: 'exitMiniProgram:ok',
    });
    expect(sim.ui.openedApps).toEqual(['tt-other']);
    expect(sim.ui.exited).toBe(true);
  });
});

describe('audio headless', () => {
  it('wx.createInnerAudioContext plays and pauses; wx.getBackgroundAudioManager, wx.playBackgroundAudio, wx.getBackgroundAudioPlayerState, wx.pauseBackgroundAudio, wx.stopBackgroundAudio, wx.onBackgroundAudioPlay, wx.onBackgroundAudioPause and wx.onBackgroundAudioStop drive the background audio', async () => {
    await sim.tap('#audio');
    await sim.waitFor(
      () =>
        (sim.page.data.out as any).audio?.background?.includes('stop') &&
        (sim.page.data.out as any).audio?.inner?.includes('pause'),
      {
        message: 'both audios to stop',
      },
    );
    const audio = (sim.page.data.out as any).audio;
    expect(audio).toEqual({
      inner: ['play', 'pause'],
      background: ['play', 'pause', 'stop'],
      status: 1,
      title: 'Probe',
    });
  });
});

describe('images, headless', () => {
  it('wx.chooseImage and wx.chooseMedia take what the user picks into temporary files; wx.getImageInfo measures one and wx.compressImage re-encodes it', async () => {
    await sim.tap('#choose');
    await sim.waitFor(() => Boolean((sim.page.data.out as any).images));
    expect((sim.page.data.out as any).images).toEqual({
      chosen: [true],
      sizes: [9],
      media: ['image', 'image', 9],
      info: [3, 2, 'png'],
      compressed: [true, 3, 2],
      refused: 'previewImage:fail urls should not be empty',
    });
  });

  it('wx.previewImage shows the images, the app files among them; wx.saveImageToPhotosAlbum keeps one for the user', async () => {
    await sim.tap('#preview');
    expect(sim.ui.previewed).toEqual([['data:image/png;base64,cG5nIGJ5dGVz', 'https://img.example/b.png']]);
    await sim.tap('#save');
    await sim.waitFor(() => Boolean((sim.page.data.out as any).saved));
    expect((sim.page.data.out as any).saved).toBe('saveImageToPhotosAlbum:ok');
    expect(sim.ui.savedImages).toHaveLength(1);
  });
});

describe('files, headless', () => {
  it('wx.getFileSystemManager writes, appends, copies, renames, lists, reads and removes the app files; refuses paths outside them and past the quota', () => {
    expect(out.files).toEqual({
      read: 'hello 世界!',
      base64: 'aGVsbG8g5LiW55WMIQ==',
      listed: ['a.txt', 'c.txt'],
      after: ['a.txt'],
      size: 13,
      isFile: true,
      missing: 'access:fail no such file or directory "ttfile://user/notes/a.txt.missing"',
      outside: 'writeFile:fail permission denied, open "http://elsewhere/x"',
      quota: 'writeFile:fail the maximum size of the file storage limit is exceeded',
      fileInfo: 13,
    });
  });

  it('wx.downloadFile fetches into a temporary file with progress; wx.saveFile, wx.getSavedFileList, wx.getSavedFileInfo and wx.removeSavedFile keep it', () => {
    expect(out.download).toEqual({
      status: 200,
      temp: true,
      text: 'downloaded text',
      progress: [100],
      saved: true,
      savedSizes: [15],
      savedInfo: 15,
      savedAfter: 0,
      refused: 'downloadFile:fail no scenario handler for GET https://not-allowed.example/x',
    });
  });

  it('wx.uploadFile posts the file with its form data; wx.getFileInfo reads its size', () => {
    expect(out.upload).toEqual({
      status: 200,
      data: JSON.stringify({ got: 'hello 世界!', form: { a: '1' } }),
    });
    expect(out.files.fileInfo).toBe(13);
  });
});

describe('sockets, headless', () => {
  it('wx.connectSocket opens a SocketTask that sends, hears and closes; wx.onSocketOpen, wx.sendSocketMessage, wx.onSocketMessage, wx.closeSocket and wx.onSocketClose drive the last socket', async () => {
    await sim.waitFor(() => (sim.page.data.out as any).socket?.legacy?.includes('closed'), {
      message: 'both sockets to close',
    });
    const socket = (sim.page.data.out as any).socket;
    expect(socket).toEqual({
      refused: 'connectSocket:fail no scenario handler for socket wss://not-allowed.example/ws',
      task: ['echo ping', 'closed 1000'],
      legacy: ['echo legacy', 'closed'],
    });
  });
});

describe('tab bar, headless', () => {
  it('wx.setTabBarBadge, wx.removeTabBarBadge, wx.showTabBarRedDot, wx.hideTabBarRedDot, wx.setTabBarItem and wx.setTabBarStyle change the bar', () => {
    expect(out.tabBar).toEqual([
      ...[
        'setTabBarBadge',
        'setTabBarBadge',
        'removeTabBarBadge',
        'showTabBarRedDot',
        'hideTabBarRedDot',
        'showTabBarRedDot',
        'setTabBarItem',
        'setTabBarStyle',
      ].map((name) => `${name}:ok`),
      'setTabBarBadge:fail tabbar item not found',
      'setTabBarStyle:fail invalid color "red;background:url(x)"',
    ]);
    expect(sim.ui.tabBar).toMatchObject({
      badges: { 1: '1234' },
      dots: [0],
      items: { 0: { text: 'Start' } },
      style: { color: '#333333', selectedColor: '#ff0000', backgroundColor: '#fafafa', borderStyle: 'white' },
    });
  });

  it('wx.hideTabBar and wx.showTabBar hide and show it', async () => {
    await sim.tap('#hidebar');
    expect(sim.ui.tabBar.hidden).toBe(true);
    await sim.tap('#showbar');
    expect(sim.ui.tabBar.hidden).toBe(false);
  });
});

describe('app events, headless', () => {
  it('wx.onAppShow, wx.offAppShow and wx.onAppHide follow the app into the background and back', async () => {
    await sim.hide();
    await sim.show();
    expect((sim.page.data.out as any).calls).toEqual(['appHide', 'appShow']);
  });
});

describe('members Plaza cannot run here', () => {
  it('an unsupported async member fails through fail/complete and its promise, sync ones return their neutral value', () => {
    expect(out.absent).toEqual({
      async: { failed: 'getBluetoothAdapterState:fail not supported' },
      callback: 'getBluetoothAdapterState:fail not supported',
      sync: false,
      context: 'function',
      listener: true,
    });
  });
});
