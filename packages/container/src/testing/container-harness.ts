import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildComponentModules, buildContainerScript } from '../bundle/index.ts';
import type { MountHandle, MountOptions } from '../mount/mount.ts';
import { launchChromium } from './browser.ts';
import { buildPackageFiles, fixtureDir } from './fixture-package.ts';
import { hostPageHtml } from './host-page.ts';
import { serveFiles, startTestServer, type TestServer } from './test-server.ts';

/** Where screenshots go (git-ignored). */
export const ARTIFACTS = fileURLToPath(new URL('../../../../test-artifacts/container', import.meta.url));

export interface Harness {
  browser: Browser;
  server: TestServer;
  /** A second origin, for cross-origin attempts. */
  other: TestServer;
  /** A fresh page with the host document loaded. */
  open(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * One browser, one host server (serving the container and the fixture packages at
 * `/pkg/<name>/`: a folder of `test-fixtures/` by name, or any program folder) and a second
 * origin, shared by the tests of one file.
 */
export async function startHarness(
  fixtures: (string | { name: string; dir: string })[],
  options: { browserArgs?: readonly string[] } = {},
): Promise<Harness> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const [script, modules] = await Promise.all([buildContainerScript(), buildComponentModules()]);
  const components = serveFiles(
    '/plaza-components/',
    new Map(Object.entries(modules).map(([n, c]) => [`${n}.js`, c])),
  );
  const packages = fixtures.map((fixture) => {
    const { name, dir } = typeof fixture === 'string' ? { name: fixture, dir: fixtureDir(fixture) } : fixture;
    return serveFiles(`/pkg/${name}/`, buildPackageFiles(dir));
  });
  const server = await startTestServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': 'host_http_secret=1; Path=/' });
      res.end(hostPageHtml({ containerScript: '/container.js' }));
      return true;
    }
    if (path === '/container.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(script);
      return true;
    }
    return components(req, res) || packages.some((serve) => serve(req, res));
  });
  const other = await startTestServer();
  const browser = await launchChromium(options.browserArgs);
  return {
    browser,
    server,
    other,
    async open() {
      const page = await browser.newPage({ viewport: { width: 375, height: 667 } });
      await page.goto(`${server.origin}/`);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      await other.close();
    },
  };
}

/**
 * The harness of one test file: started before its tests, closed after them.
 * @example const harness = useHarness(['shop']); it('…', async () => { const page = await harness.open(); });
 */
export function useHarness(
  fixtures: Parameters<typeof startHarness>[0],
  options?: Parameters<typeof startHarness>[1],
): Harness {
  let started: Harness | undefined;
  beforeAll(async () => {
    started = await startHarness(fixtures, options);
  });
  afterAll(async () => {
    await started?.close();
  });
  const current = () => {
    if (!started) throw new Error('the harness starts in beforeAll');
    return started;
  };
  return {
    get browser() {
      return current().browser;
    },
    get server() {
      return current().server;
    },
    get other() {
      return current().other;
    },
    open: () => current().open(),
    close: () => current().close(),
  };
}

/**
 * Mounts fixture `name` in the page; events are collected on `window.__events`, the handle is
 * `window.__app`. `options` is passed to `mount` (JSON only).
 */
export async function mountFixture(
  page: Page,
  name: string,
  options: Record<string, unknown> = {},
): Promise<void> {
  await page.evaluate(
    async ({ name, options }) => {
      const w = window as unknown as TestWindow;
      w.__events = [];
      const app = w.PlazaContainer.mount(document.getElementById('phone')!, {
        package: `/pkg/${name}/`,
        appId: name,
        ...options,
      });
      w.__app = app;
      for (const type of ['page', 'error', 'hostCall', 'log', 'share', 'capsule'] as const)
        app.on(type, (e) => w.__events.push({ type, ...e }));
      await Promise.race([app.ready, new Promise((r) => setTimeout(r, 8000))]);
    },
    { name, options },
  );
}

/** The view frame of the page on top (the one on screen). */
export async function topFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector(
    'section.plaza-page:not([hidden]):last-of-type iframe.plaza-view, section.plaza-page:not([hidden]) iframe.plaza-view',
  );
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no view frame');
  return frame;
}

/** The view frame of the page whose path is `path`. */
export async function frameOf(page: Page, path: string): Promise<Frame> {
  const handle = await page.waitForSelector(`section.plaza-page[data-path="${path}"] iframe.plaza-view`, {
    state: 'attached',
  });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`no view frame for ${path}`);
  return frame;
}

/**
 * A probe page's output: the JSON it publishes in `#out` (`read`), and a tap on one of its
 * buttons that waits until the output shows `text` (`tap`). `page` is read at each call, so
 * a page opened in `beforeAll` can be named before it exists.
 */
export function probeOutput(page: () => Page, path = 'pages/index/index') {
  const read = async () => {
    const frame = await frameOf(page(), path);
    // biome-ignore lint/suspicious/noExplicitAny: the probe publishes whatever the test asks for
    return JSON.parse((await frame.locator('#out').textContent()) ?? '{}') as Record<string, any>;
  };
  const tap = async (id: string, text: string | RegExp) => {
    const frame = await frameOf(page(), path);
    await frame.locator(`#${id}`).click();
    await frame.locator('#out').filter({ hasText: text }).waitFor();
    return read();
  };
  return { read, tap };
}

export async function events(page: Page): Promise<TestEvent[]> {
  return page.evaluate(() => (window as unknown as TestWindow).__events);
}

/** A mount event as recorded in the page, with its kind. */
export type TestEvent = { type: string; [field: string]: unknown };

/** What the host page holds during a test. */
export interface TestWindow {
  PlazaContainer: { mount(element: HTMLElement, options: MountOptions): MountHandle };
  __app: MountHandle;
  __events: TestEvent[];
}
