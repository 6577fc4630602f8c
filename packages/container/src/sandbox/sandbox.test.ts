import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  events,
  frameOf,
  mountFixture,
  type TestWindow,
  useHarness,
} from '../testing/container-harness.ts';
import { buildPackageFiles, fixtureDir } from '../testing/fixture-package.ts';

const harness = useHarness(['probe', 'hostile']);

/** Results of the probe's attempts, by name. */
async function results(page: Page, id: string): Promise<Record<string, string>> {
  const frame = await frameOf(page, 'pages/probe/probe');
  const text = await frame.locator(`#${id}`).textContent({ timeout: 5000 });
  return JSON.parse(text ?? '{}') as Record<string, string>;
}

/** Runs `workerSource` in a worker inside an `allow-scripts` srcdoc frame, with or without the logic frame's CSP. */
async function runInSandboxedWorker(
  page: Page,
  workerSource: string,
  withPolicy: boolean,
): Promise<Record<string, string>> {
  return page.evaluate(
    ({ workerSource, withPolicy }) =>
      new Promise<Record<string, string>>((resolve) => {
        const nonce = 'n0nce';
        const policy = (
          window as unknown as TestWindow & { PlazaContainer: { logicFramePolicy(n: string): string } }
        ).PlazaContainer.logicFramePolicy(nonce);
        const meta = withPolicy ? `<meta http-equiv="Content-Security-Policy" content="${policy}">` : '';
        const boot = `const w = new Worker(URL.createObjectURL(new Blob([${JSON.stringify(workerSource)}], { type: 'text/javascript' })));
          w.onmessage = (e) => parent.postMessage({ probe: e.data }, '*');`;
        const frame = document.createElement('iframe');
        frame.setAttribute('sandbox', 'allow-scripts');
        frame.srcdoc = `<!doctype html>${meta}<script nonce="${nonce}">${boot.replace(/</g, '\\u003c')}</script>`;
        addEventListener('message', function listen(event) {
          if (event.source !== frame.contentWindow || !event.data?.probe) return;
          removeEventListener('message', listen);
          frame.remove();
          resolve(event.data.probe);
        });
        document.body.append(frame);
      }),
    { workerSource, withPolicy },
  );
}

function networkProbe(host: string, other: string, tag: string): string {
  return `(async () => {
    const out = {};
    const settle = async (name, fn) => {
      try { out[name] = 'ALLOWED ' + (await fn()); } catch (e) { out[name] = 'blocked ' + (e && e.name); }
    };
    await settle('fetch host', () => fetch('${host}/probe/${tag}-fetch').then((r) => r.status));
    await settle('fetch other', () => fetch('${other}/probe/${tag}-fetch-other').then((r) => r.status));
    await settle('XMLHttpRequest', () => new Promise((resolve, reject) => {
      const x = new XMLHttpRequest();
      x.onload = () => resolve(x.status);
      x.onerror = () => reject(Object.assign(new Error('xhr'), { name: 'NetworkError' }));
      x.open('GET', '${host}/probe/${tag}-xhr');
      x.send();
    }));
    await settle('WebSocket', () => new Promise((resolve, reject) => {
      const ws = new WebSocket('${host.replace('http', 'ws')}/probe/${tag}-ws');
      ws.onopen = () => resolve('open');
      ws.onerror = () => reject(Object.assign(new Error('ws'), { name: 'ErrorEvent' }));
    }));
    await settle('importScripts', () => { importScripts('${other}/probe/${tag}-import.js'); return 'loaded'; });
    await settle('Worker', () => { new Worker('${other}/probe/${tag}-worker.js'); return 'created'; });
    await settle('eval', () => eval('1 + 1'));
    postMessage(out);
  })();`;
}

