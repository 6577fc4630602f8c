import { createHash, createPrivateKey, createPublicKey, verify } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, frameOf, mountFixture, probeOutput, useHarness } from '../testing/container-harness.ts';
import { writeProgram } from '../testing/fixture-package.ts';

// Members the host answers with its own sheets (permissions, cropping), the browser's media
// and authenticator, and the capsule's menu, in Chromium through the worker, the bridge and
// the browser host. Test titles name the members they prove (`wx.<name>`).
const PAGE = `
const out = {};
const settle = (p) => p.then((r) => r, (e) => ({ failed: e && e.errMsg }));
const fs = wx.getFileSystemManager();
const file = (name, base64) => { const path = wx.env.USER_DATA_PATH + '/' + name; fs.writeFileSync(path, base64, 'base64'); return path; };
Page({
  data: { json: '{}', ready: false, video: '' },
  publish() { this.setData({ json: JSON.stringify(out) }); },
  onLoad(query) {
    this.query = query;
    const never = () => ({ query: 'never=1' });
    wx.onCopyUrl(() => { out.copies = (out.copies || 0) + 1; this.publish(); return { query: 'from=copy&id=7' }; });
    wx.onCopyUrl(never); wx.offCopyUrl(never);
    this.setData({ ready: true, video: query.videoUrl });
  },
  async appSettings() { out.appSettings = await settle(wx.openAppAuthorizeSetting()); this.publish(); },
  async soter() {
    out.soter = await settle(wx.startSoterAuthentication({ requestAuthModes: ['fingerPrint'], challenge: 'order-42', authContent: 'Pay 9.90' }));
    out.soterFacial = await settle(wx.startSoterAuthentication({ requestAuthModes: ['speech', 'facial'], challenge: 'again' }));
    out.soterSpeech = await settle(wx.startSoterAuthentication({ requestAuthModes: ['speech'], challenge: 'x' }));
    out.soters = (out.soters || 0) + 1;
    this.publish();
  },
  async crop() {
    out.badScale = await settle(wx.cropImage({ src: file('pic.png', this.query.png), cropScale: '2:1' }));
    const answer = await settle(wx.cropImage({ src: file('pic.png', this.query.png), cropScale: '1:1' }));
    out.crop = answer;
    out.cropInfo = await settle(wx.getImageInfo({ src: answer.tempFilePath }));
    out.cropped = fs.readFileSync(answer.tempFilePath, 'base64');
    this.publish();
  },
  async edit() {
    const answer = await settle(wx.editImage({ src: file('pic.png', this.query.png) }));
    out.edits = (out.edits || []).concat([answer.failed || (answer.errMsg + ' ' + /.png$/.test(answer.tempFilePath))]);
    if (answer.tempFilePath) out.editInfo = await settle(wx.getImageInfo({ src: answer.tempFilePath }));
    this.publish();
  },
  async video() {
    out.video = await settle(wx.getVideoInfo({ src: file('clip.webm', this.query.webm) }));
    out.noVideo = await settle(wx.getVideoInfo({ src: wx.env.USER_DATA_PATH + '/none.webm' }));
    this.publish();
  },
  pipState() { (out.pip = out.pip || []).push(wx.checkIsPictureInPictureActive()); this.publish(); },
  subpackages() {
    const task = wx.preDownloadSubpackage({
      packageType: 'normal', name: 'shopping',
      success: (r) => { out.byName = r; this.publish(); },
    });
    task.onProgressUpdate((p) => { out.progress = p; this.publish(); });
    wx.preDownloadSubpackage({ packageType: 'normal', name: 'shop/', success: (r) => { out.byRoot = r; this.publish(); } });
    wx.preDownloadSubpackage({ packageType: 'normal', name: 'nowhere', fail: (r) => { out.unknown = r; this.publish(); } });
  },
});
`;
const BUTTONS = ['appSettings', 'soter', 'crop', 'edit', 'video', 'pipState', 'subpackages'];
const FILES: Record<string, string> = {
  'app.json': JSON.stringify({
    pages: ['pages/index/index'],
    subpackages: [{ root: 'shop', name: 'shopping', pages: ['pages/menu/menu'] }],
  }),
  'app.js': 'App({});',
  'pages/index/index.js': PAGE,
  'pages/index/index.wxml': `<view id="ready">{{ready}}</view><text id="out">{{json}}</text><video id="clip" src="{{video}}" muted controls="{{false}}" />${BUTTONS.map(
    (b) => `<view id="${b}" bindtap="${b}">${b}</view>`,
  ).join('')}`,
  'shop/pages/menu/menu.js': 'Page({});',
  'shop/pages/menu/menu.wxml': '<view>menu</view>',
};

const dir = writeProgram(FILES, 'sheets');
const CLIP = readFileSync(new URL('./test-media/clip.webm', import.meta.url));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'assets/clip.webm'), CLIP);
const harness = useHarness([{ name: 'sheets', dir }]);
// WebAuthn takes a domain, not an address, for the relying party: the page is at localhost.
const origin = () => harness.server.origin.replace('127.0.0.1', 'localhost');

