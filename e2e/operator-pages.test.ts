import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoAppName } from '../server/src/demo/index.ts';
import { buildPackage, program } from '../server/src/modules/versions/testing.ts';
import { seriousViolations } from './support/accessibility.ts';
import { eventually } from './support/merchant-view.ts';
import { launchChromium } from './support/phone-browser.ts';
import { type PlatformProcess, startPlatformProcess } from './support/platform-process.ts';
import { ensureSuperAppBuilt, repoRoot } from './support/super-app-build.ts';

const artifacts = join(repoRoot, 'test-artifacts/consoles');
/** The automated checks open every page in a process of their own and paint it in a browser. */
const withChecks = 150_000;

// The operator's pages beyond the first walk: the review's evidence, content moderation and
// operations, on `npm start` with the demo's operator, used with the keyboard where it acts.
describe('the operator console pages', () => {
  let platform: PlatformProcess;
  let browser: Browser;
  let op: Page;

  async function look(step: string) {
    await op.screenshot({ path: join(artifacts, `operator-${step}.png`), fullPage: true });
    expect(await seriousViolations(op), step).toEqual([]);
  }

  async function api(method: string, path: string, token: string, body?: Buffer | object) {
    const raw = Buffer.isBuffer(body);
    const res = await fetch(`${platform.base}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': raw ? 'application/gzip' : 'application/json' }),
      },
      ...(body === undefined ? {} : { body: raw ? new Uint8Array(body) : JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, unknown> };
  }

  /** Moves the focus to an element by Tab presses, as a keyboard user would reach it. */
  async function tabTo(target: ReturnType<Page['getByRole']>) {
    await op.locator('body').focus();
    for (let i = 0; i < 200; i++) {
      await op.keyboard.press('Tab');
      if (await target.evaluate((el) => el === document.activeElement)) return;
    }
    throw new Error('the element cannot be reached with Tab');
  }

  beforeAll(async () => {
    ensureSuperAppBuilt();
    mkdirSync(artifacts, { recursive: true });
    [platform, browser] = await Promise.all([startPlatformProcess('sqlite'), launchChromium()]);
    op = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it(
    'shows a version in review with a picture of each page and what it changes against the release',
    async () => {
      // The developer uploads a version with a new page through the API, as `plaza upload` does.
      const dev = await api('POST', '/api/sessions', '', {
        email: demoAccounts.developer.email,
        password: demoAccounts.developer.password,
      });
      expect(dev.status, JSON.stringify(dev.json)).toBe(200);
      const token = dev.json.token as string;
      const appid = platform.marker.appid;
      const archive = buildPackage(
        program({
          extra: {
            'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/offers/offers'] }),
            'pages/index/index.ttss': '.hello { display: block; padding: 40rpx; background: #ffe3c2; }',
            'pages/offers/offers.json': '{}',
            'pages/offers/offers.ttml': '<view class="offer">Two bowls for one, every Tuesday</view>\n',
            'pages/offers/offers.ttss': '.offer { padding: 32rpx; font-size: 36rpx; color: #b33; }',
            'pages/offers/offers.js': 'Page({});\n',
          },
        }),
      );
      const up = await api('POST', `/api/apps/${appid}/versions?version=9.0.0`, token, archive);
      expect(up.status, JSON.stringify(up.json)).toBe(201);
      const id = (up.json.version as { id: string }).id;
      expect((await api('POST', `/api/apps/${appid}/versions/${id}/submit`, token)).status).toBe(202);
      await eventually(
        'the checks of 9.0.0',
        async () => {
          const v = (await api('GET', `/api/apps/${appid}/versions/${id}`, token)).json.version as {
            checks: { status: string } | null;
          };
          return v.checks && v.checks.status !== 'pending' ? v : undefined;
        },
        withChecks - 30_000,
      );

      await op.goto(`${platform.base}/operator`);
      await op.getByLabel('Email').fill(demoAccounts.operator.email);
      await op.getByLabel('Password').fill(demoAccounts.operator.password);
      await op.getByLabel('Password').press('Enter');
      const card = op
        .getByRole('article')
        .filter({ has: op.getByRole('heading', { name: `${demoAppName} 9.0.0` }) });
      await card.waitFor();
      const shots = card.getByRole('list', { name: /^Screenshots of / }).getByRole('img');
      await shots.first().waitFor();
      expect(await shots.count()).toBe(2);
      // Every picture arrived and decoded (a broken image has no natural width).
      await op.waitForFunction(() =>
        [...document.querySelectorAll<HTMLImageElement>('.op-shots img')].every(
          (img) => img.complete && img.naturalWidth > 0,
        ),
      );
      const changes = card.getByRole('table', { name: /^Changes of / });
      await expect
        .poll(() => changes.getByRole('row', { name: /Pages/ }).textContent())
        .toContain('+ pages/offers/offers');
      await card
        .getByRole('img', { name: 'Page pages/offers/offers as it rendered' })
        .scrollIntoViewIfNeeded();
      await look('review-evidence');
    },
    withChecks,
  );

  it('takes a video down from the feed with a reason, then reinstates it, with the keyboard', async () => {
    await tabTo(op.getByRole('link', { name: 'Content' }));
    await op.keyboard.press('Enter');
    const videos = op.getByRole('table', { name: 'Videos' });
    await videos.getByRole('row').nth(1).waitFor();
    await look('content');
    const first = videos.getByRole('row').nth(1);
    const caption = (await first.getByRole('cell').first().textContent()) as string;
    const feed = async () =>
      (
        (await (await fetch(`${platform.base}/api/feed?limit=50`)).json()) as {
          items: Array<{ caption: string }>;
        }
      ).items.map((i) => i.caption);
    expect(await feed()).toContain(caption);

    await first.getByLabel('Reason').focus();
    await op.keyboard.type('Shows a prohibited product');
    await op.keyboard.press('Enter');
    await videos.getByRole('row', { name: caption }).waitFor({ state: 'detached' });
    expect(await feed()).not.toContain(caption);

    await op.getByLabel('Status').selectOption('taken_down');
    const down = videos.getByRole('row').filter({ hasText: caption });
    await down.getByText('Shows a prohibited product').waitFor();
    await look('content-taken-down');
    await down.getByRole('button', { name: 'Reinstate' }).focus();
    await op.keyboard.press('Enter');
    await down.waitFor({ state: 'detached' });
    expect(await feed()).toContain(caption);
    await op.getByRole('table', { name: 'Creators' }).getByRole('row').nth(1).waitFor();
  });

  it("shows the dead jobs and the feed's fairness figures", async () => {
    await tabTo(op.getByRole('link', { name: 'Operations' }));
    await op.keyboard.press('Enter');
    await op.getByRole('heading', { name: 'Feed fairness' }).waitFor();
    await op.getByText('Providers shown').waitFor();
    await op.getByRole('heading', { name: 'Dead jobs' }).waitFor();
    await op
      .getByText(/No job has given up|Retry/)
      .first()
      .waitFor();
    await look('operations');
  });
});
