import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { startTestPlatform } from '../../../test/support/test-platform.ts';
import { manualClock } from '../../db/clock.ts';
import { dayLongRetryPolicy } from '../../jobs/index.ts';
import { appsClient } from '../apps/testing.ts';
import { deliverJobType } from './webhooks.service.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A merchant's server on loopback: records what it gets and answers what the test says. */
async function startReceiver() {
  const received: Received[] = [];
  let answer = 200;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(answer, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/plaza/webhooks`,
    received,
    answer: (status: number) => {
      answer = status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function headersOf(r: Received): Record<string, string> {
  return {
    'webhook-id': String(r.headers['webhook-id']),
    'webhook-timestamp': String(r.headers['webhook-timestamp']),
    'webhook-signature': String(r.headers['webhook-signature']),
  };
}

describe.each(testEngines)('webhooks on %s', (engine) => {
  let t: Awaited<ReturnType<typeof startTestPlatform>>;
  let c: ReturnType<typeof appsClient>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  // Real time, moved by hand past retry waits: receivers check timestamps against their own clock.
  const clock = manualClock(Date.now());
  beforeAll(async () => {
    // The receiver runs on loopback, which only this setting lets webhooks reach.
    t = await startTestPlatform(engine, {
      clock,
      env: { PLAZA_DEMO: 'true', PLAZA_WEBHOOK_ALLOW_LOOPBACK: 'true' },
    });
    c = appsClient(t);
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await t?.stop();
    await receiver?.close();
  });

  async function appWithHook(url: string | null = receiver.url) {
    const owner = await c.orgOwner();
    const created = await c.createApp(owner, { webhook_url: url });
    const app = await t.apps.findByAppid(created.appid);
    if (!app) throw new Error('app missing');
    return { owner, ...created, id: app.id };
  }

  const emit = (appId: string, type: string, data: unknown) =>
    t.db.transaction().execute((trx) => t.webhooks.enqueueEvent(trx, { appId, type, data }));

  it('delivers signed events, retries after a failure, records attempts, and redelivers', async () => {
    const app = await appWithHook();
    receiver.received.length = 0;
    receiver.answer(500);
    const { id } = await emit(app.id, 'order.paid', { order_id: 'ord_1', amount: 1200 });
    expect(await t.jobs.workers.runDue()).toBeGreaterThanOrEqual(1);
    expect(receiver.received).toHaveLength(1);

    const list = () =>
      c.call('GET', `/api/apps/${app.appid}/webhooks/deliveries`, { token: app.owner.token });
    let delivery = (await list()).json.deliveries[0];
    expect(delivery).toMatchObject({ id, type: 'order.paid', status: 'failing', attempt_count: 1 });
    expect(delivery.attempts).toEqual([
      expect.objectContaining({ url: receiver.url, status_code: 500, error: 'HTTP 500' }),
    ]);

    receiver.answer(204);
    expect(await t.jobs.workers.runDue()).toBe(0); // not due yet: the retry waits
    clock.advance(31_000);
    await t.jobs.workers.runDue();
    expect(receiver.received).toHaveLength(2);
    delivery = (await list()).json.deliveries[0];
    expect(delivery).toMatchObject({ status: 'delivered', attempt_count: 2, delivered_at: clock.now() });
    expect(delivery.attempts.map((a: { status_code: number }) => a.status_code)).toEqual([500, 204]);

    // The receiver verifies each try with the app's signing secret; the id and body never change.
    const hook = new Webhook(app.webhookSecret);
    for (const r of receiver.received) {
      expect(hook.verify(r.body, headersOf(r))).toMatchObject({
        type: 'order.paid',
        data: { order_id: 'ord_1' },
      });
      expect(r.headers['webhook-id']).toBe(id);
      expect(r.headers['content-type']).toBe('application/json');
    }
    expect(receiver.received[1]?.body).toBe(receiver.received[0]?.body);
    const tampered = receiver.received[0] as Received;
    expect(() => hook.verify(tampered.body.replace('1200', '1'), headersOf(tampered))).toThrow();
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(
        tampered.body,
        headersOf(tampered),
      ),
    ).toThrow();

    const redo = await c.call('POST', `/api/apps/${app.appid}/webhooks/deliveries/${id}/redeliver`, {
      token: app.owner.token,
    });
    expect(redo.status).toBe(202);
    expect(redo.json.delivery.status).toBe('pending');
    await t.jobs.workers.runDue();
    expect(receiver.received).toHaveLength(3);
    expect(receiver.received[2]?.headers['webhook-id']).toBe(id);
    expect(receiver.received[2]?.body).toBe(receiver.received[0]?.body);
    const one = await c.call('GET', `/api/apps/${app.appid}/webhooks/deliveries/${id}`, {
      token: app.owner.token,
    });
    expect(one.json.delivery).toMatchObject({ status: 'delivered', attempt_count: 3 });
  });

  it('signs with both secrets for a day after the signing secret is rotated', async () => {
    const app = await appWithHook();
    const rotated = await c.call('POST', `/api/apps/${app.appid}/webhook-secret/rotate`, {
      token: app.owner.token,
    });
    expect(rotated.status).toBe(200);
    receiver.received.length = 0;
    receiver.answer(200);
    await emit(app.id, 'message.sent', { n: 1 });
    await t.jobs.workers.runDue();
    const r = receiver.received[0] as Received;
    expect(String(r.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(() => new Webhook(app.webhookSecret).verify(r.body, headersOf(r))).not.toThrow();
    expect(() => new Webhook(rotated.json.webhook_secret).verify(r.body, headersOf(r))).not.toThrow();
  });

  it('writes nothing when the enqueuing transaction rolls back', async () => {
    const app = await appWithHook();
    await expect(
      t.db.transaction().execute(async (trx) => {
        await t.webhooks.enqueueEvent(trx, { appId: app.id, type: 'order.paid', data: {} });
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    const list = await c.call('GET', `/api/apps/${app.appid}/webhooks/deliveries`, {
      token: app.owner.token,
    });
    expect(list.json.deliveries).toEqual([]);
    expect(await t.jobs.workers.runDue()).toBe(0);
  });

  it('records a missing webhook URL as a failed attempt and keeps retrying', async () => {
    const app = await appWithHook(null);
    const { id } = await emit(app.id, 'order.paid', {});
    await t.jobs.workers.runDue();
    const one = await c.call('GET', `/api/apps/${app.appid}/webhooks/deliveries/${id}`, {
      token: app.owner.token,
    });
    expect(one.json.delivery).toMatchObject({ status: 'failing', attempt_count: 1 });
    expect(one.json.delivery.attempts[0]).toMatchObject({ url: null, error: 'No webhook URL is configured' });
    // Its job keeps the day-long retry policy: tries spread over more than 24 hours.
    const [job] = await t.jobs.list({ type: deliverJobType, status: 'queued' });
    expect(job).toMatchObject({ maxAttempts: dayLongRetryPolicy.maxAttempts, attempts: 1 });
    expect(job?.lastError).toBe('Error: No webhook URL is configured');
  });

  it('refuses other orgs, app tokens, end users and anonymous callers', async () => {
    const app = await appWithHook();
    const { id } = await emit(app.id, 'order.paid', {});
    const theirs = await appWithHook();
    const stranger = await c.orgOwner();
    const appToken = await c.clientToken(app.appid, app.secret);
    const user = await c.endUser();
    const routes: Array<[string, string]> = [
      ['GET', `/api/apps/${app.appid}/webhooks/deliveries`],
      ['GET', `/api/apps/${app.appid}/webhooks/deliveries/${id}`],
      ['POST', `/api/apps/${app.appid}/webhooks/deliveries/${id}/redeliver`],
    ];
    for (const [method, url] of routes) {
      expect((await c.call(method, url, { token: stranger.token })).status, url).toBe(404);
      expect((await c.call(method, url, { token: appToken })).status, url).toBe(403);
      expect((await c.call(method, url, { token: user.token })).status, url).toBe(403);
      expect((await c.call(method, url)).status, url).toBe(401);
    }
    // Another app's owner cannot reach this delivery through their own app either.
    const crossed = await c.call('POST', `/api/apps/${theirs.appid}/webhooks/deliveries/${id}/redeliver`, {
      token: theirs.owner.token,
    });
    expect([crossed.status, crossed.json.error.code]).toEqual([404, 'WEBHOOK_DELIVERY_NOT_FOUND']);
    const one = await c.call('GET', `/api/apps/${app.appid}/webhooks/deliveries/${id}`, {
      token: app.owner.token,
    });
    expect(one.json.delivery.status).toBe('pending');
  });
});

describe.each(testEngines)('webhook targets on %s', (engine) => {
  let t: Awaited<ReturnType<typeof startTestPlatform>>;
  let c: ReturnType<typeof appsClient>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    // Loopback is refused here, as in production; the receiver proves nothing reaches it.
    t = await startTestPlatform(engine, {
      env: { PLAZA_DEMO: 'true', PLAZA_WEBHOOK_ALLOW_LOOPBACK: 'false' },
    });
    c = appsClient(t);
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await t?.stop();
    await receiver?.close();
  });

  it('refuses internal webhook URLs in every notation when an app is created or changed', async () => {
    const owner = await c.orgOwner();
    const port = new URL(receiver.url).port;
    const refused = [
      receiver.url,
      `http://127.1:${port}/`,
      'http://0x7f000001/',
      'http://2130706433/',
      'http://017700000001/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://localhost:8081/',
      'http://shop.localhost/',
      'http://10.0.0.1/',
      'http://169.254.169.254/',
      'http://100.64.0.1/',
      'http://[fd00::1]/',
    ];
    for (const url of refused) {
      const res = await c.call('POST', `/api/orgs/${owner.orgId}/apps`, {
        token: owner.token,
        body: { name: 'Shop', category: 'food_delivery', webhook_url: url },
      });
      expect([res.status, res.json.error?.code], url).toEqual([400, 'APP_WEBHOOK_TARGET_REFUSED']);
    }
    const app = await c.createApp(owner, { webhook_url: 'https://hooks.example.com/plaza' });
    const patched = await c.call('PATCH', `/api/apps/${app.appid}`, {
      token: owner.token,
      body: { webhook_url: 'http://[::ffff:7f00:1]/' },
    });
    expect([patched.status, patched.json.error?.code]).toEqual([400, 'APP_WEBHOOK_TARGET_REFUSED']);
    expect(receiver.received).toHaveLength(0);
  });

  it('never delivers to a stored internal URL, and says so without touching the port', async () => {
    const owner = await c.orgOwner();
    const created = await c.createApp(owner, { webhook_url: null });
    const app = await t.apps.findByAppid(created.appid);
    if (!app) throw new Error('app missing');
    // As if registered before the rule, or under a looser setting.
    await t.db.updateTable('app').set({ webhook_url: receiver.url }).where('id', '=', app.id).execute();
    const { id } = await t.db
      .transaction()
      .execute((trx) => t.webhooks.enqueueEvent(trx, { appId: app.id, type: 'order.paid', data: {} }));
    await t.jobs.workers.runDue();
    expect(receiver.received).toHaveLength(0);
    const one = await c.call('GET', `/api/apps/${created.appid}/webhooks/deliveries/${id}`, {
      token: owner.token,
    });
    expect(one.json.delivery).toMatchObject({ status: 'failed', attempt_count: 1 });
    expect(one.json.delivery.attempts[0]).toMatchObject({
      url: receiver.url,
      status_code: null,
      duration_ms: 0,
      error: 'Plaza does not send webhooks to this address (loopback)',
    });
  });
});