let page: Page;
let cdp: CDPSession;
const { read, tap } = probeOutput(() => page);
/** The colour at (x, y) of a PNG given in base64, as the host page decodes it. */
const pixel = (png: string, x: number, y: number) =>
  page.evaluate(
    async ({ png, x, y }) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      return [...context.getImageData(x, y, 1, 1).data.slice(0, 3)];
    },
    { png, x, y },
  );

beforeAll(async () => {
  page = await harness.open();
  await page.goto(`${origin()}/`);
  cdp = await page.context().newCDPSession(page);
  // A 64×32 picture: red on the left half, blue on the right.
  const png = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 32;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#ff0000';
    context.fillRect(0, 0, 32, 32);
    context.fillStyle = '#0000ff';
    context.fillRect(32, 0, 32, 32);
    return canvas.toDataURL('image/png').replace(/^data:[^,]*,/, '');
  });
  await mountFixture(page, 'sheets', {
    userId: 'u1',
    capsule: true,
    query: {
      png,
      webm: CLIP.toString('base64'),
      videoUrl: `${origin()}/pkg/sheets/assets/clip.webm`,
    },
  });
  const frame = await frameOf(page, 'pages/index/index');
  await frame.locator('#ready').filter({ hasText: 'true' }).waitFor();
});

describe("the host's sheets", () => {
  it("wx.openAppAuthorizeSetting shows the app's system permissions as the browser reports them", async () => {
    await page.context().grantPermissions(['geolocation'], { origin: origin() });
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#appSettings').click();
    const sheet = page.getByRole('dialog', { name: 'System permissions' });
    await sheet.waitFor();
    const reported = await page.evaluate(async () =>
      Promise.all(
        (['camera', 'microphone', 'notifications'] as PermissionName[]).map(
          async (name) => (await navigator.permissions.query({ name })).state,
        ),
      ),
    );
    const words: Record<string, string> = { granted: 'Allowed', denied: 'Denied', prompt: 'Asks first' };
    const rows = await sheet.locator('dt, dd').allTextContents();
    expect(rows).toEqual([
      'Location',
      'Allowed',
      'Camera',
      words[reported[0]!],
      'Microphone',
      words[reported[1]!],
      'Notifications',
      words[reported[2]!],
    ]);
    await page.screenshot({ path: join(ARTIFACTS, 'app-authorize-setting.png') });
    await sheet.getByRole('button', { name: 'Done' }).click();
    await frame.locator('#out').filter({ hasText: '"appSettings"' }).waitFor();
    expect((await read()).appSettings).toEqual({ errMsg: 'openAppAuthorizeSetting:ok' });
  });

  it("wx.cropImage crops to the ratio in the host's sheet, where the user sizes and moves the box; a ratio the dialects lack fails", async () => {
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#crop').click();
    const sheet = page.getByRole('dialog', { name: 'Crop' });
    await sheet.waitFor();
    // Half the largest square, dragged to the right edge: the blue half only.
    await sheet.getByRole('slider', { name: 'Crop size' }).fill('50');
    const box = (await sheet.getByLabel('Crop box').boundingBox())!;
    expect([box.width, box.height]).toEqual([16, 16]);
    await page.mouse.move(box.x + 8, box.y + 8);
    await page.mouse.down();
    await page.mouse.move(box.x + 200, box.y + 8, { steps: 4 });
    await page.mouse.up();
    await page.screenshot({ path: join(ARTIFACTS, 'crop-image.png') });
    await sheet.getByRole('button', { name: 'Crop' }).click();
    await frame.locator('#out').filter({ hasText: '"cropped"' }).waitFor();
    const out = await read();
    expect(out.badScale).toEqual({ failed: 'cropImage:fail invalid cropScale "2:1"' });
    expect(out.crop).toEqual({ tempFilePath: expect.stringMatching(/\.png$/), errMsg: 'cropImage:ok' });
    expect([out.cropInfo.width, out.cropInfo.height]).toEqual([16, 16]);
    expect(await pixel(out.cropped, 0, 0)).toEqual([0, 0, 255]);
    expect(await pixel(out.cropped, 15, 15)).toEqual([0, 0, 255]);
  });

  it('wx.editImage lets the user reshape the crop by ratio, or cancel', async () => {
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#edit').click();
    let sheet = page.getByRole('dialog', { name: 'Edit image' });
    await sheet.getByRole('combobox', { name: 'Ratio' }).selectOption('4:3');
    await sheet.getByRole('button', { name: 'Crop' }).click();
    await frame.locator('#out').filter({ hasText: '"editInfo"' }).waitFor();
    let out = await read();
    expect(out.edits).toEqual(['editImage:ok true']);
    expect([out.editInfo.width, out.editInfo.height]).toEqual([43, 32]);
    await frame.locator('#edit').click();
    sheet = page.getByRole('dialog', { name: 'Edit image' });
    await sheet.getByRole('button', { name: 'Cancel' }).click();
    await frame.locator('#out').filter({ hasText: 'editImage:fail cancel' }).waitFor();
    out = await read();
    expect(out.edits).toEqual(['editImage:ok true', 'editImage:fail cancel']);
  });
});

