import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  frameOf,
  mountFixture,
  type TestWindow,
  useHarness,
} from '../testing/container-harness.ts';

const harness = useHarness(['probe']);

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

  it('from a wxs module in the view frame: cross-origin parent and top, no cookie, storage, XHR, worker or eval', async () => {
    const view = await results(page, 'view-results');
    expect(Object.keys(view)).toHaveLength(8);
    for (const [name, outcome] of Object.entries(view)) expect(outcome, name).toMatch(/^blocked/);
    expect(view['parent.document']).toBe('blocked SecurityError');
    expect(view['document.cookie']).toBe('blocked SecurityError');
    expect(view.Function).toBe('blocked EvalError');
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
    expect(html).not.toMatch(/script|onerror|javascript|iframe|url\(/i);
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
