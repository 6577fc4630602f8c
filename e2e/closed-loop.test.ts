import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { demoAccounts } from '../server/src/demo/index.ts';
import { testEngines } from '../server/test/support/test-database.ts';
import { eventually, merchantView } from './support/merchant-view.ts';
import {
  launchChromium,
  openPhone,
  pageFrame,
  screenshots,
  signInDemoUser,
  tap,
} from './support/phone-browser.ts';
import { type PlatformProcess, startPlatformProcess } from './support/platform-process.ts';
import { ensureSuperAppBuilt } from './support/super-app-build.ts';

// The closed loop as a person walks it, in Chromium against `npm start` on a fresh data
// dir: watch → anchor → mini program → login → pay in escrow → the merchant's server is
// called back and delivers → settlement → "Me" shows it completed; money and funnel checked.
// Twice: with the merchant server written on Plaza's SDK, and with the one written against
// Douyin's server API (ecpay, msg_signature) that only has its base URL pointed at Plaza.
const beefNoodles = 2800;
const danDan = 1850;

// And once on PostgreSQL with two server processes on the same database: the phone talks to
// the second, the merchant's server to the first, so the callbacks, the settlement and the
// live message cross from one process to the other.
const walks = [
  { merchant: 'plaza', paidEvent: 'payment.paid', engine: 'sqlite', processes: 1, shots: undefined },
  { merchant: 'douyin', paidEvent: 'payment', engine: 'sqlite', processes: 1, shots: 'douyin' },
  ...(testEngines.includes('postgres')
    ? [
        {
          merchant: 'plaza',
          paidEvent: 'payment.paid',
          engine: 'postgres',
          processes: 2,
          shots: 'postgres',
        } as const,
      ]
    : []),
] as const;

