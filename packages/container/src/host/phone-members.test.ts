import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PROBE_PNG_BASE64 } from '@plaza/runtime/testing';
import type { CDPSession, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  events,
  frameOf,
  mountFixture,
  probeOutput,
  useHarness,
} from '../testing/container-harness.ts';
import { toGcj02 } from './geolocation.ts';

// The phone's members in Chromium (location, calendar, user verification, decoders, dialer,
// map, preloading), through the sandboxed worker, the bridge and the browser host. Test titles
// name the members they prove (`wx.<name>`): the matrix claims `browser` only for those.
const PAGE = `
const out = {};
const settle = (p) => p.then((r) => r, (e) => ({ failed: e && e.errMsg }));
Page({
  data: { json: '{}', ready: false },
  publish() { this.setData({ json: JSON.stringify(out) }); },
  onLoad(query) {
    this.query = query;
    out.query = query;
    out.launches = wx.getStorageSync('launches');
    const never = () => { out.removedListenerRan = true; this.publish(); };
    wx.onLocationChange((r) => { (out.fixes = out.fixes || []).push(r); this.publish(); });
    wx.onLocationChange(never); wx.offLocationChange(never);
    wx.onLocationChangeError((r) => { out.lost = r; this.publish(); });
    wx.onLocationChangeError(never); wx.offLocationChangeError(never);
    wx.onNetworkWeakChange((r) => { (out.weak = out.weak || []).push(r); this.publish(); });
    wx.onNetworkWeakChange(never); wx.offNetworkWeakChange(never);
    this.publish();
    this.setData({ ready: true });
  },
  async locate() {
    out.location = await settle(wx.getLocation({ type: 'wgs84' }));
    out.gcj = await settle(wx.getLocation({ type: 'gcj02' }));
    out.fuzzy = await settle(wx.getFuzzyLocation({ type: 'wgs84' }));
    out.located = (out.located || 0) + 1;
    this.publish();
  },
  async follow() { out.follow = await settle(wx.startLocationUpdate()); this.publish(); },
  async followBackground() { out.background = await settle(wx.startLocationUpdateBackground({ type: 'gcj02' })); this.publish(); },
  async stop() { out.stop = await settle(wx.stopLocationUpdate()); this.publish(); },
  async calendar() {
    out.calendar = await settle(wx.addPhoneCalendar({ title: 'Launch, day 1', startTime: 1800000000, description: 'Bring; notes', location: 'Hall 3', alarmOffset: 600 }));
    out.noTitle = await settle(wx.addPhoneCalendar({ startTime: 1800000000 }));
    this.publish();
  },
  async repeat() {
    out.repeat = await settle(wx.addPhoneRepeatCalendar({ title: 'Standup', startTime: 1800000000, endTime: '1800001800', repeatInterval: 'week', repeatEndTime: 1810000000, alarm: false }));
    out.badRepeat = await settle(wx.addPhoneRepeatCalendar({ title: 'x', startTime: 1, repeatInterval: 'hour' }));
    this.publish();
  },
  async abilities() {
    out.soter = await settle(wx.checkIsSupportSoterAuthentication());
    out.enrolled = await settle(wx.checkIsSoterEnrolledInDevice({ checkAuthMode: 'fingerPrint' }));
    out.badMode = await settle(wx.checkIsSoterEnrolledInDevice({ checkAuthMode: 'iris' }));
    out.hevc = await settle(wx.checkDeviceSupportHevc());
    out.checked = (out.checked || 0) + 1;
    this.publish();
  },
  async preload() {
    out.preload = await settle(wx.preloadAssets({ data: [{ type: 'image', src: this.query.img }, { type: 'font', src: this.query.font }] }));
    out.preloadMissing = await settle(wx.preloadAssets({ data: [{ type: 'image', src: this.query.missing }] }));
    out.preloadScript = await settle(wx.preloadAssets({ data: [{ type: 'image', src: 'javascript:alert(1)' }] }));
    this.publish();
  },
  async typed(e) {
    // Asked once the caret has moved back into the text (published here, the field would re-render).
    if (!e.detail.value.includes('X')) return;
    out.range = await settle(wx.getSelectedTextRange());
    out.typed = e.detail.value;
    this.publish();
  },
  async rangeUnfocused() { out.unfocused = await settle(wx.getSelectedTextRange()); this.publish(); },
  async go() {
    await wx.navigateTo({ url: '/pages/second/second?from=index' });
    await wx.navigateBack();
    out.routes = wx.getPerformance().getEntriesByName('route').map((e) => [e.entryType, e.path, e.navigationType, e.duration >= 0]);
    this.publish();
  },
  async badRestart() { out.badRestart = await settle(wx.restartMiniProgram({ path: 'pages/nowhere/nowhere' })); this.publish(); },
  restart() { wx.restartMiniProgram({ path: '/pages/index/index?again=1' }); },
  onShareAppMessage(o) { return { title: 'Probe share', path: '/pages/index/index?from=' + o.from }; },
  async shareOn() {
    out.shareOn = await settle(wx.showShareMenu({ withShareTicket: true }));
    out.shareUpdate = await settle(wx.updateShareMenu({ isUpdatableMessage: true, activityId: 'a1' }));
    this.publish();
  },
  async shareOff() { out.shareOff = await settle(wx.hideShareMenu()); this.publish(); },
  async shareImage() {
    const path = wx.env.USER_DATA_PATH + '/poster.png';
    wx.getFileSystemManager().writeFileSync(path, this.query.png, 'base64');
    out.shareImage = await settle(wx.showShareImageMenu({ path }));
    out.shareMissing = await settle(wx.showShareImageMenu({ path: wx.env.USER_DATA_PATH + '/none.png' }));
    this.publish();
  },
  async address() { out.address = await settle(wx.chooseAddress()); this.publish(); },
  async plate() {
    const answer = await settle(wx.chooseLicensePlate());
    (out.plates = out.plates || []).push(answer);
    this.publish();
  },
  async call() {
    out.call = await settle(wx.makePhoneCall({ phoneNumber: '+86 10-1234 5678' }));
    out.badCall = await settle(wx.makePhoneCall({ phoneNumber: 'javascript:alert(1)' }));
    this.publish();
  },
  async map() {
    out.map = await settle(wx.openLocation({ latitude: 39.915, longitude: 116.404, scale: 16 }));
    out.badMap = await settle(wx.openLocation({ latitude: 91, longitude: 0 }));
    this.publish();
  },
});
`;
const BUTTONS = [
  'shareImage',
  'address',
  'shareOn',
  'shareOff',
  'plate',
  'rangeUnfocused',
  'go',
  'badRestart',
  'restart',
  'locate',
  'follow',
  'followBackground',
  'stop',
  'calendar',
  'repeat',
  'abilities',
  'preload',
  'call',
  'map',
];
const FILES: Record<string, string> = {
  'app.json': JSON.stringify({
    pages: ['pages/index/index', 'pages/second/second'],
    permission: {
      'scope.userLocation': { desc: 'to find the shop near you' },
      'scope.userFuzzyLocation': { desc: 'to show your city' },
      'scope.userLocationBackground': { desc: 'to guide you on the way' },
    },
  }),
  'app.js':
    "App({ onLaunch() { wx.setStorageSync('launches', (wx.getStorageSync('launches') || 0) + 1); } });",
  'pages/second/second.js':
    'Page({ data: { hidden: "" }, async hideHome() { this.setData({ hidden: (await wx.hideHomeButton()).errMsg }); } });',
  'pages/second/second.wxml':
    '<view id="hideHome" bindtap="hideHome">hide home</view><text id="hidden">{{hidden}}</text>',
  'pages/index/index.js': PAGE,
  'pages/index/index.wxml': `<view id="ready">{{ready}}</view><text id="out">{{json}}</text><input id="field" bindinput="typed" />${BUTTONS.map(
    (b) => `<view id="${b}" bindtap="${b}">${b}</view>`,
  ).join('')}`,
};