describe('what keeps the logic worker off the network', () => {
  it('the logic frame CSP, inherited by a blob worker, blocks fetch, XHR, WebSocket, remote importScripts and Worker, and eval', async () => {
    const page = await harness.open();
    const { origin } = harness.server;
    const result = await runInSandboxedWorker(page, networkProbe(origin, harness.other.origin, 'csp'), true);
    for (const [name, outcome] of Object.entries(result)) expect(outcome, name).toMatch(/^blocked/);
    expect(Object.keys(result)).toHaveLength(7);
    await page.waitForTimeout(300);
    expect(harness.server.hits.filter((h) => h.includes('/csp-'))).toEqual([]);
    expect(harness.other.hits.filter((h) => h.includes('/csp-'))).toEqual([]);
    await page.close();
  });

  it('without the CSP the opaque origin alone would still let requests out: the policy is what stops them', async () => {
    const page = await harness.open();
    const result = await runInSandboxedWorker(
      page,
      networkProbe(harness.server.origin, harness.other.origin, 'nocsp'),
      false,
    );
    expect(result['fetch host']).toBe('ALLOWED 200');
    expect(result['fetch other']).toBe('ALLOWED 200');
    expect(harness.server.hits).toContain('/probe/nocsp-fetch');
    expect(harness.other.hits).toContain('/probe/nocsp-fetch-other');
    await page.close();
  });
});

describe('a mounted mini program cannot leave its sandbox', () => {
  let page: Page;

  beforeAll(async () => {
    page = await harness.open();
    await mountFixture(page, 'probe', {
      query: { host: harness.server.origin, other: harness.other.origin },
    });
  });

  afterAll(async () => {
    await page.close();
  });

  it('from the logic worker: no parent, top, cookie, storage, network, remote script, worker or eval', async () => {
    const logic = await results(page, 'logic-results');
    expect(Object.keys(logic).sort()).toEqual(
      [
        'Function',
        'WebSocket',
        'Worker',
        'XMLHttpRequest',
        'constructor escape',
        'document.cookie',
        'fetch host',
        'fetch other',
        'importScripts',
        'indexedDB',
        'localStorage',
        'parent.document',
        'top.location',
      ].sort(),
    );
    for (const [name, outcome] of Object.entries(logic)) expect(outcome, name).toMatch(/^blocked/);
    expect(logic.Function).toBe('blocked EvalError');
  });

  it('from a wxs module in the view frame: no global object, so no parent, top, cookie, storage, XHR, worker or eval', async () => {
    const view = await results(page, 'view-results');
    expect(Object.keys(view)).toHaveLength(8);
    for (const [name, outcome] of Object.entries(view)) expect(outcome, name).toMatch(/^blocked/);
    // `(function () { return this })()` is undefined in a module: nothing to read a property of.
    expect(view['parent.document']).toBe('blocked TypeError');
    expect(view['document.cookie']).toBe('blocked TypeError');
    // In a module `.constructor` reads the type's name as a string (as the dialects define it),
    // so `fn.constructor('…')` calls a string: the chain never reaches `Function`, let alone eval.
    expect(view.Function).toBe('blocked TypeError');
  });

  it('no request from either layer reached the host origin or another origin', async () => {
    await page.waitForTimeout(500);
    const fromProgram = (hits: string[]) => hits.filter((h) => /\/probe\/(logic|view|rich)-/.test(h));
    expect(fromProgram(harness.server.hits)).toEqual([]);
    expect(fromProgram(harness.other.hits)).toEqual([]);
  });

  it('a template cannot reach a constructor, even through a dynamic key handed to wxs', async () => {
    const frame = await frameOf(page, 'pages/probe/probe');
    expect(await frame.locator('#template-escape').textContent()).toBe('[][][blocked TypeError]');
  });

  it('rich-text keeps formatting and drops scripts, handlers, javascript: URLs, frames and CSS urls', async () => {
    const frame = await frameOf(page, 'pages/probe/probe');
    const html = await frame.locator('#rich-string').innerHTML();
    expect(html).toContain('<p>safe <b>bold</b></p>');
    expect(html).not.toMatch(/script|onerror|javascript|iframe|url\(|image-set|expression|\\/i);
    expect(html).toContain('<span style="color: red; font-weight: bold">kept</span>');
    expect(html).toContain('<span>e</span><span>i</span><span>w</span><span>f</span><span>x</span>');
    const array = await frame.locator('#rich-array').innerHTML();
    expect(array).toBe('<div class="kept">array node</div><img>');
    const pwned = await page.evaluate(
      () =>
        new Promise((resolve) => {
          let seen = false;
          addEventListener('message', (e) => {
            if (e.data === 'pwned') seen = true;
          });
          setTimeout(() => resolve(seen), 300);
        }),
    );
    expect(pwned).toBe(false);
    await page.screenshot({ path: `${ARTIFACTS}sandbox-probe.png` });
  });

  it('the host page keeps its cookie and storage to itself', async () => {
    const host = await page.evaluate(() => ({
      cookie: document.cookie,
      storage: localStorage.getItem('host-secret'),
    }));
    expect(host.cookie).toContain('host_secret=cookie-value');
    expect(host.storage).toBe('storage-value');
  });
});

describe('storage per app', () => {
  it('one mini program cannot read what another stored, and reads its own', async () => {
    const page = await harness.open();
    const priorOf = async (appId: string, me: string) => {
      await mountFixture(page, 'probe', { appId, query: { me } });
      const frame = await frameOf(page, 'pages/probe/probe');
      await frame.locator('#logic-results').filter({ hasText: 'blocked' }).waitFor();
      const prior = await frame.locator('#prior').textContent();
      await page.evaluate(() => (window as unknown as TestWindow).__app.close());
      return prior;
    };
    expect(await priorOf('app-a', 'written by a')).toBe('');
    expect(await priorOf('app-b', 'written by b')).toBe('');
    expect(await priorOf('app-a', 'again')).toBe('written by a');
    await page.close();
  });
});

/** Every `/probe/` request that reached either listener, from the given test's names. */
function probeHits(pattern: RegExp): string[] {
  return [...harness.server.hits, ...harness.other.hits].filter((hit) => pattern.test(hit));
}

describe('a template never makes an element the browser gives behaviour to', () => {
  // `audio` and `video` are built-in components that play media from a URL, as on the platforms.
  it('meta refresh, base, link, a, form, iframe, object, embed, img, svg, script… stay inert boxes: no request, the frame stays', async () => {
    const page = await harness.open();
    await mountFixture(page, 'hostile', {
      path: 'pages/tags/tags',
      query: { host: harness.server.origin, other: harness.other.origin },
    });
    const frame = await frameOf(page, 'pages/tags/tags');
    await frame.locator('#span').waitFor();
    await frame.locator('#anchor').click();
    await frame.locator('#download').click();
    await frame.locator('#form [data-plaza="button"]').click();
    // A refresh of 0 s and prefetches go at once; give them the time a page load takes.
    await page.waitForTimeout(1500);
    expect(probeHits(/^\/probe\/tags-/)).toEqual([]);
    const still = await frameOf(page, 'pages/tags/tags');
    expect(await still.locator('#tags').count()).toBe(1);
    const live = await still.evaluate(() => {
      const root = document.getElementById('tags')!;
      const dangerous =
        // (the built-in <image> inside <svg> is an img of Plaza's, with no source)
        'meta, base, link, a, form, iframe, object, embed, img:not([data-plaza="image"]), audio, source, svg, math, script, style, noscript, portal';
      const attributes = [...root.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes]
          .map((a) => a.name)
          .filter((name) =>
            /^(href|src|srcdoc|action|formaction|data|poster|download|http-equiv|content|on.*)$/.test(name),
          )
          .map((name) => `${el.localName}[${name}]`),
      );
      const foreign = [...root.querySelectorAll('*')].filter((el) => el.namespaceURI !== root.namespaceURI);
      return {
        elements: [...root.querySelectorAll(dangerous), ...foreign].map((el) => el.localName),
        attributes,
      };
    });
    expect(live).toEqual({ elements: [], attributes: [] });
    // As on the platforms, span, a and i are plain inline boxes.
    for (const id of ['span', 'italic', 'anchor'])
      expect(await still.locator(`#${id}`).evaluate((el) => getComputedStyle(el).display), id).toBe('inline');
    expect((await events(page)).filter((e) => e.type === 'error')).toEqual([]);
    await page.close();
  });
});

