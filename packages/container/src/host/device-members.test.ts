import { DEVICE_PROBE_ROUTES, deviceProbeFiles, PROBE_PNG_BASE64 } from '@plaza/runtime/testing';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { frameOf, mountFixture, useHarness } from '../testing/container-harness.ts';
import { writeProgram } from '../testing/fixture-package.ts';

// The device, routing and program members in Chromium, through the sandboxed worker, the
// bridge and the browser host. Test titles name the members they prove (`wx.<name>`): the
// matrix claims `browser` only for members a container test names.
const dir = writeProgram(deviceProbeFiles(), 'device');
// Chromium's fake microphone, granted without its own prompt: the host's consent sheet is what
// asks. Audio plays without a fresh gesture, as in the super app's webview: a tap's activation
// lasts five seconds, which the round trip tap → logic worker → host page can outlast on a
// loaded machine (the seek test timed out once at a load average of 22).
const harness = useHarness([{ name: 'device', dir }], {
  browserArgs: [
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    '--autoplay-policy=no-user-gesture-required',
    // wx.openDocument opens a tab after the same round trip.
    '--disable-popup-blocking',
  ],
});

let page: Page;
let out: Record<string, any>;
const read = async () => {
  const frame = await frameOf(page, 'pages/index/index');
  return JSON.parse((await frame.locator('#out').textContent()) ?? '{}') as Record<string, any>;
};
/** Waits until the probe's output shows `text`, then reads it. */
const readWhen = async (text: string | RegExp) => {
  const frame = await frameOf(page, 'pages/index/index');
  await frame.locator('#out').filter({ hasText: text }).waitFor();
  return read();
};
/** Picks a file in the host's picker sheet, through its button. */
const pick = async (button: string, name: string, mimeType: string, buffer: Buffer) => {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles({ name, mimeType, buffer });
};
const click = async (id: string) => (await frameOf(page, 'pages/index/index')).locator(`#${id}`).click();

beforeAll(async () => {
  page = await harness.open();
  // An allowed socket origin where nothing listens: the connection is refused at once.
  const ws = 'ws://127.0.0.1:1';
  await mountFixture(page, 'device', {
    query: { ws: `${ws}/chat` },
    permissions: { socketDomains: [ws] },
  });
  const frame = await frameOf(page, 'pages/index/index');
  await frame.locator('#done').filter({ hasText: 'true' }).waitFor();
  out = await read();
});

