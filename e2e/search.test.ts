import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { demoAccounts, platformClient } from '../server/src/demo/index.ts';
import { launchChromium, openPhone, pageFrame } from './support/phone-browser.ts';
import { type PlatformProcess, startPlatformProcess } from './support/platform-process.ts';
import { ensureSuperAppBuilt, repoRoot } from './support/super-app-build.ts';

// Search as a new user meets it in the demo (`npm start`, fresh data dir), in Chromium:
// 面 and `mian` find the noodle shop; a result opens its mini program; a place opens its
// POI page, whose service opens the shop; the search funnel counts the taps and opens.
let platform: PlatformProcess;
let browser: Browser;
let page: Page;
const artifacts = join(repoRoot, 'test-artifacts/search');
let n = 0;
const shot = async (step: string) => {
  n++;
  await page
    .waitForFunction("document.getAnimations().every((a) => a.playState !== 'running')", undefined, {
      timeout: 3_000,
    })
    .catch(() => undefined);
  await page.screenshot({ path: join(artifacts, `${String(n).padStart(2, '0')}-${step}.png`) });
};

beforeAll(async () => {
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  ensureSuperAppBuilt();
  [platform, browser] = await Promise.all([startPlatformProcess('sqlite'), launchChromium()]);
  page = await openPhone(browser);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function searchFor(text: string) {
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill(text);
  await box.press('Enter');
  await page.getByRole('list', { name: 'Results' }).waitFor();
}

describe('search in the super app', () => {
  it('finds the noodle shop by 面 and by mian, opens it, and opens a store page and its service', async () => {
    const consoleLines: string[] = [];
    page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
    onTestFailed(async () => {
      await shot('failure');
      process.stderr.write(`browser console:\n${consoleLines.join('\n')}\n`);
    });

    await page.goto(`${platform.base}/`);
    await page.locator('[data-testid="anchor-card"]').first().waitFor();
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('[data-testid="search-page"]').waitFor();

    // Suggestions while typing, then the results of 面.
    await page.getByRole('searchbox', { name: 'Search' }).fill('面');
    await page.getByRole('list', { name: 'Suggestions' }).waitFor();
    await shot('suggestions-mian');
    await searchFor('面');
    const results = page.locator('.search-result');
    await expect
      .poll(() => results.allTextContents())
      .toContainEqual(expect.stringContaining('Plaza Noodle House'));
    await shot('results-mian-character');

    // Pinyin finds the same shop; the service result opens the shop's entry page.
    await searchFor('mian');
    await expect.poll(() => results.allTextContents()).toContainEqual(expect.stringContaining('点外卖'));
    await shot('results-mian-pinyin');
    await results.filter({ hasText: '点外卖' }).first().click();
    await page.locator('[data-testid="mini-program-sheet"][data-ready]').waitFor();
    const shop = await pageFrame(page, 'pages/shop/shop');
    await shop.locator('.shop__name').filter({ hasText: 'Plaza Noodle House' }).waitFor();
    await shot('service-opened-shop');
    await page.getByRole('button', { name: 'Close mini program' }).click();

    // Places: the store's POI page lists the service mounted on it, which opens the shop.
    await page.getByRole('tab', { name: '地点 Places' }).click();
    const store = results.filter({ hasText: 'Plaza面馆' }).first();
    await store.waitFor();
    await shot('places-tab');
    await store.click();
    const poiPage = page.locator('[data-testid="poi-page"]');
    await poiPage
      .getByRole('heading', { name: /Plaza面馆（滨江店）/ })
      .first()
      .waitFor();
    await expect.poll(() => poiPage.textContent()).toContain('上海市徐汇区龙腾大道88号');
    await shot('poi-page');
    await poiPage.locator('[data-testid="poi-service"]').first().click();
    await page.locator('[data-testid="mini-program-sheet"][data-ready]').waitFor();
    await pageFrame(page, 'pages/shop/shop');
    await shot('poi-service-opened-shop');
    await page.getByRole('button', { name: 'Close mini program' }).click();

    // The operator's search funnel counted the searches, the taps and the app opens.
    const anonymous = platformClient(platform.base);
    const session = await anonymous.json<{ token: string }>('POST', '/api/sessions', {
      email: demoAccounts.operator.email,
      password: demoAccounts.operator.password,
    });
    const today = new Date().toISOString().slice(0, 10);
    const funnel = await anonymous
      .as(session.token)
      .json<{ search: number; tap: number; open: number; order: number }>(
        'GET',
        `/api/operator/search/funnel?from=${today}&to=${today}`,
      );
    expect(funnel.search).toBeGreaterThanOrEqual(3);
    expect(funnel.tap).toBeGreaterThanOrEqual(1);
    expect(funnel.open).toBeGreaterThanOrEqual(1);
  }, 150_000);
});
