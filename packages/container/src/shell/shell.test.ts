import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  events,
  frameOf,
  mountFixture,
  type TestWindow,
  useHarness,
} from '../testing/container-harness.ts';

const harness = useHarness(['shop']);
let page: Page;

beforeAll(async () => {
  page = await harness.open();
  await mountFixture(page, 'shop', { permissions: { requestDomains: ['https://api.allowed.example'] } });
});

const visiblePage = () => page.locator('section.plaza-page:not([hidden])').last();

describe('the shell around a mini program', () => {
  it('renders the first page with the navigation bar and tab bar of app.json', async () => {
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#shop-name').filter({ hasText: 'Noodle Bar' }).waitFor();
    const title = visiblePage().locator('.plaza-nav-title');
    expect(await title.textContent()).toBe('Fixture Shop');
    expect(
      await visiblePage()
        .locator('.plaza-nav')
        .evaluate((el) => getComputedStyle(el).backgroundColor),
    ).toBe('rgb(255, 90, 31)');
    expect(await visiblePage().locator('.plaza-nav-back').isHidden()).toBe(true);
    const tabs = page.getByRole('tab');
    expect(await tabs.allTextContents()).toEqual(['Shop', 'Me']);
    expect(await tabs.first().getAttribute('aria-selected')).toBe('true');
    // One rpx is a 750th of the frame's width.
    const rpx = await frame
      .locator('[data-plaza="page-root"]')
      .evaluate((el) => getComputedStyle(el).getPropertyValue('--plaza-rpx').trim());
    expect(rpx).toBe('0.5px');
    await page.screenshot({ path: `${ARTIFACTS}shell-first-page.png` });
  });

  it('a tap reaches the logic and its setData updates the DOM', async () => {
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#add').click();
    await frame.locator('#add').click();
    await frame.locator('#count').filter({ hasText: '2' }).waitFor();
    // The toast is the host's, drawn over the frame in the host page.
    await page.locator('.plaza-toast[role="status"]', { hasText: 'Added 2' }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}shell-toast.png` });
  });

  it('navigateTo slides a new page in; the back button slides it out', async () => {
    const index = await frameOf(page, 'pages/index/index');
    await index.locator('#open').click();
    const detailSection = page.locator('section.plaza-page[data-path="pages/detail/detail"]');
    await detailSection.waitFor();
    await page.waitForSelector(
      'section.plaza-page[data-path="pages/detail/detail"][data-transition="plaza-push-in"]',
    );
    await page.screenshot({ path: `${ARTIFACTS}shell-push-transition.png` });
    const detail = await frameOf(page, 'pages/detail/detail');
    await detail.locator('#dish').filter({ hasText: 'Dish 7' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-transition]'));
    expect(await detailSection.locator('.plaza-nav-title').textContent()).toBe('Dish');
    expect(await detailSection.locator('.plaza-nav-back').isVisible()).toBe(true);
    expect(await page.getByRole('tablist').isHidden()).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}shell-detail-page.png` });

    await detailSection.locator('.plaza-nav-back').click();
    await page.waitForSelector(
      'section.plaza-page[data-path="pages/detail/detail"][data-transition="plaza-pop-out"]',
    );
    await detailSection.waitFor({ state: 'detached' });
    expect(await visiblePage().getAttribute('data-path')).toBe('pages/index/index');
    const stacks = (await events(page))
      .filter((e) => e.type === 'page')
      .map((e) => `${e.action}:${(e.stack as string[]).length}`);
    expect(stacks).toEqual(['launch:1', 'navigateTo:2', 'navigateBack:1']);
  });

  it('the program can go back by itself too', async () => {
    const index = await frameOf(page, 'pages/index/index');
    await index.locator('#open').click();
    const detail = await frameOf(page, 'pages/detail/detail');
    // One tap. The page is tapped once it has arrived, as the test above does: while it slides
    // in, the browser routes input to its out-of-process frame from hit-test data of a moving
    // frame. The earlier lost tap was never reproduced (71 single taps: idle, with the host
    // page throttled, beside two busy cores and beside the container suite); if this tap is ever
    // lost, the test fails here rather than tapping again (see the container README).
    await page.waitForFunction(() => !document.querySelector('[data-transition]'));
    await detail.locator('#back').click();
    await page.locator('section.plaza-page[data-path="pages/detail/detail"]').waitFor({ state: 'detached' });
  });

  it('the tab bar switches tabs', async () => {
    await page.getByRole('tab', { name: 'Me' }).click();
    const me = await frameOf(page, 'pages/me/me');
    await me.locator('#me').filter({ hasText: 'Hello Guest' }).waitFor();
    await page.waitForFunction(
      () =>
        document.querySelector('section.plaza-page:not([hidden])')?.getAttribute('data-path') ===
        'pages/me/me',
    );
    expect(await page.getByRole('tab', { name: 'Me' }).getAttribute('aria-selected')).toBe('true');
    await page.screenshot({ path: `${ARTIFACTS}shell-tab-me.png` });
    await page.getByRole('tab', { name: 'Shop' }).click();
    await page.waitForFunction(
      () =>
        document.querySelector('section.plaza-page:not([hidden])')?.getAttribute('data-path') ===
        'pages/index/index',
    );
    // The shop tab kept its state.
    const index = await frameOf(page, 'pages/index/index');
    expect(await index.locator('#count').textContent()).toBe('2');
  });

  it('setNavigationBarTitle changes the bar of the page on screen', async () => {
    const index = await frameOf(page, 'pages/index/index');
    await index.locator('#rename').click();
    await page.waitForFunction(
      () =>
        document.querySelector('section.plaza-page:not([hidden]) .plaza-nav-title')?.textContent ===
        'Renamed',
    );
  });

  it('pull-down refresh calls onPullDownRefresh and stopPullDownRefresh hides the dots', async () => {
    const index = await frameOf(page, 'pages/index/index');
    const box = (await page.locator('section.plaza-page:not([hidden]) iframe').boundingBox())!;
    await page.mouse.move(box.x + 180, box.y + 120);
    await page.mouse.down();
    await page.mouse.move(box.x + 180, box.y + 160, { steps: 4 });
    await page.mouse.move(box.x + 180, box.y + 220, { steps: 4 });
    await page.screenshot({ path: `${ARTIFACTS}shell-pull-down.png` });
    await page.mouse.up();
    await index.locator('#status').filter({ hasText: 'refreshed=1' }).waitFor();
    await index.locator('[data-plaza="refresh-indicator"]').waitFor({ state: 'hidden' });
  });

  it('scrolling reports page scroll and reach-bottom', async () => {
    const index = await frameOf(page, 'pages/index/index');
    await index.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await index.locator('#status').filter({ hasText: 'bottom=1' }).waitFor();
    await index
      .locator('#status')
      .filter({ hasText: /scrolled=[1-9]\d*/ })
      .waitFor();
    await index.evaluate(() => window.scrollTo(0, 0));
  });

  it('host capabilities answer through the permission gate', async () => {
    const index = await frameOf(page, 'pages/index/index');
    await index.locator('#request').click();
    await index
      .locator('#status')
      .filter({ hasText: 'url not in domain list: https://api.example.com' })
      .waitFor();
    const calls = (await events(page)).filter((e) => e.type === 'hostCall' && e.method === 'request');
    expect(calls.at(-1)).toMatchObject({
      ok: false,
      error: 'url not in domain list: https://api.example.com',
    });
  });
});

