import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { events, frameOf, mountFixture, useHarness } from '../testing/container-harness.ts';

const harness = useHarness(['styled']);
let page: Page;

beforeAll(async () => {
  page = await harness.open();
  await mountFixture(page, 'styled', { capsule: true });
});

describe("the container's own chrome", () => {
  it('a masked toast takes the taps meant for the page until it goes', async () => {
    const frame = await frameOf(page, 'pages/index/index');
    const button = frame.locator('#masked');
    await button.click();
    await frame.locator('#taps').filter({ hasText: 'taps=1' }).waitFor();
    await page.locator('.plaza-toast-mask .plaza-toast', { hasText: 'Wait' }).waitFor();
    const box = (await button.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(200);
    expect(await frame.locator('#taps').textContent()).toBe('taps=1');
    await page.locator('.plaza-toast-mask').waitFor({ state: 'detached' });
    await button.click();
    await frame.locator('#taps').filter({ hasText: 'taps=2' }).waitFor();
  });

  it('draws the capsule when asked: ··· offers Restart, ◎ is reported', async () => {
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'More' }).click();
    expect((await events(page)).filter((e) => e.type === 'capsule').map((e) => e.button)).toEqual([
      'close',
      'more',
    ]);
    await page.locator('.plaza-action-sheet').getByText('Restart').click();
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#taps').filter({ hasText: 'taps=0' }).waitFor();
  });

  it('is left out by default, for a super app that draws its own', async () => {
    const bare = await harness.open();
    await mountFixture(bare, 'styled');
    await frameOf(bare, 'pages/index/index');
    expect(await bare.locator('.plaza-capsule').count()).toBe(0);
    await bare.close();
  });
});
