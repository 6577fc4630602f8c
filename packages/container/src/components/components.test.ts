import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  events,
  frameOf,
  mountFixture,
  type TestWindow,
  useHarness,
} from '../testing/container-harness.ts';

const harness = useHarness(['widgets']);
let page: Page;
let frame: Frame;

beforeAll(async () => {
  page = await harness.open();
  await mountFixture(page, 'widgets');
  frame = await frameOf(page, 'pages/form/form');
  await frame.locator('#name').waitFor();
});

const state = (text: string | RegExp) =>
  frame.locator('#state').filter({ hasText: text }).waitFor({ timeout: 5000 });

describe('built-in components', () => {
  it('input: bindinput carries detail.value into setData; Enter confirms; leaving blurs', async () => {
    await frame.locator('#name').fill('Mia');
    await frame.locator('#name-out').filter({ hasText: 'hello Mia||' }).waitFor();
    await frame.locator('#name').press('Enter');
    await frame.locator('#name-out').filter({ hasText: 'hello Mia|Mia|' }).waitFor();
    await frame.locator('#who').focus();
    await frame.locator('#name-out').filter({ hasText: 'hello Mia|Mia|Mia' }).waitFor();
    // A field with no value bound keeps what was typed through the page's later setData.
    await frame.locator('#who').fill('Typed');
    await frame.locator('#name').fill('Mo');
    await frame.locator('#name-out').filter({ hasText: 'hello Mo|' }).waitFor();
    expect(await frame.locator('#who').inputValue()).toBe('Typed');
    await frame.locator('#who').fill('');
  });

  it('switch, checkbox and radio: change events with their values, by pointer and by keyboard', async () => {
    const vip = frame.locator('#vip');
    expect(await vip.getAttribute('role')).toBe('switch');
    await vip.focus();
    await vip.press('Space');
    await state('switch=true');
    expect(await vip.getAttribute('aria-checked')).toBe('true');
    await frame.locator('#egg').click();
    await state('extras=egg,tofu');
    expect(await frame.locator('#egg').getAttribute('aria-checked')).toBe('true');
    // A tap on the label text acts on its checkbox.
    await frame.locator('[data-plaza="label"]', { hasText: 'Tofu' }).click({ position: { x: 50, y: 10 } });
    await state(/extras=egg /);
    await frame.locator('#large').press('Enter');
    await state('size=l');
    await frame.locator('#small').click();
    await state('size=s');
    expect(await frame.locator('#large').getAttribute('aria-checked')).toBe('false');
  });

  it('slider: the keyboard moves it and change reports the value', async () => {
    await frame.locator('#spice input').focus();
    await frame.locator('#spice input').press('ArrowRight');
    await state('spice=31');
  });

  it('picker: the sheet opens, a choice is confirmed, change carries the index', async () => {
    await frame.locator('#pick').click();
    const sheet = frame.getByRole('dialog');
    await sheet.waitFor();
    await sheet.locator('select').selectOption({ label: 'Large' });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${ARTIFACTS}components-picker.png` });
    await sheet.getByRole('button', { name: 'Confirm' }).click();
    await frame.locator('#pick').filter({ hasText: 'Size: Large' }).waitFor();
    await frame.locator('#date').click();
    await frame.getByRole('dialog').locator('input').fill('2024-06-15');
    await frame.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await frame.locator('#date').filter({ hasText: 'Date: 2024-06-15' }).waitFor();
    // Cancel leaves the choice alone.
    await frame.locator('#pick').click();
    await frame.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await frame.getByRole('dialog').count()).toBe(0);
  });

  it('form: submit collects every named control; reset clears them', async () => {
    await frame.locator('#who').fill('Bo');
    await frame.locator('#submit').click();
    await frame.locator('#submitted').filter({ hasText: '{' }).waitFor();
    const submitted = JSON.parse((await frame.locator('#submitted').textContent()) ?? '{}');
    expect(submitted).toEqual({ who: 'Bo', vip: true, extras: ['egg'], size: 's', spice: 31, pick: 2 });
    await frame.locator('#reset').click();
    await frame.locator('#submitted').filter({ hasText: 'reset' }).waitFor();
    expect(await frame.locator('#who').inputValue()).toBe('');
    expect(await frame.locator('#vip').getAttribute('aria-checked')).toBe('false');
  });

  it('swiper: a swipe moves to the next slide and change says so', async () => {
    const swiper = frame.locator('#swiper');
    await swiper.scrollIntoViewIfNeeded();
    const box = (await swiper.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await state('swiper=1/touch');
    await swiper.press('ArrowLeft');
    await state('swiper=0/touch');
    await swiper.press('ArrowLeft');
    await state('swiper=2/touch');
  });

  it('scroll-view: reaching the end fires scrolltolower', async () => {
    await frame.locator('#scroller').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await state('lower=1');
  });

  it('image, progress and icon: load event, progressbar value, labelled icons', async () => {
    await state('loaded=1x1');
    // The template's own size wins over the component's default.
    expect(await frame.locator('#pixel').evaluate((el) => el.getBoundingClientRect().width)).toBe(20);
    expect(await frame.locator('#pixel').evaluate((el) => getComputedStyle(el).objectFit)).toBe('contain');
    expect(await frame.locator('#progress').getAttribute('aria-valuenow')).toBe('40');
    expect(await frame.getByRole('img', { name: 'success' }).count()).toBe(1);
    await frame.locator('#progress').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}components-lower.png` });
  });
});

describe('scroll-into-view and sharing', () => {
  it('scroll-into-view brings the named child into the scroller', async () => {
    await frame.locator('#jump').click();
    await expect.poll(() => frame.locator('#scroller').evaluate((el) => el.scrollTop)).toBeGreaterThan(300);
  });

  it('a share button asks the page for its share content and the host hears it', async () => {
    await frame.locator('#share').click();
    await expect
      .poll(async () => (await events(page)).find((e) => e.type === 'share'))
      .toMatchObject({ content: { title: 'Widgets from button', path: '/pages/form/form' } });
  });
});

describe('web-view', () => {
  it('refuses a domain the app did not declare, and shows a declared one', async () => {
    await frame.locator('#open-web').click();
    const web = await frameOf(page, 'pages/web/web');
    await web.locator('[data-plaza="web-view-refused"]').waitFor();
    await web.locator('#web-error').filter({ hasText: 'web-view:fail domain not allowed' }).waitFor();
    expect(await web.locator('iframe').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}components-web-view-refused.png` });

    const allowed = await harness.open();
    const src = `${harness.other.origin}/probe/web-page`;
    await allowed.evaluate(
      async ({ origin, src }) => {
        const w = window as unknown as TestWindow;
        w.__events = [];
        w.__app = w.PlazaContainer.mount(document.getElementById('phone')!, {
          package: '/pkg/widgets/',
          path: 'pages/web/web',
          query: { src },
          permissions: { webViewDomains: [origin] },
        });
        await w.__app.ready;
      },
      { origin: harness.other.origin, src },
    );
    const shown = await frameOf(allowed, 'pages/web/web');
    await shown.locator('iframe').waitFor({ state: 'attached' });
    expect(await shown.locator('iframe').getAttribute('src')).toBe(src);
    await expect.poll(() => harness.other.hits.includes('/probe/web-page')).toBe(true);
    await allowed.close();
  });
});