const dir = mkdtempSync(join(tmpdir(), 'plaza-phone-'));
for (const [file, text] of Object.entries(FILES)) {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
}
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'assets/dot.png'), Buffer.from(PROBE_PNG_BASE64, 'base64'));
copyFileSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', join(dir, 'assets/probe.ttf'));
const harness = useHarness([{ name: 'phone', dir }]);

let page: Page;
let cdp: CDPSession;
const { read, tap } = probeOutput(() => page);

beforeAll(async () => {
  page = await harness.open();
  cdp = await page.context().newCDPSession(page);
  const pkg = `${harness.server.origin}/pkg/phone/assets`;
  // The user allowed the location scopes earlier (remembered per app and user); the calendar is asked below.
  await page.evaluate(() => {
    for (const scope of ['scope.userLocation', 'scope.userFuzzyLocation', 'scope.userLocationBackground'])
      localStorage.setItem(`plaza-consent:phone:u1:${scope}`, 'allow');
  });
  await mountFixture(page, 'phone', {
    userId: 'u1',
    capsule: true,
    query: {
      png: PROBE_PNG_BASE64,
      img: `${pkg}/dot.png`,
      font: `${pkg}/probe.ttf`,
      missing: `${pkg}/missing.png`,
    },
  });
  const frame = await frameOf(page, 'pages/index/index');
  await frame.locator('#ready').filter({ hasText: 'true' }).waitFor();
});

