import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts } from '../server/src/demo/index.ts';
import { seriousViolations } from './support/accessibility.ts';
import { launchChromium } from './support/phone-browser.ts';
import { type PlatformProcess, startPlatformProcess } from './support/platform-process.ts';
import { ensureSuperAppBuilt, repoRoot } from './support/super-app-build.ts';
import { orderTakeout, payTakeout, signInDemoUser } from './support/takeout-purchase.ts';

const artifacts = join(repoRoot, 'test-artifacts/consoles');

// The developer console's app pages beyond the loop (privacy, payment settings,
// settlements, errors, messages, the demo's charts), on `npm start` with its demo, used
// from the keyboard where a form is filled.
describe("the developer console's app pages", () => {
  let platform: PlatformProcess;
  let browser: Browser;
  let dev: Page;
  let appid: string;

  /** A screenshot named after the page, and axe-core with nothing serious or critical. */
  async function look(step: string) {
    await dev.screenshot({ path: join(artifacts, `pages-${step}.png`), fullPage: true });
    expect(await seriousViolations(dev), step).toEqual([]);
  }
  const open = async (section: string, heading: string) => {
    await dev.getByRole('navigation').getByRole('link', { name: section, exact: true }).click();
    await dev.getByRole('heading', { level: 1, name: heading }).waitFor();
  };

  beforeAll(async () => {
    ensureSuperAppBuilt();
    mkdirSync(artifacts, { recursive: true });
    [platform, browser] = await Promise.all([startPlatformProcess('sqlite'), launchChromium()]);
    appid = platform.marker.appid;
    dev = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    await dev.goto(`${platform.base}/console/apps/${appid}`);
    await dev.getByLabel('Email').fill(demoAccounts.developer.email);
    await dev.getByLabel('Password').fill(demoAccounts.developer.password);
    await dev.getByLabel('Password').press('Enter');
    await dev.getByRole('heading', { name: 'Profile, domains and webhook' }).waitFor();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it("draws the demo's past weeks in the funnel and the daily trends", async () => {
    await open('Analytics', 'Analytics');
    const drawn = dev.locator('[data-drawn]');
    await drawn.first().waitFor();
    expect(await drawn.count()).toBeGreaterThanOrEqual(2);
    const funnel = dev.getByRole('region', { name: 'Funnel' });
    await funnel.getByText('Table').click();
    const exposures = await funnel.getByRole('row').filter({ hasText: 'Video impression' }).textContent();
    // Three weeks of at least 300 impressions a day: far more than the loop of one test.
    expect(
      Number(/impression \(anchor shown\)([\d,]+)/.exec(exposures ?? '')?.[1]?.replace(/,/g, '')),
    ).toBeGreaterThan(1000);
    await look('analytics-demo-history');
  });

  it('declares the personal data the app collects, from the keyboard', async () => {
    await open('Privacy', 'Privacy declaration');
    const location = dev.getByRole('checkbox', { name: 'Location' });
    await location.focus();
    await dev.keyboard.press('Space');
    expect(await location.isChecked()).toBe(true);
    await dev.keyboard.press('Tab');
    await dev.keyboard.type('To find the kitchen nearest to you');
    await dev.keyboard.press('Enter');
    await dev.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await look('privacy-declaration');
    await dev.reload();
    await dev.getByRole('checkbox', { name: 'Location' }).waitFor();
    expect(await dev.getByRole('checkbox', { name: 'Location' }).isChecked()).toBe(true);
    expect(await dev.getByLabel('Why the app needs: Location').inputValue()).toBe(
      'To find the kitchen nearest to you',
    );
  });

  it('adds a split receiver, shows the Douyin SALT on request and registers a trade-system key', async () => {
    await open('Payment settings', 'Payment settings');
    await dev.getByLabel('Receiver name').focus();
    await dev.keyboard.type('Rider pool');
    await dev.keyboard.press('Tab');
    await dev.keyboard.type('RIDERS-1');
    await dev.keyboard.press('Enter');
    await dev
      .getByRole('table', { name: 'Split receivers' })
      .getByRole('cell', { name: 'RIDERS-1' })
      .waitFor();

    // The demo set up Douyin payment: its SALT is hidden until asked for.
    const salt = dev.getByTestId('hidden-SALT');
    await salt.waitFor();
    expect(await salt.textContent()).toMatch(/^•+$/);
    await dev.getByRole('button', { name: 'Show SALT' }).click();
    expect(await salt.textContent()).not.toMatch(/•/);
    await dev.getByRole('button', { name: 'Hide SALT' }).click();

    const { publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    await dev.getByLabel(/New public key/).fill(publicKey);
    await dev.getByLabel('Key version').fill('2');
    await dev.getByRole('button', { name: 'Register public key' }).click();
    await dev.getByText("The app's public key (version 2)").waitFor();
    await look('payment-settings');
  });

  it('shows the balances after a paid order and its statement, with CSV and JSON to download', async () => {
    const user = await signInDemoUser(platform);
    const order = await orderTakeout(platform, user);
    expect((await payTakeout(order)).code).toBe(0);
    await open('Settlements', 'Settlements and balances');
    await dev.getByText('Held in escrow').waitFor();
    const lines = dev.getByRole('table', { name: 'Statement lines' });
    await lines.getByRole('cell', { name: 'payment', exact: true }).first().waitFor();
    const [csv] = await Promise.all([
      dev.waitForEvent('download'),
      dev.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    const text = await readFile((await csv.path()) as string, 'utf8');
    expect(text.split('\r\n')[0]).toBe(
      'type,at,order_id,out_order_no,refund_id,out_refund_no,receiver_id,currency,amount',
    );
    expect(text).toContain(order.orderId);
    const [json] = await Promise.all([
      dev.waitForEvent('download'),
      dev.getByRole('link', { name: 'Download JSON' }).click(),
    ]);
    const statement = JSON.parse(await readFile((await json.path()) as string, 'utf8'));
    expect(statement.totals.CNY.paid).toBeGreaterThan(0);
    await look('settlements');
  });

  it('lists runtime errors grouped by message and location, with versions and counts', async () => {
    await open('Errors', 'Errors');
    const row = dev.getByRole('row').filter({ hasText: 'cart is not defined' });
    await row.waitFor();
    expect(await row.textContent()).toContain('pages/checkout/checkout.js:88:5');
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('6');
    expect(await row.textContent()).toMatch(/1\.0\.0 \(\d\)/);
    await look('errors');
  });

  it("lists the app's message templates and their sends", async () => {
    await open('Messages', 'Messages');
    await dev
      .getByRole('table', { name: 'Message templates' })
      .getByRole('cell', { name: 'Order status' })
      .waitFor();
    await dev.getByRole('region', { name: 'Sends' }).waitFor();
    await look('messages');
  });
});