describe.each(walks)(
  'the closed loop in the super app, $merchant merchant server, $engine with $processes process(es)',
  ({ merchant: flavour, paidEvent, engine, processes, shots }) => {
    let platform: PlatformProcess;
    let phoneSide: PlatformProcess | undefined;
    let browser: Browser;
    let page: Page;
    let shot: (step: string) => Promise<void>;

    beforeAll(async () => {
      ensureSuperAppBuilt();
      [platform, browser] = await Promise.all([
        startPlatformProcess(engine, undefined, { merchant: flavour }),
        launchChromium(),
      ]);
      if (processes === 2)
        phoneSide = await startPlatformProcess(engine, platform.target, { joinDemo: true });
      page = await openPhone(browser);
      shot = screenshots(page, shots);
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      await phoneSide?.stop({ keepData: true });
      await platform?.stop();
    });

    it('walks from a video to a settled order, and the money and the funnel add up', async () => {
      const consoleLines: string[] = [];
      page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
      onTestFailed(async () => {
        await shot('failure');
        const frames = await page.evaluate(() =>
          [...document.querySelectorAll('iframe')].map((f) => {
            const r = f.getBoundingClientRect();
            const cs = getComputedStyle(f);
            return `${f.className} in ${f.parentElement?.outerHTML.slice(0, 160)} rect=${r.x},${r.y},${r.width}x${r.height} vis=${cs.visibility} pe=${cs.pointerEvents} z=${cs.zIndex}`;
          }),
        );
        process.stderr.write(`frames:\n${frames.join('\n')}\n`);
        process.stderr.write(`browser console:\n${consoleLines.join('\n')}\n`);
      });
      const merchant = merchantView(platform);
      const before = await merchant.statementTotals();
      expect(before?.merchant_balance_change ?? 0).toBe(0);

      // The feed opens on a playing video carrying the takeout anchor.
      await page.goto(`${(phoneSide ?? platform).base}/`);
      await page.locator('[data-testid="anchor-card"]').first().waitFor();
      await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2);
      await shot('feed');

      // Sign in from Me with the demo phone; the demo inbox shows the code.
      await signInDemoUser(page, demoAccounts.user.phone, () => shot('sign-in'));
      await shot('me-signed-in');

      // Back to the feed and swipe to the next video.
      await page.getByRole('button', { name: 'Home', exact: true }).click();
      const feed = page.locator('[data-testid="feed"]');
      await feed.waitFor();
      // The feed reloads when Home is shown again: wait for its second video before swiping,
      // and swipe again until the snap settles on it.
      await page.locator('[data-testid="feed"] .video-card').nth(1).waitFor({ state: 'attached' });
      await page.waitForFunction(() => {
        const el = document.querySelector('[data-testid="feed"]');
        if (el === null) return false;
        if (Math.abs(el.scrollTop - el.clientHeight) < 2) return true;
        el.scrollTo({ top: el.clientHeight });
        return false;
      });
      const second = page.locator('.video-card').nth(1);
      await expect
        .poll(() => second.evaluate((el) => (el.querySelector('video')?.readyState ?? 0) >= 2))
        .toBe(true);
      await shot('swiped-to-takeout-video');

      // Tap its anchor: the takeout mini program opens on its shop.
      await second.locator('[data-testid="anchor-card"]').click();
      await page.locator('[data-testid="mini-program-sheet"][data-ready]').waitFor();
      const shop = await pageFrame(page, 'pages/shop/shop');
      await shop.locator('.shop__name').filter({ hasText: 'Plaza Noodle House' }).waitFor();
      await shot('mini-program-shop');

      // Two dishes into the cart, then checkout: one tap each, every one must count.
      const plus = shop.locator('[class*="stepper__plus"]');
      const count = shop.locator('[class*="cart-bar__count"]');
      await tap(page, plus.nth(0));
      await count.filter({ hasText: '1' }).waitFor();
      await tap(page, plus.nth(1));
      await count.filter({ hasText: '2' }).waitFor();
      await shot('two-dishes-in-cart');
      await tap(page, shop.locator('[class*="cart-bar__checkout"]'));
      await page
        .locator('section.plaza-page[data-path="pages/confirm/confirm"]')
        .waitFor({ state: 'attached' });
      const confirm = await pageFrame(page, 'pages/confirm/confirm');
      await confirm.locator('.confirm__submit').waitFor();
      await page.waitForFunction(() => !document.querySelector('[data-transition]'));
      await shot('confirm-order');

      // Pay: the app logs the user in (they allow it once), its server creates the order,
      // the host's payment sheet shows the platform's own record of it.
      await tap(page, confirm.locator('.confirm__submit'));
      await page.locator('[data-testid="login-sheet"]').waitFor();
      await shot('login-consent');
      await page.getByRole('button', { name: 'Allow' }).click();
      const sheet = page.locator('[data-testid="payment-sheet"]');
      await sheet.waitFor();
      const total = beefNoodles + danDan;
      await expect.poll(() => sheet.locator('[data-testid="payment-amount"]').textContent()).toBe('¥46.50');
      await shot('payment-sheet');
      await page.locator('[data-testid="confirm-payment"]').click();

      const result = await pageFrame(page, 'pages/result/result');
      await result.locator('.result--paid').waitFor();
      await shot('paid-result');

      // On the result page the user asks to be told when it is delivered: the host's
      // subscription sheet (a tap opens it), one template ticked, allowed. The Douyin-style
      // server offers no message template, so its result page has no such button.
      if (flavour === 'plaza') {
        await tap(page, result.locator('.result__notify'));
        const subscribe = page.locator('[data-testid="subscribe-sheet"]');
        await subscribe.waitFor();
        await expect.poll(() => subscribe.textContent()).toContain('Order status');
        await shot('subscribe-sheet');
        await page.locator('[data-testid="allow-subscribe"]').click();
        await result.locator('.result__notified').filter({ hasText: "We'll message you" }).waitFor();
        await shot('subscribed');
      } else {
        expect(await result.locator('.result__notify').count()).toBe(0);
      }

      // The merchant's server got the signed callback, delivered, and had the order settled.
      const settled = await eventually('the merchant to settle the order', async () => {
        const orders = await merchant.shopOrders();
        return orders.find((o) => o.status === 'settled');
      });
      expect(settled.totalCents).toBe(total);
      expect(settled.events).toContain(paidEvent);

      // The Plaza merchant sends the order-status message once delivered: it reaches this open
      // super app over the live stream (nothing was reloaded), as the Messages badge shows.
      if (flavour === 'plaza')
        await eventually('the merchant to send the order message', async () => {
          const orders = await merchant.shopOrders();
          return orders.find((o) => o.events.includes('message.sent'));
        });
      await page.getByRole('button', { name: 'Close mini program' }).click();
      if (flavour === 'plaza') {
        const badge = page.locator('[data-testid="messages-badge"]');
        await expect.poll(() => badge.textContent(), { timeout: 15_000 }).toBe('1');
        await shot('message-arrived-live');
      }

      // Me shows the order completed.
      await page.getByRole('button', { name: 'Me', exact: true }).click();
      const order = page.locator('[data-testid="my-order"]');
      await expect.poll(() => order.first().getAttribute('data-status')).toBe('settled');
      await expect.poll(() => order.first().textContent()).toContain('Completed');
      await shot('me-order-completed');

      // The merchant's balance grew by the total less the food-delivery commission.
      const after = await merchant.statementTotals();
      const commission = merchant.commissionOf(total);
      expect(after).toMatchObject({ paid: total, settled: total, commission, merchant: total - commission });
      expect((after?.merchant_balance_change ?? 0) - (before?.merchant_balance_change ?? 0)).toBe(
        total - commission,
      );

      // And the funnel counted every step of the day.
      await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      const day = await eventually('the funnel to count every step', async () => {
        const d = await merchant.funnelToday();
        return d && d.app_open >= 1 && d.settled >= 1 ? d : undefined;
      });
      expect(day.anchor_exposure).toBeGreaterThanOrEqual(2);
      expect(day.anchor_click).toBeGreaterThanOrEqual(1);
      expect(day.app_open).toBe(day.anchor_click);
      expect(day).toMatchObject({ login: 1, paid: 1, settled: 1 });

      // The loop's last step: the message in the inbox, rendered from its template; tapping it
      // opens the takeout app again, on the order's page.
      if (flavour !== 'plaza') return;
      await page.getByRole('button', { name: /^Messages/ }).click();
      const thread = page.locator('[data-testid="message-thread-row"]');
      await expect.poll(() => thread.first().textContent()).toContain('Plaza Noodle House');
      await expect
        .poll(() => thread.first().locator('[data-testid="thread-unread"]').textContent())
        .toBe('1');
      await shot('messages-tab');
      await thread.first().click();
      const card = page.locator('[data-testid="message-card"]');
      await expect.poll(() => card.first().textContent()).toContain('Delivered');
      expect(await card.first().textContent()).toContain('¥46.50');
      await shot('message-thread');
      await card.first().click();
      await page.locator('[data-testid="mini-program-sheet"][data-ready]').waitFor();
      const reopened = await pageFrame(page, 'pages/result/result');
      await reopened.locator('.result__title').filter({ hasText: 'Order delivered' }).waitFor();
      await shot('message-opened-order-page');
    }, 180_000);
  },
);
