import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, fixtureDir, launchChromium } from '@plaza/container/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevServer, startDevServer } from './index.ts';

let dir: string;
let server: DevServer;
let browser: Browser;
const out: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plaza-dev-'));
  cpSync(fixtureDir('shop'), dir, { recursive: true });
  server = await startDevServer(dir, {
    io: { cwd: dir, stdout: (t) => out.push(t), stderr: (t) => out.push(t) },
    port: 0,
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('plaza dev', () => {
  it('serves the program in a phone frame with the panel, and reloads it when a file changes', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    await page.goto(server.url);
    await page.locator('#page').filter({ hasText: 'pages/index/index' }).waitFor();
    const view = page.frameLocator('#phone section[data-path="pages/index/index"] iframe.plaza-view');
    await view.locator('#shop-name').filter({ hasText: 'Noodle Bar' }).waitFor();

    // The panel mirrors page data and logs host calls.
    await view.locator('#add').click();
    await page.locator('#data').filter({ hasText: '"count": 1' }).waitFor();
    await page.locator('#calls li').filter({ hasText: 'getSystemInfo' }).waitFor();

    // Scenario toggles decide how the host answers.
    await view.locator('#login').click();
    await view
      .locator('#status')
      .filter({ hasText: /login=dev-code-/ })
      .waitFor();
    await page.selectOption('#s-login', 'deny');
    await view.locator('#login').click();
    await view.locator('#status').filter({ hasText: 'login=login:fail auth deny' }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}dev-page.png` });

    // An edit rebuilds and reloads, on the same page.
    const template = join(dir, 'pages/index/index.ttml');
    writeFileSync(template, readFileSync(template, 'utf8').replace('Add one', 'Add another'));
    await view.locator('#add').filter({ hasText: 'Add another' }).waitFor({ timeout: 10_000 });
    expect(server.version()).toBeGreaterThanOrEqual(2);
    expect(out.join('')).toContain('Rebuilt in');

    // A broken template shows the compiler's error in the panel.
    writeFileSync(template, '<view>{{ unclosed </view>');
    await page.locator('#build.error').waitFor({ timeout: 10_000 });
    await page.close();
  });

  it('serves the component gallery, whose map, editor and live-player load on first use', async () => {
    const page = await browser.newPage({ viewport: { width: 500, height: 820 } });
    await page.goto(`${server.url}__gallery`);
    const view = page.frameLocator('#phone section[data-path="pages/index/index"] iframe.plaza-view');
    await view.getByRole('button', { name: 'People Square' }).first().waitFor();
    await view.locator('#editor[contenteditable="true"]').waitFor({ state: 'attached' });
    await page.screenshot({ path: `${ARTIFACTS}dev-gallery.png` });
    const missing = await fetch(`${server.url}plaza-components/nothing.js`);
    expect(missing.status).toBe(404);
    await page.close();
  });
});