describe('consent for personal data', () => {
  it('asks once with the reason app.json declares, and answers with the host’s location when allowed', async () => {
    const consentPage = await harness.open();
    await consentPage.evaluate(async () => {
      const w = window as unknown as TestWindow;
      w.__events = [];
      w.__app = w.PlazaContainer.mount(document.getElementById('phone')!, {
        package: '/pkg/shop/',
        appId: 'consent-shop',
        host: { getLocation: async () => ({ latitude: 31.2, longitude: 121.5 }) },
      });
      await w.__app.ready;
    });
    const index = await frameOf(consentPage, 'pages/index/index');
    await index.locator('#locate').click();
    const sheet = consentPage.getByRole('dialog');
    await sheet.waitFor();
    expect(await sheet.textContent()).toContain('to find the nearest store');
    await consentPage.screenshot({ path: `${ARTIFACTS}consent-sheet.png` });
    await sheet.getByRole('button', { name: 'Allow', exact: true }).click();
    await index.locator('#status').filter({ hasText: 'location=31.2,121.5' }).waitFor();
    // Remembered: no second sheet.
    await index.locator('#locate').click();
    await consentPage.waitForTimeout(200);
    expect(await consentPage.getByRole('dialog').count()).toBe(0);
    await consentPage.close();
  });
});