describe('location in the browser', () => {
  it("wx.startLocationUpdate reports the browser's refusal to wx.onLocationChangeError; wx.offLocationChangeError removes a listener", async () => {
    // The browser's geolocation permission is not granted yet: the follow starts, and is refused.
    const out = await tap('follow', '"lost"');
    expect(out.follow).toEqual({ errMsg: 'startLocationUpdate:ok' });
    expect(out.lost).toEqual({ errCode: 1, errMsg: 'auth deny' });
    expect(out.removedListenerRan).toBeUndefined();
  });

  it("wx.getLocation and wx.getFuzzyLocation read the host page's geolocation, in WGS-84 or GCJ-02, the fuzzy one to about a kilometre", async () => {
    await page.context().grantPermissions(['geolocation'], { origin: harness.server.origin });
    await page.context().setGeolocation({ latitude: 39.9042, longitude: 116.4074, accuracy: 12 });
    const out = await tap('locate', '"located":1');
    expect(out.location).toEqual({
      latitude: 39.9042,
      longitude: 116.4074,
      speed: -1,
      accuracy: 12,
      altitude: 0,
      verticalAccuracy: 0,
      horizontalAccuracy: 12,
      errMsg: 'getLocation:ok',
    });
    const shifted = toGcj02(39.9042, 116.4074);
    expect(out.gcj.latitude).toBeCloseTo(shifted.latitude, 9);
    expect(out.gcj.longitude).toBeCloseTo(shifted.longitude, 9);
    expect(out.fuzzy).toEqual({ latitude: 39.9, longitude: 116.41, errMsg: 'getFuzzyLocation:ok' });
  });

  it('wx.startLocationUpdate hands each fix to wx.onLocationChange (wx.offLocationChange removes a listener); wx.stopLocationUpdate ends them; wx.startLocationUpdateBackground follows in GCJ-02', async () => {
    await tap('stop', '"stop"');
    await tap('follow', '"fixes"');
    await page.context().setGeolocation({ latitude: 31.2304, longitude: 121.4737, accuracy: 20 });
    let out = await tap('stop', '"latitude":31.2304');
    expect(out.fixes.at(-1)).toMatchObject({ latitude: 31.2304, longitude: 121.4737, accuracy: 20 });
    expect(out.removedListenerRan).toBeUndefined();
    const heard = out.fixes.length;
    // Stopped: a new fix reaches no listener (the next getLocation answers after it would have).
    await page.context().setGeolocation({ latitude: 22.5431, longitude: 114.0579, accuracy: 5 });
    out = await tap('locate', '"located":2');
    expect(out.location.latitude).toBe(22.5431);
    expect(out.fixes.length).toBe(heard);
    out = await tap('followBackground', '"background"');
    expect(out.background).toEqual({ errMsg: 'startLocationUpdateBackground:ok' });
    await page.context().setGeolocation({ latitude: 30.5728, longitude: 104.0668, accuracy: 8 });
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#out').filter({ hasText: '"latitude":30.57' }).waitFor();
    out = await read();
    const shifted = toGcj02(30.5728, 104.0668);
    expect(out.fixes.at(-1).latitude).toBeCloseTo(shifted.latitude, 9);
    expect(out.fixes.at(-1).longitude).toBeCloseTo(shifted.longitude, 9);
    await tap('stop', '"stop"');
  });
});

