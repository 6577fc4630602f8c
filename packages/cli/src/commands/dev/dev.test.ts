import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ARTIFACTS } from '@plaza/container/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../main.ts';
import { type DevFixture, devFixture } from '../../testing/dev-fixture.ts';
import type { DevServer } from './index.ts';

let dir: string;
let server: DevServer;
let browser: Browser;
let out: string[];
let fixture: DevFixture | undefined;

beforeAll(async () => {
  fixture = await devFixture('shop');
  ({ dir, server, browser, out } = fixture);
});

afterAll(async () => {
  await fixture?.close();
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

describe('plaza dev --port and --path', () => {
  const launchDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'plaza-dev-launch-'));
    const files: Record<string, string> = {
      'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/detail/detail'] }),
      'app.js': 'App({});',
      'pages/index/index.wxml': '<view id="home">home</view>',
      'pages/index/index.js': 'Page({});',
      'pages/detail/detail.wxml': '<view id="query">{{ query }}</view>',
      'pages/detail/detail.js':
        "Page({ data: { query: '' }, onLoad(options) { this.setData({ query: options.id + '/' + options.from }); } });",
    };
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), content);
    }
    return dir;
  };

  /** Runs `plaza dev …` in-process until `stop()`; resolves `url` once the server listens. */
  const runDev = (args: string[]) => {
    const printed: string[] = [];
    let stop!: () => void;
    let listening!: (url: string) => void;
    const url = new Promise<string>((resolve) => {
      listening = resolve;
    });
    const exit = main(['dev', ...args], {
      cwd: tmpdir(),
      stdout: (text) => {
        printed.push(text);
        const found = /Plaza dev server: (\S+)/.exec(text);
        if (found) listening(found[1]!);
      },
      stderr: (text) => printed.push(text),
      stopped: new Promise<void>((resolve) => {
        stop = resolve;
      }),
    });
    return { url, exit, stop: () => stop(), printed };
  };

  it('listens on --port and opens --path with its query as the page’s onLoad options', async () => {
    const dir = launchDir();
    const port = await freePort();
    const dev = runDev([dir, '--port', String(port), '--path', 'pages/detail/detail?id=7&from=share%20link']);
    try {
      expect(await dev.url).toBe(`http://127.0.0.1:${port}/`);
      const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
      await page.goto(await dev.url);
      await page.locator('#page').filter({ hasText: 'pages/detail/detail' }).waitFor();
      const view = page.frameLocator('#phone section[data-path="pages/detail/detail"] iframe.plaza-view');
      await view.locator('#query').filter({ hasText: '7/share link' }).waitFor();
      await page.close();
    } finally {
      dev.stop();
    }
    expect(await dev.exit).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a malformed --port, a --path that is no page path, and a page the program does not declare', async () => {
    const dir = launchDir();
    for (const [args, message] of [
      [['--port', '80a'], '--port must be a whole number from 0 to 65535, not "80a"'],
      [['--port', '70000'], '--port must be a whole number from 0 to 65535, not "70000"'],
      [['--path', '../outside?x=1'], '--path must name a page of the program'],
      [['--path', 'https://example.com/pages/a'], '--path must name a page of the program'],
      [['--port', '0', '--path', 'pages/nowhere/nowhere'], 'not "pages/nowhere/nowhere"'],
    ] as const) {
      const dev = runDev([dir, ...args]);
      expect(await dev.exit).toBe(1);
      expect(dev.printed.join('')).toContain(message);
    }
    rmSync(dir, { recursive: true, force: true });
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