describe('wxs/sjs gets no global object', () => {
  it('no sloppy this, constructor chain, global name or DOM constructor reaches the frame window', async () => {
    const page = await harness.open();
    await mountFixture(page, 'hostile', { path: 'pages/wxs/wxs' });
    const frame = await frameOf(page, 'pages/wxs/wxs');
    const text = await frame.locator('#wxs-results').filter({ hasText: 'blocked' }).textContent();
    const outcome = JSON.parse(text ?? '{}') as Record<string, string>;
    expect(Object.keys(outcome)).toHaveLength(19);
    for (const [name, result] of Object.entries(outcome)) expect(result, name).toMatch(/^blocked/);
    await page.close();
  });

  it('the view frame has no WebRTC, WebTransport, beacon or BroadcastChannel, which CSP does not cover', async () => {
    const page = await harness.open();
    await mountFixture(page, 'hostile', { path: 'pages/wxs/wxs' });
    const frame = await frameOf(page, 'pages/wxs/wxs');
    const present = await frame.evaluate(() =>
      [
        'RTCPeerConnection',
        'webkitRTCPeerConnection',
        'RTCDataChannel',
        'RTCSessionDescription',
        'RTCIceCandidate',
        'WebTransport',
        'BroadcastChannel',
      ]
        .filter((name) => (window as unknown as Record<string, unknown>)[name] !== undefined)
        .concat(typeof navigator.sendBeacon === 'function' ? ['navigator.sendBeacon'] : []),
    );
    expect(present).toEqual([]);
    await page.close();
  });
});