describe('the network in the browser', () => {
  it('wx.onNetworkWeakChange hears the connection turn weak and recover; wx.offNetworkWeakChange removes a listener', async () => {
    // Chromium's own throttling, as a slow mobile network: the browser measures it as 2G.
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 2000,
      downloadThroughput: 5000,
      uploadThroughput: 5000,
    });
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#out').filter({ hasText: '"weakNet":true' }).waitFor();
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await frame.locator('#out').filter({ hasText: '"weakNet":false' }).waitFor();
    const out = await read();
    expect(out.weak.map((w: any) => w.weakNet)).toEqual([true, false]);
    expect(out.weak[0].networkType).toEqual(expect.any(String));
    expect(out.removedListenerRan).toBeUndefined();
  });
});

describe('the calendar in the browser', () => {
  it('wx.addPhoneCalendar asks once, then hands the user an iCalendar event with its alarm; wx.addPhoneRepeatCalendar adds the repeat rule', async () => {
    const frame = await frameOf(page, 'pages/index/index');
    let download = page.waitForEvent('download');
    await frame.locator('#calendar').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Allow', exact: true }).click();
    let file = await download;
    expect(file.suggestedFilename()).toBe('event.ics');
    let ics = readFileSync((await file.path())!, 'utf8');
    expect(ics).toContain('\r\nDTSTART:20270115T080000Z\r\nDTEND:20270115T090000Z\r\n');
    expect(ics).toContain('SUMMARY:Launch\\, day 1\r\nDESCRIPTION:Bring\\; notes\r\nLOCATION:Hall 3\r\n');
    expect(ics).toContain(
      'BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Launch\\, day 1\r\nTRIGGER:-PT600S\r\n',
    );
    await frame.locator('#out').filter({ hasText: '"noTitle"' }).waitFor();
    let out = await read();
    expect(out.calendar).toEqual({ errMsg: 'addPhoneCalendar:ok' });
    expect(out.noTitle).toEqual({ failed: 'addPhoneCalendar:fail title should not be empty' });

    download = page.waitForEvent('download');
    out = await tap('repeat', '"badRepeat"');
    file = await download;
    ics = readFileSync((await file.path())!, 'utf8');
    expect(ics).toContain('DTSTART:20270115T080000Z\r\nDTEND:20270115T083000Z\r\nSUMMARY:Standup\r\n');
    expect(ics).toContain('RRULE:FREQ=WEEKLY;UNTIL=20270511T014640Z\r\n');
    expect(ics).not.toContain('VALARM');
    expect(out.repeat).toEqual({ errMsg: 'addPhoneRepeatCalendar:ok' });
    expect(out.badRepeat).toEqual({ failed: 'addPhoneRepeatCalendar:fail invalid repeatInterval "hour"' });
  });
});

