import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../support/test-database.ts';
import { startTestPlatform } from '../support/test-platform.ts';
import { buildMatrixWorld, type MatrixWorld } from './matrix-world.ts';

// The matrix puts A's objects in paths. Here a caller with every right over A names an
// object of B — in the path under A's app, or in the body — and must neither read nor
// change it: the confused-deputy half of "no principal touches another app's data".
describe.each(testEngines)('references to another org’s objects on %s', (engine) => {
  let t: Awaited<ReturnType<typeof startTestPlatform>>;
  let w: MatrixWorld;
  let b: {
    version: string;
    receiver: string;
    delivery: string;
    order: { order_id: string; order_token: string };
  };
  beforeAll(async () => {
    t = await startTestPlatform(engine, { env: { PLAZA_DEMO: 'true' } });
    w = await buildMatrixWorld(t);
    const bOwner = w.tokens.otherOrg as string;
    const bApp = w.tokens.otherApp as string;
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/apps/${w.appB.appid}/versions?version=1.0.0`,
      headers: { authorization: `Bearer ${bOwner}`, 'content-type': 'application/gzip' },
      payload: w.archive,
    });
    expect(up.statusCode, up.body).toBe(201);
    const receiver = await w.call('POST', '/api/payments/receivers', {
      token: bApp,
      body: { name: 'B courier', out_receiver_no: 'B1' },
    });
    const bAppId = (await t.apps.findByAppid(w.appB.appid))?.id as string;
    const delivery = await t.db
      .transaction()
      .execute((trx) => t.webhooks.enqueueEvent(trx, { appId: bAppId, type: 'matrix.ping', data: {} }));
    // The first user also uses app B: B bills them there.
    const openidInB = await t.login.openidFor(w.appB.appid, w.user.user.id);
    const order = await w.call('POST', '/api/payments/orders', {
      token: bApp,
      body: { out_order_no: 'B-1', openid: openidInB, total_amount: 700, currency: 'CNY', subject: 'Tea' },
    });
    expect(order.status, JSON.stringify(order.json)).toBe(201);
    b = {
      version: up.json().version.id,
      receiver: receiver.json.receiver_id,
      delivery: delivery.id,
      order: order.json,
    };
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
  });

  const asOwner = (method: string, url: string, body?: unknown) =>
    w.call(method, url, { token: w.tokens.owner as string, ...(body === undefined ? {} : { body }) });
  const asAppA = (method: string, url: string, body?: unknown) =>
    w.call(method, url, { token: w.tokens.appToken as string, ...(body === undefined ? {} : { body }) });

  it("does not let app A's developers or token read, submit or release app B's version", async () => {
    const a = `/api/apps/${w.appA.appid}`;
    expect((await asOwner('GET', `${a}/versions/${b.version}`)).json.error.code).toBe('VERSION_NOT_FOUND');
    expect((await asAppA('POST', `${a}/versions/${b.version}/submit`)).status).toBe(404);
    const before = (await asOwner('GET', `${a}/release`)).json.release;
    const release = await asOwner('POST', `${a}/release`, { version_id: b.version, percentage: 100 });
    expect(release.status).toBe(404);
    expect((await asOwner('GET', `${a}/release`)).json.release).toEqual(before);
    const bVersion = await w.call('GET', `/api/apps/${w.appB.appid}/versions/${b.version}`, {
      token: w.tokens.otherOrg as string,
    });
    expect(bVersion.json.version.status).toBe('uploaded');
  });

  it("does not show app B's webhook deliveries under app A", async () => {
    const res = await asOwner('GET', `/api/apps/${w.appA.appid}/webhooks/deliveries/${b.delivery}`);
    expect(res.json.error.code).toBe('WEBHOOK_DELIVERY_NOT_FOUND');
    const redeliver = await asOwner(
      'POST',
      `/api/apps/${w.appA.appid}/webhooks/deliveries/${b.delivery}/redeliver`,
    );
    expect(redeliver.status).toBe(404);
  });

  it("does not let org A's owner change or remove a member of org B", async () => {
    const url = `/api/orgs/${w.org}/members/${w.otherOwnerId}`;
    expect((await asOwner('PATCH', url, { role: 'viewer' })).json.error.code).toBe(
      'IDENTITY_MEMBER_NOT_FOUND',
    );
    expect((await asOwner('DELETE', url)).status).toBe(404);
    const bOrg = await w.call('GET', `/api/orgs/${w.otherOrg}`, { token: w.tokens.otherOrg as string });
    expect(bOrg.json.org.role).toBe('owner');
  });

  it("does not let app A settle with org B's receiver, nor act on app B's order", async () => {
    const order = w.orders.paid.order_id;
    const settle = await asAppA('POST', `/api/payments/orders/${order}/settle`, {
      splits: [{ receiver_id: b.receiver, amount: 1 }],
    });
    expect(settle.json.error.code).toBe('PAYMENT_RECEIVER_NOT_FOUND');
    expect((await asAppA('GET', `/api/payments/orders/${order}`)).json.settled_at).toBeNull();
    expect((await asAppA('GET', `/api/payments/orders/${b.order.order_id}`)).status).toBe(404);
    const refund = await asAppA('POST', `/api/payments/orders/${b.order.order_id}/refunds`, {
      out_refund_no: 'X1',
      amount: 1,
    });
    expect(refund.status).toBe(404);
  });

  it("does not let one order's token pay another order", async () => {
    const res = await w.call('POST', '/api/runtime/payments/pay', {
      token: w.tokens.user as string,
      body: { order_id: w.orders.unpaid.order_id, order_token: b.order.order_token, confirmed: true },
    });
    expect(res.json.error.code).toBe('PAYMENT_ORDER_TOKEN_INVALID');
    const order = await asAppA('GET', `/api/payments/orders/${w.orders.unpaid.order_id}`);
    expect(order.json.status).not.toBe('paid');
  });

  it("refuses app A's login code at app B's server and leaves it usable by app A", async () => {
    const code = await w.loginCode();
    const atB = await w.call('POST', '/api/apps/jscode2session', {
      body: { appid: w.appB.appid, secret: w.appB.secret, code },
    });
    expect(atB.json.error.code).toBe('LOGIN_CODE_INVALID');
    const atA = await w.call('POST', '/api/apps/jscode2session', {
      body: { appid: w.appA.appid, secret: w.appA.secret, code },
    });
    expect(atA.status).toBe(200);
    expect(atA.json.openid).toBe(w.openid);
  });
});