describe('a view frame cannot leave its document', () => {
  it('a frame navigated away ends the program with the error page', async () => {
    const page = await harness.open();
    await mountFixture(page, 'hostile', { path: 'pages/leave/leave' });
    const frame = await frameOf(page, 'pages/leave/leave');
    await frame.locator('#leave').waitFor();
    await frame.evaluate((url) => {
      location.href = url;
    }, `${harness.other.origin}/probe/leave`);
    await page.locator('.plaza-error:not([hidden])').waitFor({ timeout: 5000 });
    const fatal = (await events(page)).filter((e) => e.type === 'error' && e.fatal);
    expect(fatal.map((e) => e.code)).toEqual(['PLZ_CONTAINER_LEFT']);
    expect(await page.locator('iframe.plaza-view').count()).toBe(0);
    await page.close();
  });
});

describe('app-set chrome values never reach the host page as anything but colours and package files', () => {
  it('url() colours and outside icons from app.json and setNavigationBarColor are refused: no request', async () => {
    const page = await harness.open();
    const other = harness.other.origin;
    const files = buildPackageFiles(fixtureDir('hostile'));
    const manifest = JSON.parse(String(files.get('manifest.json'))) as {
      appConfig: Record<string, unknown> & { window: Record<string, unknown> };
      pageConfigs?: Record<string, Record<string, unknown>>;
    };
    const probe = (name: string) => `url(${other}/probe/chrome-${name})`;
    Object.assign(manifest.appConfig.window, {
      navigationBarBackgroundColor: probe('nav'),
      backgroundColor: probe('background'),
      navigationBarTextStyle: probe('text'),
    });
    manifest.appConfig.tabBar = {
      color: probe('tab-color'),
      selectedColor: `red;background:${probe('tab-selected')}`,
      backgroundColor: probe('tab-background'),
      borderStyle: probe('tab-border'),
      list: [
        {
          pagePath: 'pages/chrome/chrome',
          text: 'chrome',
          iconPath: `${other}/probe/chrome-icon.png`,
          selectedIconPath: '../../../../probe/chrome-escape.png',
        },
        {
          pagePath: 'pages/leave/leave',
          text: 'leave',
          iconPath: `//${other.slice('http://'.length)}/probe/chrome-icon2.png`,
          selectedIconPath: '/..%2F..%2Fprobe/chrome-escape2.png',
        },
      ],
    };
    manifest.pageConfigs = {
      ...manifest.pageConfigs,
      'pages/chrome/chrome': { navigationBarBackgroundColor: probe('page-nav') },
    };
    await mountFixture(page, 'hostile', {
      package: {
        manifest,
        logic: String(files.get('logic.js')),
        view: String(files.get('view.js')),
        baseUrl: `${harness.server.origin}/pkg/hostile/`,
      },
      path: 'pages/chrome/chrome',
      query: { bg: probe('runtime') },
    });
    const frame = await frameOf(page, 'pages/chrome/chrome');
    await expect.poll(() => frame.locator('#chrome-result').textContent()).not.toBe('');
    expect(await page.locator('.plaza-tabbar:not([hidden])').count()).toBe(1);
    await page.waitForTimeout(500);
    expect(probeHits(/chrome-/)).toEqual([]);
    expect(await frame.locator('#chrome-result').textContent()).toBe(
      'setNavigationBarColor:fail invalid backgroundColor',
    );
    const warnings = (await events(page))
      .filter((e) => e.type === 'log' && e.level === 'warn')
      .map((e) => String(e.message));
    for (const field of [
      'window.navigationBarBackgroundColor',
      'window.backgroundColor',
      'tabBar.color',
      'tabBar.selectedColor',
      'tabBar.backgroundColor',
      'tabBar.list[0].iconPath',
      'tabBar.list[0].selectedIconPath',
      'tabBar.list[1].iconPath',
      'tabBar.list[1].selectedIconPath',
      'pages/chrome/chrome.navigationBarBackgroundColor',
    ])
      expect(
        warnings.some((w) => w.includes(` ${field} `)),
        field,
      ).toBe(true);
    await page.close();
  });
});

