import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS } from '@plaza/container/testing';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevFixture, devFixture } from '../../testing/dev-fixture.ts';

let dev: DevFixture;

beforeAll(async () => {
  dev = await devFixture('shop');
});

afterAll(async () => {
  await dev?.close();
});

const frameOf = (page: Page, path: string): FrameLocator =>
  page.frameLocator(`#phone section[data-path="${path}"] iframe.plaza-view`);

/** Rewrites one file of the program and waits for the dev page to have taken that build. */
async function edit(page: Page, file: string, change: (text: string) => string): Promise<void> {
  const before = dev.server.version();
  writeFileSync(join(dev.dir, file), change(readFileSync(join(dev.dir, file), 'utf8')));
  await expect.poll(() => dev.server.version(), { timeout: 10_000 }).toBeGreaterThan(before);
  await page.locator(`#build[data-version="${dev.server.version()}"]`).waitFor({ timeout: 10_000 });
}

describe('plaza dev swaps changes into the running program', () => {
  it('keeps page data and the page stack across style, template and page-script changes; app.js reloads', async () => {
    const page = await dev.browser.newPage({ viewport: { width: 1100, height: 800 } });
    await page.goto(dev.server.url);
    const index = frameOf(page, 'pages/index/index');
    await index.locator('#shop-name').filter({ hasText: 'Noodle Bar' }).waitFor();
    await index.locator('#add').click();
    await index.locator('#add').click();
    await index.locator('#count').filter({ hasText: '2' }).waitFor();
    // A mark on the page's document: a remount would make a new frame without it.
    await index.locator('body').evaluate((body) => body.setAttribute('data-kept', 'yes'));

    // A stylesheet: the new rule applies, the data the user made stays.
    await edit(page, 'pages/index/index.ttss', (css) => css.replace('color: #ff5a1f', 'color: #008000'));
    await expect
      .poll(() => index.locator('#count').evaluate((el) => getComputedStyle(el).color))
      .toBe('rgb(0, 128, 0)');
    expect(await index.locator('#count').textContent()).toBe('2');
    expect(await index.locator('body').getAttribute('data-kept')).toBe('yes');
    expect(dev.out.join('')).toContain('swapping it in');

    // A template: rendered again with the page's current data.
    await edit(page, 'pages/index/index.ttml', (ttml) => ttml.replace('Add one', 'Add more'));
    await index.locator('#add').filter({ hasText: 'Add more' }).waitFor();
    expect(await index.locator('#count').textContent()).toBe('2');
    expect(await index.locator('body').getAttribute('data-kept')).toBe('yes');
    await index.locator('#add').click();
    await index.locator('#count').filter({ hasText: '3' }).waitFor();

    // A page's script: the page registers again and loads again with its query; the stack stays.
    await index.locator('#open').click();
    const detail = frameOf(page, 'pages/detail/detail');
    await detail.locator('#dish').filter({ hasText: 'Dish 7' }).waitFor();
    await edit(page, 'pages/detail/detail.js', (js) =>
      js.replace('this.setData({ id: query.id });', "this.setData({ id: 'v2-' + query.id });"),
    );
    // The page loads again in a new frame, which replaces the old one as a redirect does.
    const sections = page.locator('#phone section[data-path="pages/detail/detail"]');
    await frameOf(page, 'pages/detail/detail')
      .last()
      .locator('#dish')
      .filter({ hasText: 'Dish v2-7' })
      .waitFor();
    await expect.poll(() => sections.count()).toBe(1);
    expect(await page.locator('#stack').textContent()).toBe('pages/index/index › pages/detail/detail');
    await page.screenshot({ path: `${ARTIFACTS}dev-hot-swap.png` });
    await frameOf(page, 'pages/detail/detail').locator('#back').click();
    await page.locator('#page').filter({ hasText: 'pages/index/index' }).waitFor();
    expect(await index.locator('#count').textContent()).toBe('3');
    expect(await index.locator('body').getAttribute('data-kept')).toBe('yes');

    // The app's script: the program starts again from scratch.
    await edit(page, 'app.js', (js) => js.replace(/shopName: '[^']*'/, "shopName: 'Rice Bar'"));
    const fresh = frameOf(page, 'pages/index/index');
    await fresh.locator('#shop-name').filter({ hasText: 'Rice Bar' }).waitFor();
    expect(await fresh.locator('#count').textContent()).toBe('0');
    expect(await fresh.locator('body').getAttribute('data-kept')).toBeNull();
    await page.close();
  });
  it('mounts the program again when a fix arrives for a program that stopped on an error', async () => {
    const page = await dev.browser.newPage({ viewport: { width: 1100, height: 800 } });
    await page.goto(dev.server.url);
    const index = () => frameOf(page, 'pages/index/index');
    await index().locator('#shop-name').waitFor();
    const working = readFileSync(join(dev.dir, 'pages/index/index.js'), 'utf8');
    // The launch page throws in onLoad: once the program starts again, it stops there.
    await edit(page, 'pages/index/index.js', (js) =>
      js.replace('onLoad() {', "onLoad() {\n    throw new Error('broken onLoad');"),
    );
    await edit(page, 'app.js', (js) => js.replace('App({', 'App({ edited: true,'));
    await page.locator('#phone').getByText('This mini program has stopped').waitFor();
    // The fix is only the page's script: nothing runs to swap it into, so the program mounts again.
    await edit(page, 'pages/index/index.js', () => working);
    await index().locator('#shop-name').waitFor();
    expect(await page.locator('#phone').getByText('This mini program has stopped').count()).toBe(0);
    await page.close();
  });
});