describe("the capsule's menu", () => {
  it("wx.onCopyUrl answers the query of the link the menu's Copy link puts on the clipboard; wx.offCopyUrl removes a listener", async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: origin() });
    await page.getByRole('button', { name: 'More' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Copy link' }).click();
    const here = await page.evaluate(() => location.href.replace(/#.*$/, ''));
    const link = `${here}#/pages/index/index?from=copy&id=7`;
    await page.waitForFunction(async (link) => (await navigator.clipboard.readText()) === link, link);
    expect((await read()).copies).toBe(1);
  });
});

describe("the browser's media and authenticator", () => {
  it("wx.getVideoInfo reads the video's length, size, format and bytes as a <video> of the host loads it; a file that is not there fails", async () => {
    const out = await tap('video', '"noVideo"');
    expect(out.video).toEqual({
      duration: expect.closeTo(2, 1),
      width: 64,
      height: 48,
      type: 'webm',
      size: Math.round(CLIP.length / 1024),
      orientation: 'up',
      fps: 0,
      bitrate: Math.round((CLIP.length * 8) / out.video.duration / 1000),
      errMsg: 'getVideoInfo:ok',
    });
    expect(out.noVideo.failed).toMatch(/^getVideoInfo:fail invalid src ".*none\.webm"$/);
  });

  it('wx.checkIsPictureInPictureActive is true while a video of the program is in picture-in-picture', async () => {
    await tap('pipState', '"pip":[false]');
    const frame = await frameOf(page, 'pages/index/index');
    const video = frame.locator('video');
    await video.evaluate((v: HTMLVideoElement) =>
      v.readyState > 0
        ? undefined
        : new Promise((r) => v.addEventListener('loadedmetadata', r, { once: true })),
    );
    // As the user does it with the player's own button (the evaluation counts as a gesture).
    await video.evaluate((v: HTMLVideoElement) => v.requestPictureInPicture().then(() => undefined));
    await tap('pipState', '"pip":[false,true]');
    await frame.evaluate(() => document.exitPictureInPicture());
    const out = await tap('pipState', '"pip":[false,true,false]');
    expect(out.pip).toEqual([false, true, false]);
  });

  it('wx.startSoterAuthentication signs the challenge with the platform authenticator, verifying the user; without one it fails', async () => {
    let out = await tap('soter', '"soters":1');
    expect(out.soter).toEqual({
      failed: 'startSoterAuthentication:fail no biometric enrolled on this device',
    });
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });
    out = await tap('soter', '"soters":2');
    expect(out.soter).toEqual({
      authMode: 'fingerPrint',
      errCode: 0,
      resultJSON: expect.any(String),
      resultJSONSignature: expect.any(String),
      errMsg: 'startSoterAuthentication:ok',
    });
    expect(out.soterFacial.authMode).toBe('facial');
    expect(out.soterSpeech).toEqual({
      failed: 'startSoterAuthentication:fail invalid requestAuthModes: fingerPrint or facial',
    });
    const result = JSON.parse(out.soter.resultJSON);
    expect(result).toMatchObject({ raw: 'order-42', tee_n: 'webauthn', counter: expect.any(Number) });
    // The key the authenticator made signs its data and the client data naming the challenge.
    const clientData = JSON.parse(Buffer.from(result.client_data_json, 'base64').toString());
    expect(clientData).toMatchObject({
      type: 'webauthn.get',
      challenge: Buffer.from('order-42').toString('base64url'),
    });
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials.map((c) => c.credentialId)).toEqual([
      Buffer.from(result.fid, 'base64').toString('base64'),
    ]);
    const key = createPublicKey(
      createPrivateKey({
        key: Buffer.from(credentials[0]!.privateKey, 'base64'),
        format: 'der',
        type: 'pkcs8',
      }),
    );
    const signed = Buffer.concat([
      Buffer.from(result.authenticator_data, 'base64'),
      createHash('sha256').update(Buffer.from(result.client_data_json, 'base64')).digest(),
    ]);
    expect(verify('sha256', signed, key, Buffer.from(out.soter.resultJSONSignature, 'base64'))).toBe(true);
  });
});

describe('the package', () => {
  it('wx.preDownloadSubpackage finds a declared subpackage by name or root already there; an unknown one fails', async () => {
    const out = await tap('subpackages', /"unknown".*"byRoot"|"byRoot".*"unknown"/);
    expect(out.byName).toEqual({ errMsg: 'preDownloadSubpackage:ok' });
    expect(out.byRoot).toEqual({ errMsg: 'preDownloadSubpackage:ok' });
    expect(out.progress).toEqual({ progress: 100, totalBytesWritten: 0, totalBytesExpectedToWrite: 0 });
    expect(out.unknown).toEqual({ errMsg: 'preDownloadSubpackage:fail subpackage "nowhere" not found' });
  });
});