describe('storage quota, apart from the host', () => {
  it('87 writes of 60 KB: the write past 10 MB fails with the platform errMsg, the host can still store, earlier data stays', async () => {
    const page = await harness.open();
    const report = async (query: Record<string, string>) => {
      await mountFixture(page, 'hostile', { appId: 'quota', path: 'pages/storage/storage', query });
      const frame = await frameOf(page, 'pages/storage/storage');
      const text = await frame.locator('#storage-report').filter({ hasText: '{' }).textContent();
      await page.evaluate(() => (window as unknown as TestWindow).__app.close());
      return JSON.parse(text ?? '{}') as Record<string, unknown>;
    };
    const filled = await report({ fill: '1' });
    // 2 bytes a character: 85 entries of 60 K characters fit in 10 MB, the 86th does not.
    expect(filled).toEqual({
      failedAt: 85,
      message: 'setStorageSync:fail exceed storage max size 10Mb',
      asyncResult: 'setStorage:fail exceed storage max size 10Mb',
      prior: 0,
      stored: 85,
      full: expect.any(Number),
    });
    expect(filled.full as number).toBeLessThanOrEqual(10240);
    const hostWrite = await page.evaluate(() => {
      try {
        localStorage.setItem('host-after', 'y'.repeat(1_000_000));
        return 'stored';
      } catch (error) {
        return String(error);
      }
    });
    expect(hostWrite).toBe('stored');
    const again = await report({});
    expect(again.prior).toBe(60 * 1024);
    expect(again.stored).toBe(85);
    expect(again.asyncResult).toBe('setStorage:fail exceed storage max size 10Mb');
    await page.close();
  });
});

describe('what only the user or the host can do', () => {
  it('setClipboardData needs a tap: from onLoad it fails, from a tap it writes', async () => {
    const page = await harness.open();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: harness.server.origin,
    });
    await mountFixture(page, 'hostile', { path: 'pages/clip/clip' });
    const frame = await frameOf(page, 'pages/clip/clip');
    await expect
      .poll(() => frame.locator('#on-load').textContent())
      .toBe('setClipboardData:fail user gesture required');
    await frame.locator('#copy').click();
    await expect.poll(() => frame.locator('#on-tap').textContent()).toBe('ok');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('from tap');
    await page.close();
  });

  it('the consent sheet is the host’s: a showModal with the same words is told apart', async () => {
    const page = await harness.open();
    await mountFixture(page, 'hostile', {
      path: 'pages/clip/clip',
      appName: 'Hostile',
      host: {},
    });
    const frame = await frameOf(page, 'pages/clip/clip');
    await frame.locator('#modal').click();
    const modal = page.getByRole('dialog');
    await modal.waitFor();
    const fake = await modal.evaluate((el) => ({
      host: el.closest('[data-host-sheet]') !== null || el.querySelector('[data-host-sheet]') !== null,
      app: el.querySelector('.plaza-host-sheet-app') !== null,
    }));
    expect(fake).toEqual({ host: false, app: false });
    await modal.getByRole('button', { name: 'Allow' }).click();
    await modal.waitFor({ state: 'detached' });
    await frame.locator('#locate').click();
    const sheet = page.locator('[data-host-sheet="consent"]');
    await sheet.waitFor({ timeout: 5000 });
    expect(await sheet.locator('.plaza-host-sheet-app').textContent()).toContain('Hostile');
    expect(await sheet.textContent()).toContain('to show the nearest shop');
    // It rises over the whole phone, the program's navigation bar included.
    const covers = await page.evaluate(() => {
      const mask = document.querySelector('[data-host-sheet="consent"]')!.parentElement!;
      const nav = document.querySelector('.plaza-nav')!.getBoundingClientRect();
      return document.elementFromPoint(nav.x + nav.width / 2, nav.y + nav.height / 2) === mask;
    });
    expect(covers).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}consent-host-sheet.png` });
    await page.close();
  });
});
