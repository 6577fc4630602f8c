import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, platformClient, signInUser } from '../server/src/demo/index.ts';
import { testEngines } from '../server/test/support/test-database.ts';
import { eventually, merchantView } from './support/merchant-view.ts';
import { type PlatformProcess, startPlatformProcess } from './support/platform-process.ts';
import { orderTakeout, payTakeout, reportAnchorVisit } from './support/takeout-purchase.ts';

// The server side of the closed loop on PostgreSQL: `npm start` with its demo on an isolated
// schema, HTTP calls standing in for the super app, the real merchant server in between.
const postgres = testEngines.includes('postgres');
let platform: PlatformProcess;

beforeAll(async () => {
  if (postgres) platform = await startPlatformProcess('postgres');
}, 180_000);

afterAll(async () => {
  await platform?.stop();
});

describe.skipIf(!postgres)('the closed loop on PostgreSQL, over HTTP', () => {
  it('takes an anchored video to a settled order, with the money and the funnel right', async () => {
    const { appid } = platform.marker;
    const merchant = merchantView(platform);
    const anonymous = platformClient(platform.base);

    // The feed carries videos anchored into the takeout app.
    const feed = await anonymous.json<{
      items: Array<{ video_id: string; anchor: { appid: string; path: string } | null }>;
    }>('GET', '/api/feed?limit=10');
    const video = feed.items.find((v) => v.anchor?.appid === appid);
    expect(video?.anchor?.path).toBe('pages/shop/shop');
    if (!video) return;

    // The user signs in, sees the anchor, taps it; the app opens from its released package.
    const { client: user } = await signInUser(anonymous, demoAccounts.user.phone);
    await reportAnchorVisit(user, appid, video.video_id);
    const pkg = await user.json<{ permissions: { request_domains: string[] } }>(
      'GET',
      `/api/runtime/apps/${appid}/package`,
    );
    expect(pkg.permissions.request_domains).toContain(platform.merchantUrl);

    // tt.login, code2session and the shop's order, through the merchant's server.
    const total = 2800 + 1850;
    const order = await orderTakeout(platform, user);
    expect(order.totalCents).toBe(total);

    // tt.pay: the payment sheet confirms; the money is held in escrow.
    const paid = await payTakeout(order);
    expect(paid.code).toBe(0);

    // The signed callback reaches the merchant, who delivers and has the order settled.
    const settled = await eventually('the merchant to settle', async () =>
      (await merchant.shopOrders()).find((o) => o.orderId === order.orderId && o.status === 'settled'),
    );
    expect(settled.events).toContain('payment.paid');
    const mine = await user.json<{ items: Array<{ order_id: string; status: string }> }>(
      'GET',
      '/api/me/orders',
    );
    expect(mine.items.find((o) => o.order_id === order.orderId)?.status).toBe('settled');

    const commission = merchant.commissionOf(total);
    expect(await merchant.statementTotals()).toMatchObject({
      paid: total,
      settled: total,
      commission,
      merchant: total - commission,
      merchant_balance_change: total - commission,
    });
    expect(await merchant.funnelToday()).toMatchObject({
      anchor_exposure: 1,
      anchor_click: 1,
      app_open: 1,
      login: 1,
      paid: 1,
      settled: 1,
    });
  }, 90_000);

  it('starts again on the same data: the demo is reused, not seeded twice, and its merchant server is back', async () => {
    const first = platform;
    await first.stop({ keepData: true });
    platform = await startPlatformProcess('postgres', first.target);
    expect(platform.output()).toContain('reused from this data dir');
    expect(platform.marker.appid).toBe(first.marker.appid);
    const feed = await platformClient(platform.base).json<{ items: unknown[] }>('GET', '/api/feed?limit=50');
    expect(feed.items).toHaveLength(platform.marker.videos);
    expect((await fetch(`${platform.merchantUrl}/healthz`)).status).toBe(200);
  }, 90_000);
});