describe('sensors in the browser', () => {
  it('wx.startAccelerometer, wx.startCompass, wx.startGyroscope and wx.startDeviceMotionListening hand the host page’s motion events to wx.onAccelerometerChange, wx.onCompassChange, wx.onGyroscopeChange and wx.onDeviceMotionChange in the dialects’ units; wx.offAccelerometerChange, wx.offCompassChange, wx.offGyroscopeChange and wx.offDeviceMotionChange remove a listener; wx.stopAccelerometer, wx.stopCompass, wx.stopGyroscope and wx.stopDeviceMotionListening stop the readings', async () => {
    // Chromium's own sensors, set through the DevTools protocol: the browser turns them into
    // the host page's devicemotion and deviceorientation events, as a phone's would.
    const cdp = await page.context().newCDPSession(page);
    const sensor = async (type: string, reading: Record<string, unknown>) => {
      await cdp.send('Emulation.setSensorOverrideEnabled', { enabled: true, type } as never);
      await cdp.send('Emulation.setSensorOverrideReadings', { type, reading } as never);
    };
    // A quarter turn about the vertical axis: alpha 90°.
    const quarter = { quaternion: { x: 0, y: 0, z: Math.SQRT1_2, w: Math.SQRT1_2 } };
    await sensor('accelerometer', { xyz: { x: 0, y: 9.80665, z: 0 } });
    await sensor('linear-acceleration', { xyz: { x: 0, y: 0, z: 0 } });
    await sensor('gravity', { xyz: { x: 0, y: 9.80665, z: 0 } });
    await sensor('gyroscope', { xyz: { x: Math.PI / 2, y: 0, z: Math.PI } });
    await sensor('relative-orientation', quarter);
    await sensor('absolute-orientation', quarter);
    const listening = async () => {
      const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
      return listeners.filter((l) => l.type.startsWith('device')).length;
    };
    expect(await listening()).toBe(0);

    await click('start');
    const seen = await readWhen('"deviceMotion"');
    expect(seen.started).toEqual([
      'startAccelerometer:ok',
      'startCompass:ok',
      'startGyroscope:ok',
      'startDeviceMotionListening:ok',
    ]);
    await readWhen(/"compass":\{"direction":27\d/);
    await readWhen(/"gyroscope":\{"x":1\.57\d*,"y":0,"z":3\.14/);
    const readings = (await readWhen(/"accelerometer":\{"x":0,"y":(1|0\.99)/)).sensors;
    expect(readings.accelerometer.y).toBeCloseTo(1);
    expect(readings.gyroscope.x).toBeCloseTo(Math.PI / 2);
    expect(readings.gyroscope.z).toBeCloseTo(Math.PI);
    expect(readings.compass.direction).toBeCloseTo(270);
    expect(readings.compass.accuracy).toBe('high');
    expect(readings.deviceMotion.alpha).toBeCloseTo(90);
    expect((await read()).removedSensorRan).toBeUndefined();
    expect(await listening()).toBe(4);

    await click('stop');
    await readWhen('"stopped":["stopAccelerometer:ok"');
    expect((await read()).stopped).toEqual([
      'stopAccelerometer:ok',
      'stopCompass:ok',
      'stopGyroscope:ok',
      'stopDeviceMotionListening:ok',
    ]);
    // Stopped: the host page no longer listens to the device.
    expect(await listening()).toBe(0);
    await cdp.detach();
  });
});

describe('battery and window in the browser', () => {
  it('wx.getBatteryInfo reads the battery; wx.onBatteryInfoChange hears it change and wx.getBatteryInfoSync then answers the same; wx.offBatteryInfoChange removes a listener', async () => {
    expect(out.batteryInfo).toEqual({ level: 100, isCharging: true, errMsg: 'getBatteryInfo:ok' });
    await page.evaluate(async () => {
      const nav = navigator as Navigator & { getBattery(): Promise<EventTarget> };
      (await nav.getBattery()).dispatchEvent(new Event('levelchange'));
    });
    const seen = await readWhen('"batteryChange"');
    expect(seen.batteryChange).toEqual({ level: 100, isCharging: true });
    expect(seen.batterySync).toEqual({ level: 100, isCharging: true });
    expect(seen.removedBatteryRan).toBeUndefined();
  });

  it('wx.onWindowResize hears the container change size; wx.offWindowResize removes a listener', async () => {
    await page.evaluate(() => {
      document.getElementById('phone')!.style.width = '320px';
    });
    const seen = await readWhen('"resize":["320x');
    expect(seen.resize).toEqual(['320x667']);
    expect(seen.removedResizeRan).toBeUndefined();
  });
});

describe('routing events in the browser', () => {
  it('wx.onBeforeAppRoute, wx.onAppRoute, wx.onAppRouteDone, wx.onBeforePageLoad, wx.onAfterPageLoad, wx.onBeforePageUnload and wx.onAfterPageUnload follow the launch and each navigation; wx.offBeforeAppRoute, wx.offAppRoute, wx.offAppRouteDone, wx.offBeforePageLoad, wx.offAfterPageLoad, wx.offBeforePageUnload and wx.offAfterPageUnload remove a listener', async () => {
    await click('go');
    const second = await frameOf(page, 'pages/second/second');
    await second.locator('#from').filter({ hasText: 'probe' }).waitFor();
    await second.locator('#back').click();
    const seen = await readWhen('AfterPageUnload');
    expect(seen.routes).toEqual(DEVICE_PROBE_ROUTES);
  });
});

describe('program members in the browser', () => {
  it('tt.performance reads the measures of wx.getPerformance', () => {
    expect(out.ttPerformance).toEqual(['evaluateScript']);
  });

  it('wx.requestIdleCallback runs a callback with its deadline; wx.cancelIdleCallback cancels one', async () => {
    const seen = await readWhen('"idle"');
    expect(seen.idle).toEqual({ didTimeout: false, remaining: true });
    expect(seen.cancelledRan).toBeUndefined();
  });

  it('wx.getApiCategory is the default category, which never changes (wx.onApiCategoryChange, wx.offApiCategoryChange); wx.getExtConfig and wx.getExtConfigSync give the empty third-party configuration', () => {
    expect(out.apiCategory).toBe('default');
    expect(out.categoryChanged).toBeUndefined();
    expect(out.extSync).toEqual({});
    expect(out.ext).toEqual({ extConfig: {}, errMsg: 'getExtConfig:ok' });
  });

  it('wx.getPrivacySetting needs no separate agreement and wx.requirePrivacyAuthorize passes, so wx.onNeedPrivacyAuthorization is never asked; wx.reportPerformance writes to the developer log', async () => {
    expect(out.privacy).toEqual({
      needAuthorization: false,
      privacyContractName: '',
      errMsg: 'getPrivacySetting:ok',
    });
    expect(out.requirePrivacy).toBe('requirePrivacyAuthorize:ok');
    expect(out.privacyAsked).toBeUndefined();
    const logs = await page.evaluate(() =>
      (window as unknown as { __events: Array<{ type: string; message?: string }> }).__events
        .filter((e) => e.type === 'log')
        .map((e) => e.message),
    );
    expect(logs).toContain('reportPerformance 1101 680 probe');
  });

  it('wx.onSocketError hears the last socket fail to connect', async () => {
    await click('socket');
    expect((await readWhen('"socketError"')).socketError).toBe('connection failed');
  });

  it('wx.seekBackgroundAudio moves the background audio', async () => {
    await click('seek');
    const seen = await readWhen('"seeked"');
    expect(seen.seek).toBe('seekBackgroundAudio:ok');
    expect(seen.seeked).toBeCloseTo(1.5, 1);
  });
});

describe('videos and files in the browser', () => {
  it("wx.chooseVideo and wx.chooseMessageFile take the picked file through the host's picker into a temporary file; wx.saveVideoToPhotosAlbum hands it back as a download; wx.previewMedia refuses a video", async () => {
    await click('video');
    await pick('Choose a video', 'clip.mp4', 'video/mp4', Buffer.from('not really a video'));
    await pick('Choose a file', 'notes.txt', 'text/plain', Buffer.from('hello notes'));
    const download = page.waitForEvent('download');
    // Saving asks the user once: the consent sheet.
    await page.getByRole('dialog').getByRole('button', { name: 'Allow', exact: true }).click();
    expect((await download).suggestedFilename()).toMatch(/\.mp4$/);
    const seen = await readWhen('"refused"');
    expect(seen.video).toEqual({
      chosen: true,
      size: 18,
      message: [[expect.stringMatching(/\.txt$/), 11, 'file']],
      saved: 'saveVideoToPhotosAlbum:ok',
      refused: 'previewMedia:fail video preview is not supported',
    });
  });

  it('wx.previewMedia shows a picked picture full screen', async () => {
    await click('picture');
    await pick('Choose from album', 'red.png', 'image/png', Buffer.from(PROBE_PNG_BASE64, 'base64'));
    await readWhen('"picture":["image"]');
    await click('preview');
    const viewer = page.getByRole('dialog', { name: 'Image preview' });
    await viewer.waitFor();
    expect(await viewer.locator('img').first().getAttribute('src')).toBe(
      `data:image/png;base64,${PROBE_PNG_BASE64}`,
    );
    await viewer.getByRole('button', { name: 'Close preview' }).click();
  });
});

describe('leaving a page in the browser', () => {
  it('wx.enableAlertBeforeUnload asks before the user leaves by the back button (cancel stays, confirm leaves); wx.disableAlertBeforeUnload stops asking', async () => {
    await click('asking');
    const second = await frameOf(page, 'pages/second/second');
    await second.locator('#from').filter({ hasText: 'asking' }).waitFor();
    const back = page.getByRole('button', { name: 'Back' });
    const question = page.getByRole('dialog').filter({ hasText: 'Leave the form?' });
    await back.click();
    await question.getByRole('button', { name: '取消' }).click();
    await question.waitFor({ state: 'detached' });
    expect(await page.locator('section.plaza-page[data-path="pages/second/second"]').count()).toBe(1);
    await back.click();
    await question.getByRole('button', { name: '确定' }).click();
    await page.locator('section.plaza-page[data-path="pages/second/second"]').waitFor({ state: 'detached' });

    await click('asking');
    const again = await frameOf(page, 'pages/second/second');
    await again.locator('#quiet').click();
    await again.locator('#quieted').filter({ hasText: 'true' }).waitFor();
    await back.click();
    await page.locator('section.plaza-page[data-path="pages/second/second"]').waitFor({ state: 'detached' });
    expect(await page.getByRole('dialog').count()).toBe(0);
  });
});

describe('media of the app’s files in the browser', () => {
  it('wx.playVoice plays a file of the app to its end; wx.pauseVoice and wx.stopVoice pause and end it; wx.saveFileToDisk hands the file over as a download; wx.openDocument opens a PDF in a tab of the browser and refuses what is no document', async () => {
    const download = page.waitForEvent('download');
    const tab = page.context().waitForEvent('page');
    await click('voice');
    expect((await download).suggestedFilename()).toBe('voice.wav');
    expect((await tab).url()).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
    expect(await (await tab).evaluate(() => window.opener)).toBeNull();
    expect((await readWhen('"documents"')).documents).toEqual([
      'openDocument:fail fileType "html" is not supported',
      'openDocument:ok',
    ]);
    const seen = await readWhen('"disk"');
    expect(seen.voice).toEqual(['playVoice:ok', 'pauseVoice:ok', 'stopVoice:ok', 'playVoice:ok']);
    expect(seen.disk).toBe('saveFileToDisk:ok');
  });

  it('wx.createBufferURL makes a URL of bytes an <image> shows; wx.revokeBufferURL releases it', async () => {
    await click('buffer');
    const seen = await readWhen('"revoked"');
    expect(seen.bufferUrl).toBe('data:image/png;base64,');
    expect(seen.revoked).toBe(true);
    const frame = await frameOf(page, 'pages/index/index');
    await frame.waitForFunction(() => {
      const img = document.querySelector('#buffered img, img#buffered') as HTMLImageElement | null;
      return img?.complete && img.naturalWidth === 3;
    });
  });

  it('wx.setInnerAudioOption accepts the options a browser plays by; wx.getRendererUserAgent is the browser’s', async () => {
    expect(out.audioOption).toEqual(['setInnerAudioOption:ok', 'setInnerAudioOption:fail invalid speakerOn']);
    expect(out.userAgent).toBe(await page.evaluate(() => navigator.userAgent));
  });
});

describe('keys in the browser', () => {
  it('wx.onKeyboardHeightChange hears an on-screen keyboard cover the page and go; wx.offKeyboardHeightChange removes a listener', async () => {
    // A phone's keyboard shrinks the visual viewport; headless Chromium has none, so the
    // host page's visual viewport is made to report what a keyboard 300 px tall leaves.
    const keyboard = (covered: number) =>
      page.evaluate((h) => {
        const viewport = window.visualViewport!;
        Object.defineProperty(viewport, 'height', { configurable: true, get: () => window.innerHeight - h });
        viewport.dispatchEvent(new Event('resize'));
      }, covered);
    await keyboard(300);
    await keyboard(0);
    const seen = await readWhen('"keyboard":[300,0]');
    expect(seen.keyboard).toEqual([300, 0]);
    expect(seen.removedKeyboardRan).toBeUndefined();
  });

  it('wx.onKeyDown and wx.onKeyUp hear the keys pressed on the page; wx.offKeyDown and wx.offKeyUp remove a listener', async () => {
    await click('done');
    await page.keyboard.press('a');
    const seen = await readWhen('"up a KeyA 65"');
    expect(seen.keys).toEqual(['down a KeyA 65', 'up a KeyA 65']);
    expect(seen.removedKeyRan).toBeUndefined();
  });
});

describe('the microphone in the browser', () => {
  it('wx.getRecorderManager records the microphone after the user allows it, into a temporary file of the app; wx.startRecord and wx.stopRecord record the same way', async () => {
    await click('record');
    await page.getByRole('dialog').getByRole('button', { name: 'Allow', exact: true }).click();
    const seen = await readWhen('"legacy"');
    expect(seen.recorder).toEqual(['start', 'stop', true, true]);
    expect(seen.legacy).toBe(true);
  });
});