describe('what the device can do, in the browser', () => {
  it('wx.checkIsSupportSoterAuthentication and wx.checkIsSoterEnrolledInDevice answer from the platform authenticator; wx.checkDeviceSupportHevc from the decoders', async () => {
    let out = await tap('abilities', '"checked":1');
    expect(out.soter).toEqual({ supportMode: [], errMsg: 'checkIsSupportSoterAuthentication:ok' });
    expect(out.enrolled).toEqual({ isEnrolled: false, errMsg: 'checkIsSoterEnrolledInDevice:ok' });
    expect(out.badMode).toEqual({ failed: 'checkIsSoterEnrolledInDevice:fail invalid checkAuthMode "iris"' });
    const hevc = await page.evaluate(() =>
      MediaSource.isTypeSupported('video/mp4; codecs="hvc1.1.6.L93.B0"'),
    );
    expect(out.hevc).toEqual({ supportHevc: hevc, errMsg: 'checkDeviceSupportHevc:ok' });
    // A fingerprint reader, as Chromium's virtual authenticator: built in, verifying its user.
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });
    out = await tap('abilities', '"checked":2');
    expect(out.soter).toEqual({
      supportMode: ['fingerPrint'],
      errMsg: 'checkIsSupportSoterAuthentication:ok',
    });
    expect(out.enrolled).toEqual({ isEnrolled: true, errMsg: 'checkIsSoterEnrolledInDevice:ok' });
  });
});

describe('the page and the phone, in the browser', () => {
  it("wx.preloadAssets loads images and fonts into the page's frame ahead of use; a missing or unsafe asset fails", async () => {
    const image = page.waitForRequest((r) => r.url().endsWith('/assets/dot.png'));
    const font = page.waitForRequest((r) => r.url().endsWith('/assets/probe.ttf'));
    const out = await tap('preload', '"preloadScript"');
    await Promise.all([image, font]);
    expect(out.preload).toEqual({ errMsg: 'preloadAssets:ok' });
    expect(out.preloadMissing.failed).toMatch(/^preloadAssets:fail could not load http:.*\/missing\.png$/);
    expect(out.preloadScript.failed).toMatch(/^preloadAssets:fail invalid asset/);
  });

  it("wx.makePhoneCall hands the number to the system's dialer as a tel: link; a number that is not one fails", async () => {
    await page.evaluate(() => {
      const w = window as unknown as { dialled: string[] };
      w.dialled = [];
      document.addEventListener(
        'click',
        (event) => {
          const link = event.target as HTMLAnchorElement;
          if (link.href?.startsWith('tel:')) {
            w.dialled.push(link.href);
            event.preventDefault();
          }
        },
        true,
      );
    });
    const out = await tap('call', '"badCall"');
    expect(out.call).toEqual({ errMsg: 'makePhoneCall:ok' });
    expect(out.badCall).toEqual({ failed: 'makePhoneCall:fail invalid phoneNumber' });
    expect(await page.evaluate(() => (window as unknown as { dialled: string[] }).dialled)).toEqual([
      'tel:+861012345678',
    ]);
  });

  it('wx.openLocation offers the place on a map, which opens in a tab of its own; a place off the globe fails', async () => {
    await page
      .context()
      .route('https://www.openstreetmap.org/**', (route) =>
        route.fulfill({ contentType: 'text/html', body: '<title>map</title>' }),
      );
    const tab = page.context().waitForEvent('page');
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#map').click();
    // The host's sheet: the user's tap there opens the tab.
    await page.getByRole('button', { name: 'Show “39.915, 116.404” on the map' }).click();
    await frame.locator('#out').filter({ hasText: '"badMap"' }).waitFor();
    const out = await read();
    const opened = await tab;
    await opened.waitForLoadState();
    await opened.close();
    expect(opened.url()).toBe(
      'https://www.openstreetmap.org/?mlat=39.915&mlon=116.404#map=16/39.915/116.404',
    );
    expect(out.map).toEqual({ errMsg: 'openLocation:ok' });
    expect(out.badMap).toEqual({ failed: 'openLocation:fail invalid latitude or longitude' });
  });
});

