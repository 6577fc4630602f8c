import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MEMBER_PROBE_BASICS, MEMBER_PROBE_FILES, PROBE_PNG_BASE64 } from '@plaza/runtime/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, frameOf, mountFixture, useHarness } from '../testing/container-harness.ts';
import { startEchoSocketServer } from '../testing/echo-socket-server.ts';
import { writeProgram } from '../testing/fixture-package.ts';

// The members of the wx/tt surface in Chromium, through the sandboxed worker, the bridge and
// the browser host. Test titles name the members they prove (`wx.<name>`): the matrix claims
// `browser` only for members a container test names.
const dir = writeProgram(MEMBER_PROBE_FILES, 'members');
// A real font for wx.loadFontFace, shipped as one of the program's assets.
mkdirSync(join(dir, 'fonts'));
copyFileSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', join(dir, 'fonts/probe.ttf'));
const harness = useHarness([{ name: 'members', dir }]);

let page: Page;
let out: Record<string, any>;
let echo: Awaited<ReturnType<typeof startEchoSocketServer>>;
afterAll(() => echo?.close());
const read = async () => {
  const frame = await frameOf(page, 'pages/index/index');
  return JSON.parse((await frame.locator('#out').textContent()) ?? '{}') as Record<string, any>;
};

beforeAll(async () => {
  echo = await startEchoSocketServer();
  page = await harness.open();
  await mountFixture(page, 'members', {
    appId: 'members',
    userId: 'u1',
    capsule: true,
    query: {
      font: `${harness.server.origin}/pkg/members/fonts/probe.ttf`,
      net: harness.other.origin,
      ws: `${echo.origin}/chat`,
    },
    permissions: { requestDomains: [harness.other.origin], socketDomains: [echo.origin] },
  });
  // wx.authorize asks the user once: the consent sheet.
  const sheet = page.getByRole('dialog');
  await sheet.getByRole('button', { name: 'Allow', exact: true }).click();
  const frame = await frameOf(page, 'pages/index/index');
  await frame.locator('#done').filter({ hasText: 'true' }).waitFor();
  out = await read();
});

