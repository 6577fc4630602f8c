import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, events, frameOf, mountFixture, useHarness } from '../testing/container-harness.ts';

const takeout = fileURLToPath(new URL('../../../../examples/takeout', import.meta.url));

const harness = useHarness([{ name: 'takeout', dir: takeout }]);
let page: Page;

beforeAll(async () => {
  page = await harness.open();
  await mountFixture(page, 'takeout');
});

describe('the takeout example in the browser container', () => {
  it('renders the shop with its components, and taps update it through setData', async () => {
    const shop = await frameOf(page, 'pages/shop/shop');
    await shop.locator('.shop__name').filter({ hasText: 'Plaza Noodle House' }).waitFor();
    expect(await shop.locator('[id^="dish-"]').count()).toBe(3);
    await shop.locator('.category', { hasText: 'Rice bowls' }).click();
    await shop.locator('.category--active', { hasText: 'Rice bowls' }).waitFor();
    await shop.locator('[class*="stepper__plus"]').first().click();
    await shop.locator('[class*="stepper__count"]').first().filter({ hasText: '1' }).waitFor();
    await shop.locator('[class*="stepper__plus"]').first().click();
    await shop.locator('[class*="cart-bar__count"]').filter({ hasText: '2' }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}takeout-shop.png` });
  });

  it('checkout opens the confirm page with a slide, and back returns to the shop', async () => {
    const shop = await frameOf(page, 'pages/shop/shop');
    await shop.locator('[class*="cart-bar__checkout"]').click();
    await page.waitForSelector(
      'section.plaza-page[data-path="pages/confirm/confirm"][data-transition="plaza-push-in"]',
    );
    const confirm = await frameOf(page, 'pages/confirm/confirm');
    await confirm.locator('body').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-transition]'));
    await page.screenshot({ path: `${ARTIFACTS}takeout-confirm.png` });
    await page.locator('section.plaza-page[data-path="pages/confirm/confirm"] .plaza-nav-back').click();
    await page
      .locator('section.plaza-page[data-path="pages/confirm/confirm"]')
      .waitFor({ state: 'detached' });
    expect(await shop.locator('[class*="cart-bar__count"]').textContent()).toBe('2');
  });

  it('the tab bar switches to the orders tab and back', async () => {
    await page.getByRole('tab', { name: 'My orders' }).click();
    const orders = await frameOf(page, 'pages/orders/orders');
    await orders.locator('.orders').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}takeout-orders.png` });
    await page.getByRole('tab', { name: 'Order', exact: true }).click();
    await page.waitForFunction(
      () =>
        document.querySelector('section.plaza-page:not([hidden])')?.getAttribute('data-path') ===
        'pages/shop/shop',
    );
    const errors = (await events(page)).filter((e) => e.type === 'error');
    expect(errors).toEqual([]);
  });
});
