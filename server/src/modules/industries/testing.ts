import { startTestPlatform } from '../../../test/support/test-platform.ts';
import { manualClock } from '../../db/clock.ts';
import type { Engine } from '../../db/database.ts';
import { goodPassword, type Reply } from '../identity/testing.ts';
import { buildPackage, goodProgram, versionsClient } from '../versions/testing.ts';

/*
 * The industries module's test kit: a platform on a clock the test moves, an operator,
 * orgs with apps, and the calls of each party (licences, review, categories, orders), all
 * over HTTP.
 */

const day = 86_400_000;

/** The smallest bytes the scan upload takes for a PNG. */
export const pngScan = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 7),
]);

export async function startIndustriesKit(engine: Engine) {
  const clock = manualClock(Date.UTC(2027, 0, 1));
  const t = await startTestPlatform(engine, { clock, env: { PLAZA_DEMO: 'true' } });
  const c = versionsClient(t);
  const { call } = c;
  const operator = await c.operator();

  async function ok(res: Pick<Reply, 'status' | 'json'>, status: number, what: string) {
    if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json;
  }

  /** An org with one app (profile industry `category`), its client token and an end user's openid. */
  async function merchant(category = 'education') {
    const owner = await c.orgOwner();
    const created = await c.createApp(owner, { category });
    const token = await c.clientToken(created.appid, created.secret);
    const user = await c.endUser();
    const openid = await t.login.openidFor(created.appid, user.userId);
    const app = await t.apps.findByAppid(created.appid);
    if (!app) throw new Error('app missing');
    const m = { owner, appid: created.appid, appId: app.id, secret: created.secret, token, user, openid };
    merchants.push(m);
    return m;
  }
  const merchants: {
    owner: { token: string; account: { email: string } };
    appid: string;
    secret: string;
    token: string;
  }[] = [];

  async function signIn(email: string): Promise<string> {
    const res = await ok(
      await call('POST', '/api/sessions', { body: { email, password: goodPassword } }),
      200,
      'sign in',
    );
    return res.token as string;
  }

  /**
   * Moves the clock, then signs the operator and every merchant's owner and server in
   * again: sessions and client tokens end long before licences do.
   */
  async function travel(ms: number) {
    clock.advance(ms);
    operator.token = await signIn(operator.email);
    for (const m of merchants) {
      m.owner.token = await signIn(m.owner.account.email);
      m.token = await c.clientToken(m.appid, m.secret);
    }
  }

  type Merchant = Awaited<ReturnType<typeof merchant>>;

  const choose = (m: Merchant, categories: string[], primary = categories[0]) =>
    call('PUT', `/api/apps/${m.appid}/industry-categories`, {
      token: m.owner.token,
      body: { categories, primary },
    });

  const standing = async (m: Merchant) =>
    ok(
      await call('GET', `/api/apps/${m.appid}/industry-categories`, { token: m.owner.token }),
      200,
      'standing',
    );

  async function uploadScan(m: Merchant, bytes = pngScan, type = 'image/png') {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${m.owner.orgId}/qualification-scans`,
      headers: { authorization: `Bearer ${m.owner.token}`, 'content-type': type },
      payload: bytes,
    });
    return { status: res.statusCode, json: res.json() };
  }

  /** Submits a licence valid from now for `days`; returns the qualification. */
  async function submit(m: Merchant, licenceType: string, days: number) {
    const scan = await ok(await uploadScan(m), 201, 'scan');
    const now = clock.now();
    return ok(
      await call('POST', `/api/orgs/${m.owner.orgId}/qualifications`, {
        token: m.owner.token,
        body: {
          licence_type: licenceType,
          number: `L-${now}`,
          holder: 'Magic School Ltd',
          valid_from: now,
          valid_until: now + days * day,
          scan_id: scan.scan_id,
        },
      }),
      201,
      'submit',
    );
  }

  const review = (id: string, body: Record<string, unknown>) =>
    call('POST', `/api/operator/qualifications/${id}/review`, { token: operator.token, body });

  /** A licence submitted and approved. */
  async function licensed(m: Merchant, licenceType: string, days: number) {
    const q = await submit(m, licenceType, days);
    return ok(await review(q.id, { decision: 'approve' }), 200, 'approve');
  }

  const order = (m: Merchant, outOrderNo: string, amount = 10_000) =>
    call('POST', '/api/payments/orders', {
      token: m.token,
      body: {
        out_order_no: outOrderNo,
        openid: m.openid,
        total_amount: amount,
        currency: 'CNY',
        subject: 'Magic course',
      },
    });

  /** An order created, paid and settled by the merchant; the settlement. */
  async function paidOrder(m: Merchant, outOrderNo: string) {
    const created = await ok(await order(m, outOrderNo), 201, 'order');
    await ok(
      await call('POST', '/api/runtime/payments/pay', {
        token: m.user.token,
        body: { order_id: created.order_id, order_token: created.order_token, confirmed: true },
      }),
      200,
      'pay',
    );
    return created.order_id as string;
  }

  const settle = async (m: Merchant, orderId: string) =>
    ok(
      await call('POST', `/api/payments/orders/${orderId}/settle`, { token: m.token, body: {} }),
      200,
      'settle',
    );

  /** Releases a version of the app, so it can be mounted. */
  async function release(m: Merchant) {
    const v = await c.uploadAndCheck(m.appid, m.owner.token, buildPackage(goodProgram()), '1.0.0');
    await c.approveAndRelease(m.appid, m.owner.token, operator.token, v.id);
  }

  return {
    t,
    c,
    call,
    clock,
    day,
    operator,
    ok,
    travel,
    merchant,
    choose,
    standing,
    uploadScan,
    submit,
    review,
    licensed,
    order,
    paidOrder,
    settle,
    release,
    stop: () => t.stop(),
  };
}
