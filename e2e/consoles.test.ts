import { mkdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts } from '../server/src/demo/index.ts';
import { buildPackage, program } from '../server/src/modules/versions/testing.ts';
import { seriousViolations } from './support/accessibility.ts';
import { eventually } from './support/merchant-view.ts';
import { launchChromium } from './support/phone-browser.ts';
import { type PlatformProcess, startPlatformProcess } from './support/platform-process.ts';
import { ensureSuperAppBuilt, repoRoot } from './support/super-app-build.ts';
import { orderTakeout, payTakeout, reportAnchorVisit, signInDemoUser } from './support/takeout-purchase.ts';

const artifacts = join(repoRoot, 'test-artifacts/consoles');
const appName = 'Console Noodles';
/** Bytes of JavaScript (minified, before compression) the console's first page may load. */
const consoleScriptBudget = 300 * 1024;
/** Tests that wait for the automated checks, which open every page in a browser of their own. */
const withChecks = 120_000;

// The developer's loop in the developer console and the operator's review in the operator
// console, on `npm start` with its demo accounts, as people click through them.
describe('the developer and operator consoles', () => {
  let platform: PlatformProcess;
  let browser: Browser;
  let dev: Page;
  let op: Page;
  let shots = 0;

  /** A numbered screenshot, and the page must pass axe-core with nothing serious or critical. */
  async function look(page: Page, step: string) {
    await page.screenshot({
      path: join(artifacts, `${String(++shots).padStart(2, '0')}-${step}.png`),
      fullPage: true,
    });
    expect(await seriousViolations(page), step).toEqual([]);
  }

  async function signIn(page: Page, email: string, password: string) {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  const versionRow = (version: string) => dev.getByRole('row').filter({ hasText: version }).first();

  beforeAll(async () => {
    ensureSuperAppBuilt();
    rmSync(artifacts, { recursive: true, force: true });
    mkdirSync(artifacts, { recursive: true });
    [platform, browser] = await Promise.all([startPlatformProcess('sqlite'), launchChromium()]);
    const desk = { viewport: { width: 1280, height: 860 } };
    dev = await (await browser.newContext(desk)).newPage();
    op = await (await browser.newContext(desk)).newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('prints the consoles with the demo accounts at start', () => {
    expect(platform.output()).toMatch(/Developer console\s+http:\/\/\S+\/console/);
    expect(platform.output()).toMatch(/Operator console\s+http:\/\/\S+\/operator/);
  });

  it('creates an app whose secret is shown once, and edits its profile, domains and webhook', async () => {
    // The console's first load carries its own code and React, not the chart library.
    const scripts: Array<{ url: string; bytes: number }> = [];
    const onScript = async (res: Response) => {
      if (res.request().resourceType() === 'script')
        scripts.push({ url: res.url(), bytes: (await res.body()).length });
    };
    dev.on('response', onScript);
    await dev.goto(`${platform.base}/console`);
    await dev.getByRole('button', { name: 'Sign in' }).waitFor();
    dev.off('response', onScript);
    expect(scripts.filter((s) => /echarts/.test(s.url))).toEqual([]);
    expect(scripts.reduce((sum, s) => sum + s.bytes, 0)).toBeLessThan(consoleScriptBudget);
    await look(dev, 'console-sign-in');
    await signIn(dev, demoAccounts.developer.email, demoAccounts.developer.password);
    await dev.getByRole('heading', { name: /^Apps of / }).waitFor();

    await dev.getByLabel('App name').fill(appName);
    await dev.getByRole('button', { name: 'Create app' }).click();
    const secret = dev.getByTestId('secret-value');
    await secret.waitFor();
    expect(await secret.textContent()).toMatch(/\S{20,}/);
    await look(dev, 'app-created-secret-once');
    await dev.getByRole('button', { name: 'I have stored it' }).click();
    expect(await secret.count()).toBe(0);

    await dev.getByRole('link', { name: appName }).click();
    await dev.getByLabel('Description').fill('Hand-pulled noodles, delivered.');
    await dev.getByLabel(/Request domains/).fill('https://api.noodles.example');
    await dev.getByLabel('Webhook endpoint').fill(`${platform.merchantUrl}/plaza/webhooks`);
    await dev.getByRole('button', { name: 'Save' }).click();
    await dev.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    // What was saved is what the platform now answers.
    await dev.reload();
    expect(await dev.getByLabel(/Request domains/).inputValue()).toBe('https://api.noodles.example');

    await dev.getByRole('button', { name: 'Rotate app secret' }).click();
    await dev.getByText(/The previous secret keeps working until/).waitFor();
    await look(dev, 'app-settings-secret-rotated');
    await dev.getByRole('button', { name: 'I have stored it' }).click();
  });

  it("invites a member by email to the developer's org", async () => {
    await dev.getByRole('link', { name: 'Members' }).click();
    await dev.getByRole('table', { name: 'Members' }).getByText(demoAccounts.developer.email).waitFor();
    const inviteForm = dev.getByRole('form', { name: 'Invite a member' });
    await inviteForm.getByLabel('Email').fill('cook@noodles.example');
    await inviteForm.getByRole('combobox').selectOption('viewer');
    await dev.getByRole('button', { name: 'Invite' }).click();
    const invited = dev
      .getByRole('table', { name: 'Invitations' })
      .getByRole('row')
      .filter({ hasText: 'cook@noodles.example' });
    await invited.getByText('viewer').waitFor();
    await look(dev, 'org-members');
    await dev.getByRole('link', { name: 'Apps' }).click();
    await dev.getByRole('link', { name: appName }).click();
  });

  /** Uploads a package from the browser and submits it; resolves once its checks passed. */
  async function uploadAndSubmit(version: string) {
    await dev.getByLabel('Package (.tgz)').setInputFiles({
      name: `noodles-${version}.tgz`,
      mimeType: 'application/gzip',
      buffer: buildPackage(program()),
    });
    await dev.getByLabel('Version', { exact: true }).fill(version);
    await dev.getByLabel('What changed').fill(`Release ${version}`);
    await dev.getByRole('button', { name: 'Upload' }).click();
    await dev.getByText('Sent 100%').waitFor();
    await versionRow(version).getByText('uploaded', { exact: true }).waitFor();
    await versionRow(version).getByRole('button', { name: 'Submit for review' }).click();
    await versionRow(version).getByText('in review').waitFor();
    // The page asks again while the checks run in the background.
    await versionRow(version).getByText('passed').waitFor({ timeout: 60_000 });
  }

  async function approveAsOperator(version: string) {
    await op.goto(`${platform.base}/operator`);
    // The first visit shows the sign-in form, later ones the queue: wait for whichever the
    // page renders, since isVisible() alone answers before a slow first render.
    const signInButton = op.getByRole('button', { name: 'Sign in' });
    await signInButton.or(op.getByRole('heading', { name: 'Review queue' })).waitFor();
    if (await signInButton.isVisible()) {
      await look(op, 'operator-sign-in');
      await signIn(op, demoAccounts.operator.email, demoAccounts.operator.password);
    }
    const card = op.getByRole('article', { name: `${appName} ${version}` });
    await card.waitFor();
    await card.getByRole('table', { name: 'Pages checked' }).waitFor();
    await look(op, `review-queue-${version}`);
    await card.getByRole('button', { name: 'Approve' }).click();
    await card.waitFor({ state: 'detached' });
  }

  it(
    'uploads from the browser, submits, is approved by the operator and released',
    async () => {
      await dev.getByRole('link', { name: 'Versions' }).click();
      await uploadAndSubmit('1.0.0');
      await versionRow('1.0.0').getByRole('button', { name: 'Details' }).click();
      await dev.getByRole('table', { name: 'Pages checked' }).getByText('pages/index/index').waitFor();
      await look(dev, 'versions-checks-passed');

      await approveAsOperator('1.0.0');
      await dev.reload();
      await versionRow('1.0.0').getByText('approved').waitFor();
      await versionRow('1.0.0').getByRole('button', { name: 'Release' }).click();
      await dev.getByTestId('release-share').filter({ hasText: '100%' }).waitFor();
    },
    withChecks,
  );

  it(
    'grey-releases the next version to 10% with the slider, from the keyboard',
    async () => {
      await uploadAndSubmit('1.1.0');
      await approveAsOperator('1.1.0');
      await dev.reload();
      await versionRow('1.1.0').getByLabel('Share %').fill('1');
      await versionRow('1.1.0').getByRole('button', { name: 'Release' }).click();
      await dev.getByTestId('release-share').filter({ hasText: /^1%$/ }).waitFor();

      const slider = dev.getByRole('slider');
      await slider.focus();
      for (let i = 0; i < 9; i++) await dev.keyboard.press('ArrowRight');
      expect(await slider.inputValue()).toBe('10');
      await dev.getByRole('button', { name: 'Apply share' }).focus();
      await dev.keyboard.press('Enter');
      await dev.getByTestId('release-share').filter({ hasText: /^10%$/ }).waitFor();
      const shares = await dev
        .getByRole('table', { name: 'Who gets which version' })
        .getByRole('row')
        .allTextContents();
      expect(shares.slice(1)).toEqual(['1.1.0 (grey release)10%', '1.0.0 (previous full release)90%']);
      await look(dev, 'grey-release-10');
    },
    withChecks,
  );

  it(
    'rejects a version with coded reasons that the developer reads on it',
    async () => {
      await uploadAndSubmit('1.2.0');
      await op.goto(`${platform.base}/operator`);
      const card = op.getByRole('article', { name: `${appName} 1.2.0` });
      await card.getByRole('checkbox', { name: /REVIEW_MISLEADING_PROFILE/ }).check();
      await card
        .getByLabel('Message to the developer')
        .fill('The icon shows a burger; the shop sells noodles');
      await card.getByRole('button', { name: 'Reject' }).click();
      await card.waitFor({ state: 'detached' });

      await dev.reload();
      await versionRow('1.2.0').getByText('rejected').waitFor();
      await versionRow('1.2.0').getByRole('button', { name: 'Details' }).click();
      await dev
        .getByText(
          "REVIEW_MISLEADING_PROFILE: The app's name, icon or description does not match what it does. The icon shows a burger; the shop sells noodles",
        )
        .waitFor();
      await look(dev, 'version-rejected-reasons');
    },
    withChecks,
  );

  it('lets the operator suspend an app with a reason and reinstate it', async () => {
    const appid = new URL(dev.url()).pathname.split('/')[3] ?? '';
    await op.getByRole('link', { name: 'Apps' }).click();
    await op.getByLabel('appid').fill(appid);
    await op.getByRole('button', { name: 'Open' }).click();
    await op.getByLabel(/Reason for suspension/).fill('Menu prices differ from the shop');
    await op.getByRole('button', { name: 'Suspend' }).click();
    await op.getByText('Suspended: Menu prices differ from the shop').waitFor();
    await look(op, 'operator-app-suspended');
    await op.getByRole('button', { name: 'Reinstate' }).click();
    await op.getByRole('button', { name: 'Suspend' }).waitFor();
  });

  it("shows the takeout app's paid order with its timeline and refunds part of it", async () => {
    const { appid } = platform.marker;
    const user = await signInDemoUser(platform);
    // The user comes from a video's anchor, as the funnel below counts them.
    const feed = await user.json<{ items: Array<{ video_id: string; anchor: { appid: string } | null }> }>(
      'GET',
      '/api/feed?limit=20',
    );
    const video = feed.items.find((v) => v.anchor?.appid === appid);
    if (!video) throw new Error('the demo feed has no video anchored into the takeout app');
    await reportAnchorVisit(user, appid, video.video_id);
    const order = await orderTakeout(platform, user);
    expect((await payTakeout(order)).code).toBe(0);

    await dev.goto(`${platform.base}/console/apps/${appid}/payments`);
    const orders = dev.getByRole('table', { name: 'Orders' });
    await orders.waitFor();
    // Filters go to the server: a status no order has leaves the table empty.
    await dev.getByLabel('Status').selectOption('closed');
    await dev.getByRole('button', { name: 'Apply' }).click();
    await dev.getByText('No orders match.').waitFor();
    await dev.getByLabel('Status').selectOption('');
    await dev.getByRole('button', { name: 'Apply' }).click();
    await look(dev, 'payments-orders');
    await orders.getByRole('row').nth(1).getByRole('link').click();

    await dev.getByText('Paid into escrow').waitFor();
    await dev.getByLabel(/^Amount/).fill('5.00');
    await dev.getByLabel('Reason').fill('Soup spilled');
    await dev.getByRole('button', { name: 'Refund', exact: true }).click();
    const refunds = dev.getByRole('table', { name: 'Refunds of this order' });
    await refunds.getByText('succeeded').waitFor();
    expect(await refunds.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([
      'CNY 5.00',
      'succeeded',
      'Soup spilled',
      expect.any(String),
    ]);
    await dev.getByText(/^Refunded$/).waitFor();
    await look(dev, 'payments-order-refunded');
  });

  it('redelivers a webhook and shows the new attempt', async () => {
    const { appid } = platform.marker;
    await dev.getByRole('link', { name: 'Webhooks' }).click();
    const paidEvent = dev
      .getByRole('table', { name: 'Webhook deliveries' })
      .getByRole('row')
      .filter({ hasText: 'payment.paid' })
      .first();
    await paidEvent.waitFor();
    const attemptsBefore = Number(await paidEvent.getByRole('cell').nth(2).textContent());
    await paidEvent.getByRole('button', { name: 'Details' }).click();
    await dev.getByRole('table', { name: 'Attempts' }).first().waitFor();
    await paidEvent.getByRole('button', { name: 'Redeliver' }).click();
    await look(dev, 'webhooks-redelivered');
    // The worker sends it again in the background; the log shows one attempt more.
    await eventually('the redelivery to be attempted', async () => {
      const res = await fetch(`${platform.base}/api/apps/${appid}/webhooks/deliveries?limit=50`, {
        headers: { cookie: (await dev.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') },
      });
      const { deliveries } = (await res.json()) as {
        deliveries: Array<{ type: string; attempt_count: number }>;
      };
      return deliveries.find((d) => d.type === 'payment.paid' && d.attempt_count > attemptsBefore);
    });
    await dev.reload();
    await dev.getByRole('table', { name: 'Webhook deliveries' }).waitFor();
    expect(
      Number(
        await dev
          .getByRole('table', { name: 'Webhook deliveries' })
          .getByRole('row')
          .filter({ hasText: 'payment.paid' })
          .first()
          .getByRole('cell')
          .nth(2)
          .textContent(),
      ),
    ).toBeGreaterThan(attemptsBefore);
  });

  it('reads the funnel as a chart, a table and a CSV file', async () => {
    await dev.getByRole('link', { name: 'Analytics' }).click();
    const funnel = dev.getByRole('region', { name: 'Funnel' });
    await funnel.locator('[data-drawn]').waitFor();
    await funnel.getByText('Table').click();
    const steps = await funnel.getByRole('table').getByRole('row').allTextContents();
    // The visit and the order above: one of each step for the demo user today, at least.
    for (const step of ['Video impression (anchor shown)', 'Anchor tap', 'App open', 'Login', 'Paid order'])
      expect(
        steps.find((r) => r.startsWith(step)),
        step,
      ).toMatch(new RegExp(`^${step.replace(/[()]/g, '\\$&')}[1-9]`));
    const [download] = await Promise.all([
      dev.waitForEvent('download'),
      funnel.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('funnel.csv');
    const csv = await readFile((await download.path()) as string, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('Step,Count,From step before,Previous period,Change');
    expect(csv).toMatch(/\r\nPaid order,[1-9]/);
    await look(dev, 'analytics-funnel');
  });
});