describe('the page and the program, in the browser', () => {
  it('a page opened alone that is not the home page shows the home button, which goes home; wx.hideHomeButton takes it off', async () => {
    const alone = await harness.open();
    await mountFixture(alone, 'phone', { appId: 'phone-home', path: 'pages/second/second' });
    await alone.getByRole('button', { name: 'Home' }).waitFor();
    await alone.screenshot({ path: join(ARTIFACTS, 'home-button.png') });
    await alone.getByRole('button', { name: 'Home' }).click();
    await (await frameOf(alone, 'pages/index/index')).locator('#ready').filter({ hasText: 'true' }).waitFor();
    // The home page needs no way home (the page that had one slides out).
    await alone.getByRole('button', { name: 'Home' }).waitFor({ state: 'hidden' });
    expect(
      await alone.locator('section.plaza-page:not([hidden]) .plaza-nav-home:not([hidden])').count(),
    ).toBe(0);

    await mountFixture(alone, 'phone', { appId: 'phone-home', path: 'pages/second/second' });
    const second = await frameOf(alone, 'pages/second/second');
    await alone.getByRole('button', { name: 'Home' }).waitFor();
    await second.locator('#hideHome').click();
    await second.locator('#hidden').filter({ hasText: 'hideHomeButton:ok' }).waitFor();
    expect(await alone.locator('.plaza-nav-home:not([hidden])').count()).toBe(0);
    await alone.close();
  });

  it("wx.showShareImageMenu offers the picture in the host's menu and hands it to the user to keep; a file that is not there fails", async () => {
    const frame = await frameOf(page, 'pages/index/index');
    const download = page.waitForEvent('download');
    await frame.locator('#shareImage').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Save image' }).click();
    // Keeping a picture asks for the album once: the consent sheet.
    await page.getByRole('dialog').getByRole('button', { name: 'Allow', exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('poster.png');
    expect(readFileSync((await file.path())!).toString('base64')).toBe(PROBE_PNG_BASE64);
    await frame.locator('#out').filter({ hasText: '"shareMissing"' }).waitFor();
    const out = await read();
    expect(out.shareImage).toEqual({ errMsg: 'showShareImageMenu:ok' });
    expect(out.shareMissing.failed).toMatch(/^showShareImageMenu:fail invalid path /);
  });

  it("wx.chooseAddress asks for a delivery address in the host's form, its fields open to the browser's autofill; an incomplete one is not taken", async () => {
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#address').click();
    const form = page.getByRole('dialog', { name: 'Delivery address' });
    await form.getByLabel('Name').fill('Li Lei');
    await form.getByRole('button', { name: 'Use this address' }).click();
    // Required fields left empty: the browser keeps the form open.
    expect(await form.getByLabel('Phone').isVisible()).toBe(true);
    await form.getByLabel('Phone').fill('13800138000');
    await form.getByLabel('Province').fill('广东省');
    await form.getByLabel('City').fill('广州市');
    await form.getByLabel('District').fill('天河区');
    await form.getByLabel('Street address').fill('体育西路 1 号');
    await form.getByLabel('Postal code').fill('510000');
    expect(await form.getByLabel('Street address').getAttribute('autocomplete')).toBe('street-address');
    await form.getByRole('button', { name: 'Use this address' }).click();
    await frame.locator('#out').filter({ hasText: '"address"' }).waitFor();
    expect((await read()).address).toEqual({
      userName: 'Li Lei',
      telNumber: '13800138000',
      provinceName: '广东省',
      cityName: '广州市',
      countyName: '天河区',
      detailInfo: '体育西路 1 号',
      postalCode: '510000',
      nationalCode: '',
      errMsg: 'chooseAddress:ok',
    });
  });

  it("wx.chooseLicensePlate asks in the host's sheet until the number is a plate, or the user cancels", async () => {
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#plate').click();
    const sheet = page.getByRole('dialog');
    await sheet.getByRole('textbox').fill('not a plate');
    await sheet.getByRole('button', { name: 'OK' }).click();
    await page
      .getByRole('dialog')
      .filter({ hasText: '“not a plate” is not a licence plate number' })
      .waitFor();
    await page.getByRole('dialog').getByRole('textbox').fill('粤b 12345');
    await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
    await frame.locator('#out').filter({ hasText: '"plates"' }).waitFor();
    await frame.locator('#plate').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await frame.locator('#out').filter({ hasText: 'cancel' }).waitFor();
    expect((await read()).plates).toEqual([
      { plateNumber: '粤B12345', errMsg: 'chooseLicensePlate:ok' },
      { failed: 'chooseLicensePlate:fail cancel' },
    ]);
  });

  it('wx.getSelectedTextRange answers where the caret is in the field being typed in; with no field focused it fails', async () => {
    const frame = await frameOf(page, 'pages/index/index');
    const field = frame.locator('#field input, input#field').first();
    await field.pressSequentially('hello');
    await field.press('ArrowLeft');
    await field.press('ArrowLeft');
    await field.pressSequentially('X');
    const out = await tap('rangeUnfocused', '"unfocused"');
    expect(out.typed).toBe('helXlo');
    expect(out.range).toEqual({ start: 4, end: 4, errMsg: 'getSelectedTextRange:ok' });
    expect(out.unfocused).toEqual({ failed: 'getSelectedTextRange:fail no focused input' });
  });

  it('wx.getPerformance lists a route entry for each navigation, with its page and kind', async () => {
    const out = await tap('go', '"routes"');
    expect(out.routes).toEqual([
      ['navigation', 'pages/second/second', 'navigateTo', true],
      ['navigation', 'pages/index/index', 'navigateBack', true],
    ]);
  });

  it("wx.showShareMenu puts Share in the host's menu, which asks the page's onShareAppMessage; wx.updateShareMenu sets what the share carries; wx.hideShareMenu takes it out", async () => {
    const menu = async () => {
      await page.getByRole('button', { name: 'More' }).click();
      const sheet = page.getByRole('dialog');
      await sheet.getByRole('button', { name: 'Restart' }).waitFor();
      return sheet;
    };
    let sheet = await menu();
    expect(await sheet.getByRole('button', { name: 'Share' }).count()).toBe(0);
    await sheet.getByRole('button', { name: 'Cancel' }).click();
    let out = await tap('shareOn', '"shareUpdate"');
    expect(out.shareOn).toEqual({ errMsg: 'showShareMenu:ok' });
    expect(out.shareUpdate).toEqual({ errMsg: 'updateShareMenu:ok' });
    sheet = await menu();
    await sheet.getByRole('button', { name: 'Share' }).click();
    await page.waitForFunction(() => (window as any).__events.some((e: any) => e.type === 'share'));
    const shared = (await events(page)).filter((e) => e.type === 'share');
    expect(shared).toEqual([
      {
        type: 'share',
        content: { title: 'Probe share', path: '/pages/index/index?from=menu' },
        settings: { withShareTicket: true, isUpdatableMessage: true, activityId: 'a1' },
      },
    ]);
    out = await tap('shareOff', '"shareOff"');
    expect(out.shareOff).toEqual({ errMsg: 'hideShareMenu:ok' });
    sheet = await menu();
    expect(await sheet.getByRole('button', { name: 'Share' }).count()).toBe(0);
    await sheet.getByRole('button', { name: 'Cancel' }).click();
  });

  it('wx.restartMiniProgram launches the program again at the page it names; a page the package lacks fails', async () => {
    let out = await tap('badRestart', '"badRestart"');
    expect(out.badRestart).toEqual({
      failed: 'restartMiniProgram:fail invalid path "pages/nowhere/nowhere": no such page',
    });
    expect(out.launches).toBe(1);
    const frame = await frameOf(page, 'pages/index/index');
    // A new run: new frames, onLaunch again, the page opened with the query asked for.
    await page.evaluate(() => document.querySelector('section.plaza-page')?.setAttribute('data-before', ''));
    await frame.locator('#restart').click();
    await page.waitForSelector('section.plaza-page[data-path="pages/index/index"]:not([data-before]) iframe');
    const again = await frameOf(page, 'pages/index/index');
    await again.locator('#out').filter({ hasText: '"again":"1"' }).waitFor();
    out = JSON.parse((await again.locator('#out').textContent()) ?? '{}');
    expect(out.query).toEqual({ again: '1' });
    expect(out.launches).toBe(2);
    expect(out.fixes).toBeUndefined();
  });
});
