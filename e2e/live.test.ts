import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { platformClient } from '../server/src/demo/index.ts';
import { launchChromium, openPhone, pageFrame, screenshots } from './support/phone-browser.ts';
import { type PlatformProcess, startPlatformProcess } from './support/platform-process.ts';
import { ensureSuperAppBuilt } from './support/super-app-build.ts';

// The demo's live room as a new user meets it (`npm start`, fresh data dir), in Chromium:
// ffmpeg pushes a looped clip as HLS over HTTP, hls.js plays it, the creator changes the
// pinned card while the user watches, and a tap on the card opens the takeout shop over it.
let platform: PlatformProcess;
let browser: Browser;
let page: Page;
let shot: (step: string) => Promise<void>;

beforeAll(async () => {
  ensureSuperAppBuilt();
  [platform, browser] = await Promise.all([startPlatformProcess('sqlite'), launchChromium()]);
  page = await openPhone(browser);
  shot = screenshots(page, 'live');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

const currentTime = () =>
  page.locator('[data-testid="live-video"]').evaluate((v) => (v as HTMLVideoElement).currentTime);

describe('live rooms and places in the super app', () => {
  it('plays, shows the pinned card change while watching, and opens the shop from it', async () => {
    const consoleLines: string[] = [];
    page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
    page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
    onTestFailed(async () => {
      await shot('failure');
      process.stderr.write(`browser console:\n${consoleLines.join('\n')}\n${platform.output()}\n`);
    });
    expect(platform.output()).toMatch(/Live room\s+http/);

    await page.goto(`${platform.base}/`);
    await page.getByRole('button', { name: 'Live' }).click();
    const entry = page.locator('[data-testid="live-room-entry"]').filter({ hasText: '现场拉面' }).first();
    await entry.waitFor();
    await shot('live-rooms');
    await entry.click();
    const room = page.locator('[data-testid="live-room"]');
    await room.waitFor();

    // The stream plays: its clock moves on by more than a second while we watch.
    await page.waitForFunction(
      () =>
        ((document.querySelector('[data-testid="live-video"]') as HTMLVideoElement | null)?.currentTime ??
          0) > 0,
      undefined,
      { timeout: 30_000 },
    );
    const started = await currentTime();
    await page.waitForFunction(
      (t) =>
        ((document.querySelector('[data-testid="live-video"]') as HTMLVideoElement).currentTime ?? 0) > t + 1,
      started,
      { timeout: 30_000 },
    );
    expect(await currentTime()).toBeGreaterThan(started + 1);
    const pinned = room.locator('[data-testid="live-pinned"]');
    await expect.poll(() => pinned.textContent()).toContain('外卖下单 · Order takeout');
    await expect
      .poll(() => room.locator('[data-testid="live-viewers"]').textContent())
      .toMatch(/^[1-9]\d* 人在看/);
    await shot('live-playing');

    // The creator pins another card and says something: both reach the open room live.
    // The live creator's session, as the demo keeps it in its data dir.
    const creator = platformClient(platform.base).as(platform.marker.liveSession ?? '');
    const roomId = /[?&]live=([A-Za-z0-9_-]+)/.exec(platform.output())?.[1];
    await creator.json('PUT', `/api/live/rooms/${roomId}/pin`, {
      appid: platform.marker.appid,
      title: '招牌牛肉面 ¥28 · Beef noodles',
      path: 'pages/shop/shop?from=live',
    });
    await creator.json('POST', `/api/live/rooms/${roomId}/comments`, { text: '牛肉面今晚八折！' });
    await pinned.filter({ hasText: '招牌牛肉面 ¥28' }).waitFor();
    await room.getByRole('list', { name: 'Comments' }).filter({ hasText: '牛肉面今晚八折！' }).waitFor();
    const beforeTap = await currentTime();
    await shot('pin-changed');

    // A tap on the card opens the takeout shop over the stream.
    await pinned.locator('[data-testid="anchor-card"]').click();
    await page.locator('[data-testid="mini-program-sheet"][data-ready]').waitFor();
    const shop = await pageFrame(page, 'pages/shop/shop');
    await shop.locator('.shop__name').filter({ hasText: 'Plaza Noodle House' }).waitFor();
    expect(await currentTime()).toBeGreaterThanOrEqual(beforeTap);
    await shot('shop-over-stream');
    await page.getByRole('button', { name: 'Close mini program' }).click();
    await room.waitFor();
  }, 150_000);

  it("opens a video's place: its POI page lists the services mounted there", async () => {
    await page.goto(`${platform.base}/`);
    const place = page.locator('[data-testid="video-place"]').first();
    await place.waitFor();
    expect(await place.textContent()).toContain('Plaza面馆（滨江店）');
    await shot('video-place');
    await place.click();
    const poiPage = page.locator('[data-testid="poi-page"]');
    await poiPage
      .getByRole('heading', { name: /Plaza面馆（滨江店）/ })
      .first()
      .waitFor();
    const service = poiPage.locator('[data-testid="poi-service"]').filter({ hasText: '点外卖' }).first();
    await service.waitFor();
    await shot('video-place-poi-page');
    await service.click();
    await page.locator('[data-testid="mini-program-sheet"][data-ready]').waitFor();
    await (await pageFrame(page, 'pages/shop/shop')).locator('.shop__name').first().waitFor();
    await shot('video-place-service-opened');
    await page.getByRole('button', { name: 'Close mini program' }).click();
  }, 60_000);

  it("stops the room's ffmpeg with the server", async () => {
    const roomId = /[?&]live=([A-Za-z0-9_-]+)/.exec(platform.output())?.[1] ?? '';
    const pushing = () =>
      readdirSync('/proc')
        .filter((p) => /^\d+$/.test(p))
        .filter((p) => {
          try {
            return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(`/ingest/${roomId}/`);
          } catch {
            return false; // the process ended while we looked
          }
        });
    expect(roomId).not.toBe('');
    expect(pushing()).toHaveLength(1);
    await platform.stop();
    expect(pushing()).toEqual([]);
  }, 60_000);
});
