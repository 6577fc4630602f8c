import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts } from '../server/src/demo/index.ts';
import { launchChromium, openPhone, screenshots, signInDemoUser } from './support/phone-browser.ts';
import { type PlatformProcess, startPlatformProcess } from './support/platform-process.ts';
import { ensureSuperAppBuilt } from './support/super-app-build.ts';

// Follow and share on a video in the super app, in Chromium against `npm start`: each is
// reported to the platform as a feed event, which the recommender learns from.
describe('follow and share on a video', () => {
  const walk: {
    platform?: PlatformProcess;
    browser?: Browser;
    page?: Page;
    shot?: (step: string) => Promise<void>;
  } = {};

  beforeAll(async () => {
    ensureSuperAppBuilt();
    const [platform, browser] = await Promise.all([startPlatformProcess('sqlite'), launchChromium()]);
    const page = await openPhone(browser);
    // The share falls back to the clipboard where the system has no share sheet (Linux).
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: platform.base });
    Object.assign(walk, { platform, browser, page, shot: screenshots(page, 'feed-actions') });
  }, 180_000);

  afterAll(async () => {
    await walk.browser?.close();
    await walk.platform?.stop();
  });

  /** The feed-event batch that carries an event of this type, once the platform accepted it. */
  const reported = (page: Page, type: string) =>
    page.waitForResponse(
      (res) =>
        res.url().endsWith('/api/feed/events') &&
        res.status() === 200 &&
        ((res.request() as Request).postDataJSON() as { events: Array<{ type: string }> }).events.some(
          (e) => e.type === type,
        ),
    );

  it('follows the creator and shares the link, each reported as a feed event', async () => {
    const { platform, page, shot } = walk as Required<typeof walk>;
    await page.goto(`${platform.base}/`);
    await page.locator('[data-testid="feed"] .video-card').first().waitFor();
    await signInDemoUser(page, demoAccounts.user.phone);
    await page.getByRole('button', { name: 'Home', exact: true }).click();
    const card = page.locator('[data-testid="feed"] .video-card').first();
    await card.waitFor();
    const videoId = await card.getAttribute('data-video-id');
    await shot('feed-with-actions');

    const followed = reported(page, 'follow');
    await card.getByRole('button', { name: /^Follow @/ }).click();
    await card.getByRole('button', { name: /^Following @/ }).waitFor();
    const followBatch = (await followed).request().postDataJSON() as {
      events: Array<{ type: string; video_id?: string }>;
    };
    expect(followBatch.events.find((e) => e.type === 'follow')?.video_id).toBe(videoId);

    const shared = reported(page, 'share');
    await card.getByRole('button', { name: 'Share' }).click();
    await card.getByText('Link copied').waitFor();
    await shared;
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${platform.base}/?video=${videoId}`,
    );
    await shot('followed-and-shared');
  });
});