describe("the page's view in the browser", () => {
  it('wx.pageScrollTo scrolls the page frame; wx.setBackgroundColor and wx.setBackgroundTextStyle paint behind it; bad arguments fail', async () => {
    expect(out.view).toEqual([
      'setBackgroundColor:ok',
      'setBackgroundTextStyle:ok',
      'setBackgroundColor:fail invalid backgroundColor "red;x"',
      'pageScrollTo:fail invalid selector "div > .x"',
      'loadFontFace:fail invalid source "url("javascript:x")"',
      'pageScrollTo:ok',
    ]);
    const frame = await frameOf(page, 'pages/index/index');
    expect(await frame.evaluate(() => scrollY)).toBe(400);
    expect(await frame.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
      'rgb(18, 52, 86)',
    );
    expect(await frame.evaluate(() => document.documentElement.dataset.backgroundTextStyle)).toBe('dark');
  });

  it('wx.createIntersectionObserver reports when an element comes into the viewport', async () => {
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#out').filter({ hasText: '"seen":[{"ratio":"out","id":"bottom"}' }).waitFor();
    await frame.evaluate(() => scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
    await frame.locator('#out').filter({ hasText: '{"ratio":"in","id":"bottom"}' }).waitFor();
    await frame.evaluate(() => scrollTo({ top: 400, behavior: 'instant' }));
    await frame.locator('#out').filter({ hasText: '{"ratio":"in","id":"bottom"},{"ratio":"out"' }).waitFor();
  });

  it("wx.loadFontFace loads a font face into the page's frame", async () => {
    expect(out.font).toBe('loadFontFace:ok');
    const frame = await frameOf(page, 'pages/index/index');
    expect(await frame.evaluate(() => document.fonts.check('16px "Probe Sans"'))).toBe(true);
  });

  it('wx.hideKeyboard takes the focus from the field being typed in', async () => {
    const frame = await frameOf(page, 'pages/index/index');
    const field = frame.locator('#field input, input#field').first();
    await field.fill('don');
    expect(await frame.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    await field.pressSequentially('e');
    await frame.waitForFunction(() => document.activeElement?.tagName !== 'INPUT');
  });
});

describe('base members in the browser', () => {
  it('wx.base64ToArrayBuffer and wx.arrayBufferToBase64 convert both ways', () => {
    expect(out.base64).toEqual({ bytes: [104, 101, 108, 108, 111], back: 'aGk=' });
  });

  it("wx.getRandomValues draws from the browser's generator; wx.env names the user data path", () => {
    expect(out.random).toEqual({ length: 8, errMsg: 'getRandomValues:ok' });
    expect(out.env).toBe('ttfile://user');
  });

  it('wx.getLogManager and wx.getRealtimeLogManager write to the developer log', async () => {
    const logs = (await events(page)).filter((e) => e.type === 'log').map((e) => e.message);
    expect(logs).toContain('probe {"a":1}');
    expect(logs).toContain('[probe] rt');
  });

  it('wx.getUpdateManager reports that no update waits', () => {
    expect(out.update).toEqual({ hasUpdate: false });
  });

  it('wx.reportAnalytics, wx.reportEvent and wx.reportMonitor reach the host through the bridge', async () => {
    const reported = (await events(page))
      .filter((e) => e.type === 'hostCall' && e.method === 'reportAnalytics')
      .map((e) => (e.args as unknown[])[0]);
    expect(reported).toEqual([
      { event: 'probe_event', data: { n: 1 } },
      { event: 'probe_report', data: { m: 2 } },
      { event: 'monitor', data: { name: 'probe_monitor', value: 3 } },
    ]);
  });

  it('wx.createAnimation exports its steps', () => {
    expect(out.animation.actions.map((a: any) => a.animates.map((x: any) => x.type))).toEqual([
      ['opacity', 'translateX'],
      ['rotate'],
    ]);
  });

  it('wx.getPerformance lists evaluateScript, appLaunch and the first render', async () => {
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#out').filter({ hasText: 'perfAfterReady' }).waitFor();
    const later = await read();
    expect(later.perf).toEqual(expect.arrayContaining(['evaluateScript', 'appLaunch']));
    expect(later.perfAfterReady).toEqual(['firstRender']);
  });
});

describe('the first members in the browser', () => {
  it('wx.setStorageSync, wx.getStorageSync, wx.removeStorageSync, wx.clearStorageSync, wx.getStorageInfoSync, wx.setStorage, wx.getStorage, wx.removeStorage, wx.clearStorage, wx.getStorageInfo, wx.showToast, wx.hideToast, wx.showLoading, wx.hideLoading, wx.setNavigationBarTitle, wx.setNavigationBarColor, wx.getSystemInfoSync, wx.getSystemInfo, wx.getWindowInfo, wx.getLaunchOptionsSync, wx.getEnterOptionsSync, wx.getAccountInfoSync, wx.nextTick and wx.createSelectorQuery answer as the platforms do', () => {
    expect(out.basics).toEqual(MEMBER_PROBE_BASICS);
  });
});

describe('system members in the browser', () => {
  it('wx.getDeviceInfo, wx.getAppBaseInfo, wx.getSystemSetting, wx.getAppAuthorizeSetting and wx.getSystemInfoAsync describe the phone', () => {
    expect(out.device).toMatchObject({ pixelRatio: expect.any(Number), platform: expect.any(String) });
    expect(out.appBase).toMatchObject({ SDKVersion: expect.any(String), theme: 'light' });
    expect(out.systemSetting).toMatchObject({ deviceOrientation: 'portrait' });
    expect(out.authorizeSetting).toMatchObject({ cameraAuthorized: 'not determined' });
    expect(out.systemAsync).toBe(375);
  });

  it('wx.getMenuButtonBoundingClientRect is where the shell draws the capsule; tt.getEnvInfoSync names the environment', async () => {
    const drawn = await page.evaluate(() => {
      const phone = document.getElementById('phone')!.getBoundingClientRect();
      const capsule = document.querySelector('.plaza-capsule')!.getBoundingClientRect();
      return {
        width: capsule.width,
        height: capsule.height,
        top: capsule.top - phone.top,
        left: capsule.left - phone.left,
        right: capsule.right - phone.left,
        bottom: capsule.bottom - phone.top,
      };
    });
    expect(out.menu).toEqual(drawn);
    expect(out.envInfo).toMatchObject({
      microapp: { envType: 'production' },
      common: { USER_DATA_PATH: 'ttfile://user' },
    });
  });

  it("wx.canIUse answers from the member registry and the container's component registry", () => {
    expect(out.canIUse).toEqual({
      request: true,
      view: true,
      swiper: true,
      bluetooth: false,
      nothing: false,
    });
  });

  it('wx.batchSetStorageSync, wx.batchGetStorageSync, wx.batchSetStorage and wx.batchGetStorage persist per app and user', async () => {
    expect(out.batchSync).toEqual([1, { c: 2 }, '']);
    expect(out.batch).toEqual(['x', 1]);
    // Stored in the app's own database, not the host page's localStorage.
    expect(await readAppDatabase(page, 'plaza-storage:members:u1', 'b')).toBe('{"c":2}');
    expect(await page.evaluate(() => localStorage.getItem('plaza:members:u1:b'))).toBeNull();
  });
});

describe('device, network and consent in the browser', () => {
  it('wx.getNetworkType reads the connection; wx.onNetworkStatusChange hears the browser go offline', async () => {
    expect(['wifi', '4g', '3g', '2g', 'unknown']).toContain(out.network);
    await page.context().setOffline(true);
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#out').filter({ hasText: 'networkEvent' }).waitFor();
    expect((await read()).networkEvent).toEqual({ isConnected: false, networkType: 'none' });
    await page.context().setOffline(false);
  });

  it("wx.authorize asks through the host's consent sheet; wx.getSetting and wx.openSetting read the platform's records", async () => {
    expect(out.authorize).toEqual({ errMsg: 'authorize:ok' });
    expect(out.badScope).toEqual({ failed: 'authorize:fail invalid scope ""' });
    expect(out.setting).toEqual({ 'scope.writePhotosAlbum': true });
    expect(out.openSetting).toEqual({ 'scope.writePhotosAlbum': true });
    expect(
      await page.evaluate(() => localStorage.getItem('plaza-consent:members:u1:scope.writePhotosAlbum')),
    ).toBe('allow');
  });

  it('wx.vibrateShort, wx.vibrateLong, wx.setScreenBrightness and wx.getScreenBrightness succeed through the host', () => {
    expect(out.vibrate).toEqual(['vibrateShort:ok', 'vibrateLong:ok']);
    expect(out.brightnessRead).toBe(0.8);
    expect(out.badBrightness.failed).toMatch(/^setScreenBrightness:fail invalid value/);
  });

  it('wx.showNavigationBarLoading and wx.hideNavigationBarLoading show the spinner in the navigation bar', async () => {
    expect(out.navLoading).toEqual(['showNavigationBarLoading:ok']);
    const nav = page.locator('.plaza-page:not([hidden]) .plaza-nav').last();
    expect(await nav.getAttribute('aria-busy')).toBe('true');
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#hide').click();
    await page.locator('.plaza-nav[aria-busy="false"]').last().waitFor();
  });

  it('wx.setKeepScreenOn asks the browser for a screen wake lock', () => {
    expect(out.keepScreenOn).toEqual({ errMsg: 'setKeepScreenOn:ok' });
  });
});

describe('app events in the browser', () => {
  it('wx.onAppHide, wx.onAppShow and wx.offAppShow follow the host page out of sight and back', async () => {
    const flip = (state: 'hidden' | 'visible') =>
      page.evaluate((s) => {
        Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await flip('hidden');
    await flip('visible');
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#out').filter({ hasText: '"appHide","appShow"' }).waitFor();
    expect((await read()).calls).toEqual(['appHide', 'appShow']);
  });

  it("wx.onThemeChange hears the browser's colour scheme change", async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#out').filter({ hasText: 'themeEvent' }).waitFor();
    expect((await read()).themeEvent).toEqual({ theme: 'dark' });
  });

  it('wx.offAppHide, wx.offNetworkStatusChange, wx.offThemeChange, wx.offError and wx.offUnhandledRejection remove a listener', async () => {
    // Each event above fired with a removed listener registered too: it never ran.
    expect((await read()).calls).not.toContain('never');
  });

  it("wx.onError hears a handler's exception, which still reaches the developer as an error", async () => {
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#boom').click();
    await frame.locator('#out').filter({ hasText: 'errorSeen' }).waitFor();
    expect((await read()).errorSeen).toBe(true);
    expect(
      (await events(page)).some((e) => e.type === 'error' && String(e.message).includes('probe boom')),
    ).toBe(true);
  });

  it('wx.onPageNotFound hears a launch at a page the app does not have (wx.offPageNotFound removed the other listener), and the entry page opens instead', async () => {
    const other = await harness.open();
    await mountFixture(other, 'members', { appId: 'members-missing', path: 'pages/missing/missing' });
    await other.getByRole('dialog').getByRole('button', { name: 'Allow', exact: true }).click();
    const frame = await frameOf(other, 'pages/index/index');
    await frame.locator('#done').filter({ hasText: 'true' }).waitFor();
    const seen = JSON.parse((await frame.locator('#out').textContent()) ?? '{}');
    expect(seen.notFound).toBe('pages/missing/missing');
    await other.close();
  });

  it('wx.onUnhandledRejection takes a rejection nobody handled', async () => {
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#reject').click();
    await frame.locator('#out').filter({ hasText: 'probe rejection' }).waitFor();
    expect((await read()).rejection).toBe('probe rejection');
    expect(
      (await events(page)).some((e) => e.type === 'error' && String(e.message).includes('probe rejection')),
    ).toBe(false);
  });
});

describe('media and Douyin members in the browser', () => {
  it('wx.createVideoContext drives the page video; a missing id reaches the developer log', async () => {
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#drive').click();
    await frame.waitForFunction(
      () => (document.getElementById('clip') as HTMLVideoElement).playbackRate === 1.5,
    );
    expect(await frame.evaluate(() => (document.getElementById('clip') as HTMLVideoElement).paused)).toBe(
      true,
    );
    await page.waitForFunction(() =>
      (window as any).__events.some(
        (e: any) => e.type === 'log' && /VideoContext.pause:fail no video with id "missing"/.test(e.message),
      ),
    );
  });

  it('tt.getMenuButtonLayout matches the capsule; tt.canIPutStuffOverComponent says yes', () => {
    expect(out.menuLayout).toBe(true);
    expect(out.overComponent).toBe(true);
  });
});

describe("the super app's own in the plain container", () => {
  it('wx.scanCode, wx.chooseLocation, tt.showDouyinOpenAuth, wx.navigateToMiniProgram and wx.exitMiniProgram are refused with a reason unless the embedding app provides them; wx.openLocation and wx.chooseAddress offer their sheets, and the user may decline', async () => {
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#superapp').click();
    const sheet = page.getByRole('dialog').filter({ hasText: 'Show “Shop” on the map' });
    await sheet.getByRole('button', { name: 'Cancel' }).click();
    await page
      .getByRole('dialog', { name: 'Delivery address' })
      .getByRole('button', { name: 'Cancel' })
      .click();
    await frame.locator('#out').filter({ hasText: '"superApp"' }).waitFor();
    const refused = (name: string) => ({ failed: `${name}:fail ${name} is not supported by this host` });
    expect((await read()).superApp).toEqual({
      scanCode: refused('scanCode'),
      chooseLocation: refused('chooseLocation'),
      openLocation: 'openLocation:fail cancel',
      badLocation: 'openLocation:fail invalid latitude or longitude',
      chooseAddress: { failed: 'chooseAddress:fail cancel' },
      douyinAuth: refused('showDouyinOpenAuth'),
      navigateToMiniProgram: refused('navigateToMiniProgram').failed,
      exitMiniProgram: refused('exitMiniProgram').failed,
    });
  });
});

describe('audio in the browser', () => {
  it('wx.createInnerAudioContext plays and pauses; wx.getBackgroundAudioManager, wx.playBackgroundAudio, wx.getBackgroundAudioPlayerState, wx.pauseBackgroundAudio, wx.stopBackgroundAudio, wx.onBackgroundAudioPlay, wx.onBackgroundAudioPause and wx.onBackgroundAudioStop drive the background audio', async () => {
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#audio').click();
    await frame.locator('#out').filter({ hasText: '"background":["play","pause","stop"]' }).waitFor();
    await frame.locator('#out').filter({ hasText: '"inner":["play","pause"]' }).waitFor();
    const audio = (await read()).audio;
    expect(audio).toEqual({
      inner: ['play', 'pause'],
      background: ['play', 'pause', 'stop'],
      status: 1,
      title: 'Probe',
    });
  });
});

describe('images in the browser', () => {
  it("wx.chooseImage and wx.chooseMedia open the host's picker sheet and take the picked file into a temporary file; wx.getImageInfo measures it and wx.compressImage re-encodes it", async () => {
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#choose').click();
    for (let i = 0; i < 2; i++) {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Choose from album' }).click();
      await (await chooser).setFiles({
        name: 'red.png',
        mimeType: 'image/png',
        buffer: Buffer.from(PROBE_PNG_BASE64, 'base64'),
      });
    }
    await frame.locator('#out').filter({ hasText: '"images"' }).waitFor();
    expect((await read()).images).toEqual({
      chosen: [true],
      sizes: [73],
      media: ['image', 'image', 73],
      info: [3, 2, 'png'],
      compressed: [true, 3, 2],
      refused: 'previewImage:fail urls should not be empty',
    });
  });

  it('wx.previewImage shows the images full screen until closed', async () => {
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#preview').click();
    const viewer = page.getByRole('dialog', { name: 'Image preview' });
    await viewer.waitFor();
    expect(await viewer.locator('img').count()).toBe(2);
    expect(await viewer.locator('img').first().getAttribute('src')).toBe(
      `data:image/png;base64,${PROBE_PNG_BASE64}`,
    );
    await viewer.getByRole('button', { name: 'Close preview' }).click();
    await viewer.waitFor({ state: 'detached' });
  });

  it('wx.saveImageToPhotosAlbum hands the user the image as a download, once they allowed it', async () => {
    const frame = await frameOf(page, 'pages/index/index');
    const download = page.waitForEvent('download');
    await frame.locator('#save').click();
    expect((await download).suggestedFilename()).toMatch(/\.png$/);
    await frame.locator('#out').filter({ hasText: 'saveImageToPhotosAlbum:ok' }).waitFor();
  });
});

describe('files in the browser', () => {
  it('wx.getFileSystemManager keeps the app files per app and user, refusing paths outside them and past the quota', async () => {
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
    // Kept in the app's own database of files, never in the host page's localStorage.
    const kept = await readAppDatabase(page, 'plaza-files:members:u1', 'ttfile://user/notes/a.txt');
    expect(JSON.parse(String(kept ?? '{}')).data).toBe('aGVsbG8g5LiW55WMIQ==');
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('ttfile://'))),
    ).toEqual([]);
  });

  it('wx.downloadFile fetches through the request allow-list into a temporary file; wx.saveFile, wx.getSavedFileList, wx.getSavedFileInfo and wx.removeSavedFile keep it', () => {
    expect(out.download).toEqual({
      status: 200,
      temp: true,
      text: '/* reached */',
      progress: [100],
      saved: true,
      savedSizes: [13],
      savedInfo: 13,
      savedAfter: 0,
      refused: 'downloadFile:fail url not in domain list: https://not-allowed.example',
    });
    expect(harness.other.hits).toContain('/probe/download.txt');
  });

  it('wx.uploadFile posts the file as multipart form data; wx.getFileInfo reads its size', () => {
    expect(out.upload).toEqual({ status: 200, data: '/* reached */' });
    expect(harness.other.hits).toContain('/probe/upload');
    expect(out.files.fileInfo).toBe(13);
  });
});

describe('sockets in the browser', () => {
  it('wx.connectSocket opens a SocketTask through the socket allow-list; wx.onSocketOpen, wx.sendSocketMessage, wx.onSocketMessage, wx.closeSocket and wx.onSocketClose drive the last socket', async () => {
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#out').filter({ hasText: '"legacy":["echo legacy","closed"]' }).waitFor();
    expect((await read()).socket).toEqual({
      refused: 'connectSocket:fail url not in domain list: wss://not-allowed.example',
      task: ['echo ping', 'closed 1000'],
      legacy: ['echo legacy', 'closed'],
    });
  });
});

describe('tab bar in the browser', () => {
  it('wx.setTabBarBadge, wx.removeTabBarBadge, wx.showTabBarRedDot, wx.hideTabBarRedDot, wx.setTabBarItem and wx.setTabBarStyle change the drawn bar', async () => {
    expect(out.tabBar.slice(-2)).toEqual([
      'setTabBarBadge:fail tabbar item not found',
      'setTabBarStyle:fail invalid color "red;background:url(x)"',
    ]);
    expect(out.tabBar.slice(0, -2).every((m: string) => m.endsWith(':ok'))).toBe(true);
    const bar = page.locator('.plaza-tabbar');
    const tabs = bar.getByRole('tab');
    expect(await tabs.nth(1).locator('.plaza-tabbar-badge').textContent()).toBe('1234');
    expect(await tabs.nth(0).locator('.plaza-tabbar-badge.plaza-tabbar-dot').isVisible()).toBe(true);
    expect(await tabs.nth(0).textContent()).toBe('Start');
    expect(await bar.getAttribute('data-border')).toBe('white');
    expect(await bar.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(250, 250, 250)');
    expect(await tabs.nth(0).evaluate((el) => getComputedStyle(el).color)).toBe('rgb(255, 0, 0)');
  });

  it('wx.hideTabBar and wx.showTabBar hide and show it on a tab page', async () => {
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#hidebar').click();
    await page.locator('.plaza-tabbar[hidden]').waitFor({ state: 'attached' });
    await frame.locator('#showbar').click();
    await page.locator('.plaza-tabbar:not([hidden])').waitFor();
  });
});

describe('members Plaza cannot run in the browser', () => {
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

/** One entry of an app's own IndexedDB database (its storage or its files) in the host page. */
function readAppDatabase(page: Page, name: string, key: string): Promise<unknown> {
  return page.evaluate(
    ([database, entry]) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open(database, 1);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('entries', 'readonly').objectStore('entries').get(entry);
          get.onsuccess = () => resolve(get.result);
          get.onerror = () => reject(get.error);
        };
      }),
    [name, key] as const,
  );
}
