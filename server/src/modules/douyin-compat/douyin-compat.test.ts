import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { manualClock } from '../../db/clock.ts';
import { type PaymentsKit, startPaymentsKit } from '../payments/testing.ts';
import { signedBody, startEcpayReceiver } from './testing.ts';

const salt = 'migrating-merchant-salt-0123456789';
const token = 'migrating-merchant-token-0123456789';
const base = '/compat/douyin';

describe.each(testEngines)('Douyin server routes on %s', (engine) => {
  let k: PaymentsKit;
  let receiver: Awaited<ReturnType<typeof startEcpayReceiver>>;
  beforeAll(async () => {
    k = await startPaymentsKit(engine, { clock: manualClock(Date.UTC(2026, 7, 1)) });
    receiver = await startEcpayReceiver(token);
  });
  afterAll(async () => {
    await k?.stop();
    await receiver?.close();
  });

  async function loginCode(userToken: string, appid: string): Promise<string> {
    const res = await k.call('POST', `/api/runtime/apps/${appid}/login`, { token: userToken });
    return res.json.code as string;
  }

  /** A merchant whose Douyin payment settings carry the SALT and token it had on Douyin. */
  async function douyinMerchant() {
    const m = await k.merchant();
    const res = await k.call('PUT', `/api/apps/${m.appid}/douyin/payment-settings`, {
      token: m.owner.token,
      body: { salt, callback_token: token, notify_url: receiver.url },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ salt, callback_token: token, notify_url: receiver.url });
    return m;
  }

  const ecpay = (path: string, body: unknown) =>
    k.call('POST', `${base}/api/apps/ecpay/v1/${path}`, { body });
  const count = async (
    table: 'douyin_ecpay_order' | 'douyin_ecpay_request' | 'payment_refund' | 'payment_order',
  ) =>
    Number(
      (
        await k.t.db
          .selectFrom(table)
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('exchanges a code once with v2 jscode2session, and the legacy GET answers in its own envelope', async () => {
    const m = await k.merchant();
    const user = await k.customer(m.appid);
    const code = await loginCode(user.token, m.appid);
    const v2 = (body: Record<string, unknown>) =>
      k.call('POST', `${base}/api/apps/v2/jscode2session`, { body });

    const first = await v2({ appid: m.appid, secret: m.secret, code, anonymous_code: '' });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({
      err_no: 0,
      err_tips: 'success',
      log_id: expect.any(String),
      data: { openid: user.openid, anonymous_openid: '', unionid: expect.stringMatching(/^u/) },
    });
    expect(first.json.data.session_key).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    // The same code again, a wrong secret, a missing appid: Douyin's numbers, nothing issued.
    expect((await v2({ appid: m.appid, secret: m.secret, code })).json).toMatchObject({
      err_no: 40018,
      err_tips: 'bad code',
    });
    expect(
      (await v2({ appid: m.appid, secret: 'wrong-secret', code: await loginCode(user.token, m.appid) })).json
        .err_no,
    ).toBe(40017);
    expect((await v2({ secret: m.secret, code: 'x' })).json.err_no).toBe(40014);
    expect((await v2({ appid: m.appid, secret: m.secret })).json.err_no).toBe(40014);

    // An anonymous_code alone answers the anonymous_openid, and is single-use too.
    const anonymous = await loginCode(user.token, m.appid);
    const anon = await v2({ appid: m.appid, secret: m.secret, anonymous_code: anonymous });
    expect(anon.json).toMatchObject({ err_no: 0, data: { openid: '', anonymous_openid: user.openid } });
    expect((await v2({ appid: m.appid, secret: m.secret, anonymous_code: anonymous })).json.err_no).toBe(
      40019,
    );

    const legacyCode = await loginCode(user.token, m.appid);
    const url = `${base}/api/apps/jscode2session?appid=${m.appid}&secret=${encodeURIComponent(m.secret)}&code=${encodeURIComponent(legacyCode)}`;
    const legacy = await k.call('GET', url);
    expect(legacy.json).toMatchObject({ error: 0, openid: user.openid, anonymous_openid: '' });
    expect((await k.call('GET', url)).json).toMatchObject({ errcode: 40018, errmsg: 'bad code', error: 3 });
  });

  it('issues client tokens as Douyin does (v2 token and client_token) that Plaza’s own routes accept', async () => {
    const m = await k.merchant();
    const v2 = await k.call('POST', `${base}/api/apps/v2/token`, {
      body: { appid: m.appid, secret: m.secret, grant_type: 'client_credential' },
    });
    expect(v2.json).toMatchObject({
      err_no: 0,
      data: { access_token: expect.any(String), expires_in: 7200 },
    });
    const info = await k.call('GET', '/api/oauth/token_info', { token: v2.json.data.access_token });
    expect(info.json).toMatchObject({ appid: m.appid });
    const wrongGrant = await k.call('POST', `${base}/api/apps/v2/token`, {
      body: { appid: m.appid, secret: m.secret, grant_type: 'authorization_code' },
    });
    expect(wrongGrant.json.err_no).toBe(40020);

    const ct = await k.call('POST', `${base}/oauth/client_token/`, {
      body: { client_key: m.appid, client_secret: m.secret, grant_type: 'client_credential' },
    });
    expect(ct.json).toMatchObject({
      message: 'success',
      data: { access_token: expect.any(String), error_code: 0, description: '', expires_in: 7200 },
    });
    const refused = await k.call('POST', `${base}/oauth/client_token/`, {
      body: { client_key: m.appid, client_secret: 'nope', grant_type: 'client_credential' },
    });
    expect(refused.json).toMatchObject({ message: 'error', data: { error_code: 10013 } });
  });

  it('walks ecpay from create_order to settle, with signed callbacks re-sent until acknowledged', async () => {
    const m = await douyinMerchant();
    const user = await k.customer(m.appid);
    const outOrderNo = `DY${Date.now()}`;
    const fields = {
      out_order_no: outOrderNo,
      total_amount: 4650,
      subject: 'Beef noodles and dan dan noodles',
      body: 'Takeout',
      valid_time: 900,
      cp_extra: 'table=7',
      disable_msg: 0,
      msg_page: 'pages/orders/orders',
    };
    const created = await ecpay('create_order', signedBody(m.appid, salt, fields));
    expect(created.json).toMatchObject({
      err_no: 0,
      data: { order_id: expect.stringMatching(/^dyo_/), order_token: expect.any(String) },
    });
    const { order_id, order_token } = created.json.data;
    // A repeat with the same fields answers the same order; other fields are refused.
    expect((await ecpay('create_order', signedBody(m.appid, salt, fields))).json.data.order_id).toBe(
      order_id,
    );
    expect(
      (await ecpay('create_order', signedBody(m.appid, salt, { ...fields, total_amount: 1 }))).json.err_no,
    ).toBe(2012);

    const query = async () =>
      (await ecpay('query_order', signedBody(m.appid, salt, { out_order_no: outOrderNo }))).json;
    expect(await query()).toMatchObject({
      err_no: 0,
      order_id,
      payment_info: { order_status: 'PROCESSING', total_fee: 4650 },
    });

    // tt.pay({ orderInfo: { order_id, order_token }, service: 5 }): the host claims, then pays.
    const claim = await k.call('POST', '/api/runtime/douyin/ecpay/claim', {
      token: user.token,
      body: { order_id, order_token },
    });
    expect(claim.status).toBe(200);
    const again = await k.call('POST', '/api/runtime/douyin/ecpay/claim', {
      token: user.token,
      body: { order_id, order_token },
    });
    expect(again.json).toEqual(claim.json);
    const other = await k.customer(m.appid);
    const stolen = await k.call('POST', '/api/runtime/douyin/ecpay/claim', {
      token: other.token,
      body: { order_id, order_token },
    });
    expect([stolen.status, stolen.json.error.code]).toEqual([409, 'DOUYIN_ORDER_TAKEN']);
    const forged = await k.call('POST', '/api/runtime/douyin/ecpay/claim', {
      token: user.token,
      body: { order_id, order_token: `${order_token}x` },
    });
    expect(forged.json.error.code).toBe('DOUYIN_ORDER_TOKEN_INVALID');
    const paid = await k.call('POST', '/api/runtime/payments/pay', {
      token: user.token,
      body: { ...claim.json, confirmed: true },
    });
    expect(paid.json.code).toBe(0);

    // The merchant is busy at first: the callback is sent again until it answers err_no 0.
    receiver.state.acknowledge = false;
    await k.t.jobs.workers.runDue();
    expect(receiver.received.filter((c) => c.type === 'payment')).toHaveLength(1);
    receiver.state.acknowledge = true;
    k.clock.advance(10 * 60_000);
    await k.t.jobs.workers.runDue();
    const payments = receiver.received.filter((c) => c.type === 'payment');
    expect(payments).toHaveLength(2);
    expect(payments.every((c) => c.signatureValid)).toBe(true);
    expect(payments[1]?.msg).toMatchObject({
      appid: m.appid,
      cp_orderno: outOrderNo,
      cp_extra: 'table=7',
      order_id,
      total_amount: 4650,
      status: 'SUCCESS',
    });
    k.clock.advance(60 * 60_000);
    await k.t.jobs.workers.runDue();
    expect(receiver.received.filter((c) => c.type === 'payment')).toHaveLength(2);
    expect(await query()).toMatchObject({ payment_info: { order_status: 'SUCCESS', way: 1 } });

    // A partial refund, then a settlement with a split to a registered receiver.
    const refund = await ecpay(
      'create_refund',
      signedBody(m.appid, salt, {
        out_order_no: outOrderNo,
        out_refund_no: `${outOrderNo}-R1`,
        reason: 'Cold',
        refund_amount: 650,
        cp_extra: 'r',
      }),
    );
    expect(refund.json).toMatchObject({ err_no: 0, refund_no: expect.stringMatching(/^rfd_/) });
    // More than is left: refused, and nothing recorded for it.
    const requestsBefore = await count('douyin_ecpay_request');
    const tooMuch = await ecpay(
      'create_refund',
      signedBody(m.appid, salt, {
        out_order_no: outOrderNo,
        out_refund_no: `${outOrderNo}-R2`,
        reason: 'All',
        refund_amount: 9999,
      }),
    );
    expect(tooMuch.json.err_no).toBe(2011);
    expect(await count('douyin_ecpay_request')).toBe(requestsBefore);
    const qr = await ecpay('query_refund', signedBody(m.appid, salt, { out_refund_no: `${outOrderNo}-R1` }));
    expect(qr.json.refundInfo).toMatchObject({
      refund_no: refund.json.refund_no,
      refund_amount: 650,
      refund_status: 'SUCCESS',
      cp_extra: 'r',
    });

    const rider = await k.call('POST', '/api/payments/receivers', {
      token: m.token,
      body: { name: 'Rider', out_receiver_no: 'rider-1' },
    });
    expect(rider.status).toBe(200);
    const settle = await ecpay(
      'settle',
      signedBody(m.appid, salt, {
        out_settle_no: `${outOrderNo}-S`,
        out_order_no: outOrderNo,
        settle_desc: 'delivered',
        settle_params: JSON.stringify([{ merchant_uid: 'rider-1', amount: 300 }]),
      }),
    );
    expect(settle.json).toMatchObject({ err_no: 0, settle_no: expect.any(String) });
    const qs = await ecpay('query_settle', signedBody(m.appid, salt, { out_settle_no: `${outOrderNo}-S` }));
    expect(qs.json.settle_info).toMatchObject({
      settle_no: settle.json.settle_no,
      settle_amount: 4000,
      settle_status: 'SUCCESS',
    });
    expect(qs.json.settle_info.rake).toBeGreaterThan(0);

    await k.t.jobs.workers.runDue();
    const refundCb = receiver.received.find((c) => c.type === 'refund' && c.msg.order_id === order_id);
    expect(refundCb).toMatchObject({
      signatureValid: true,
      msg: { cp_refundno: `${outOrderNo}-R1`, refund_amount: 650, cp_extra: 'r' },
    });
    const settleCb = receiver.received.find((c) => c.type === 'settle' && c.msg.order_id === order_id);
    expect(settleCb).toMatchObject({
      signatureValid: true,
      msg: { cp_settle_no: `${outOrderNo}-S`, settle_amount: 4000 },
    });
  });

  it('refuses a wrong sign, a missing field and an unknown order with ecpay’s numbers, changing nothing', async () => {
    const m = await douyinMerchant();
    const fields = {
      out_order_no: `BAD${Date.now()}`,
      total_amount: 100,
      subject: 's',
      body: 'b',
      valid_time: 900,
    };
    const before = {
      orders: await count('douyin_ecpay_order'),
      requests: await count('douyin_ecpay_request'),
      refunds: await count('payment_refund'),
    };

    const wrongSalt = await ecpay('create_order', signedBody(m.appid, 'another-salt-entirely-000', fields));
    expect([wrongSalt.status, wrongSalt.json.err_no, wrongSalt.json.err_tips]).toEqual([
      200,
      2008,
      'sign check failed',
    ]);
    // A field changed after signing: the sign covers fields the schema does not name too.
    const tampered = {
      ...signedBody(m.appid, salt, { ...fields, msg_page: 'pages/a' }),
      msg_page: 'pages/b',
    };
    expect((await ecpay('create_order', tampered)).json.err_no).toBe(2008);
    const { subject: _s, ...missing } = fields;
    expect((await ecpay('create_order', signedBody(m.appid, salt, missing))).json.err_no).toBe(2001);
    expect(
      (await ecpay('create_order', signedBody(m.appid, salt, { ...fields, valid_time: 10 }))).json.err_no,
    ).toBe(2001);
    expect((await ecpay('create_order', { ...signedBody('tt-nobody', salt, fields) })).json.err_no).toBe(
      2002,
    );
    const malformed = await k.t.app.inject({
      method: 'POST',
      url: `${base}/api/apps/ecpay/v1/create_order`,
      headers: { 'content-type': 'application/json' },
      payload: '{"app_id":',
    });
    expect([malformed.statusCode, malformed.json().err_no]).toEqual([200, 2001]);

    expect(
      (await ecpay('query_order', signedBody(m.appid, salt, { out_order_no: 'nope' }))).json.err_no,
    ).toBe(2009);
    expect(
      (
        await ecpay(
          'create_refund',
          signedBody(m.appid, salt, {
            out_order_no: 'nope',
            out_refund_no: 'r',
            reason: 'x',
            refund_amount: 1,
          }),
        )
      ).json.err_no,
    ).toBe(2009);
    expect(
      (await ecpay('query_refund', signedBody(m.appid, salt, { out_refund_no: 'nope' }))).json.err_no,
    ).toBe(2010);
    expect(
      (await ecpay('query_settle', signedBody(m.appid, salt, { out_settle_no: 'nope' }))).json.err_no,
    ).toBe(2010);

    // An unpaid order is neither refunded nor settled.
    const created = await ecpay('create_order', signedBody(m.appid, salt, fields));
    expect(created.json.err_no).toBe(0);
    const refund = { out_order_no: fields.out_order_no, out_refund_no: 'R', reason: 'x', refund_amount: 1 };
    expect((await ecpay('create_refund', signedBody(m.appid, salt, refund))).json.err_no).toBe(2011);
    expect(
      (await ecpay('create_refund', { ...signedBody(m.appid, salt, refund), refund_amount: 100 })).json
        .err_no,
    ).toBe(2008);
    expect(
      (
        await ecpay(
          'settle',
          signedBody(m.appid, salt, {
            out_settle_no: 'S',
            out_order_no: fields.out_order_no,
            settle_desc: 'd',
          }),
        )
      ).json.err_no,
    ).toBe(2011);

    expect(await count('douyin_ecpay_order')).toBe(before.orders + 1);
    expect(await count('douyin_ecpay_request')).toBe(before.requests);
    expect(await count('payment_refund')).toBe(before.refunds);
  });

  it('serves trade_basic on Plaza’s orders with the access-token header, refusing a wrong one', async () => {
    const m = await k.merchant();
    const user = await k.customer(m.appid);
    const outOrderNo = `TR${Date.now()}`;
    const created = await k.call('POST', '/api/payments/orders', {
      token: m.token,
      body: {
        out_order_no: outOrderNo,
        openid: user.openid,
        total_amount: 5000,
        currency: 'CNY',
        subject: 'Bowl',
      },
    });
    expect(created.status).toBe(201);
    const paid = await k.call('POST', '/api/runtime/payments/pay', {
      token: user.token,
      body: { order_id: created.json.order_id, order_token: created.json.order_token, confirmed: true },
    });
    expect(paid.json.code).toBe(0);
    const ct = await k.call('POST', `${base}/oauth/client_token/`, {
      body: { client_key: m.appid, client_secret: m.secret, grant_type: 'client_credential' },
    });
    const accessToken = ct.json.data.access_token as string;
    const trade = (name: string, body: unknown, token = accessToken) =>
      k.call('POST', `${base}/api/trade_basic/v1/developer/${name}/`, {
        body,
        headers: { 'access-token': token },
      });

    const q = await trade('order_query', { out_order_no: outOrderNo });
    expect(q.json).toMatchObject({
      err_no: 0,
      data: { order_id: created.json.order_id, pay_status: 'SUCCESS', total_amount: 5000 },
    });

    const before = { requests: await count('douyin_ecpay_request'), refunds: await count('payment_refund') };
    for (const token of ['', 'pzt_forged', `${accessToken}x`]) {
      const refused = await trade(
        'refund_create',
        { out_order_no: outOrderNo, out_refund_no: 'X', refund_total_amount: 100 },
        token,
      );
      expect([refused.status, refused.json.err_no, refused.json.data]).toEqual([200, 28001003, null]);
    }
    expect(
      (
        await trade('refund_create', {
          out_order_no: outOrderNo,
          out_refund_no: 'X',
          refund_total_amount: 9999,
        })
      ).json.err_no,
    ).toBe(28001011);
    expect(
      (await trade('refund_create', { out_order_no: outOrderNo, refund_total_amount: 1 })).json.err_no,
    ).toBe(28001005);
    expect((await trade('order_query', { out_order_no: 'none' })).json.err_no).toBe(28001007);
    expect(await count('douyin_ecpay_request')).toBe(before.requests);
    expect(await count('payment_refund')).toBe(before.refunds);

    const refund = await trade('refund_create', {
      out_order_no: outOrderNo,
      out_refund_no: `${outOrderNo}-R`,
      refund_total_amount: 1000,
      refund_reason: [{ code: 101, text: 'Spilled' }],
    });
    expect(refund.json).toMatchObject({ err_no: 0, data: { refund_id: expect.stringMatching(/^rfd_/) } });
    const rq = await trade('refund_query', { out_refund_no: `${outOrderNo}-R` });
    expect(rq.json.data.refund_list[0]).toMatchObject({
      refund_id: refund.json.data.refund_id,
      refund_status: 'SUCCESS',
      refund_total_amount: 1000,
    });

    // A user's refund request, answered by the merchant's audit.
    const asked = await k.call('POST', `/api/me/orders/${created.json.order_id}/refund-requests`, {
      token: user.token,
      body: { amount: 500, reason: 'Late' },
    });
    expect(asked.status).toBe(201);
    expect(
      (
        await trade('refund_audit_callback', {
          refund_id: asked.json.refund_id,
          refund_audit_status: 2,
          deny_message: 'On time',
        })
      ).json.err_no,
    ).toBe(0);
    expect(
      (await trade('refund_audit_callback', { refund_id: asked.json.refund_id, refund_audit_status: 1 })).json
        .err_no,
    ).toBe(28001011);

    const settled = await trade('settle_create', {
      out_order_no: outOrderNo,
      out_settle_no: `${outOrderNo}-S`,
      settle_desc: 'Delivered',
    });
    expect(settled.json).toMatchObject({ err_no: 0, data: { settle_id: expect.any(String) } });
    const sq = await trade('settle_query', { out_settle_no: `${outOrderNo}-S` });
    expect(sq.json.data.settle_list[0]).toMatchObject({
      settle_status: 'SUCCESS',
      settle_amount: 4000,
      order_id: created.json.order_id,
    });
  });

  it('keeps the payment settings to the app’s org, and refuses a SALT too short to be one', async () => {
    const m = await douyinMerchant();
    const stranger = await k.merchant();
    const read = await k.call('GET', `/api/apps/${m.appid}/douyin/payment-settings`, {
      token: stranger.owner.token,
    });
    expect(read.status).toBe(404);
    const mine = await k.call('GET', `/api/apps/${m.appid}/douyin/payment-settings`, {
      token: m.owner.token,
    });
    expect(mine.json).toMatchObject({ salt, callback_token: token });
    const short = await k.call('PUT', `/api/apps/${m.appid}/douyin/payment-settings`, {
      token: m.owner.token,
      body: { salt: 'short' },
    });
    expect([short.status, short.json.error.code]).toEqual([400, 'DOUYIN_INVALID_SETTINGS']);
    const fresh = await k.merchant();
    const made = await k.call('PUT', `/api/apps/${fresh.appid}/douyin/payment-settings`, {
      token: fresh.owner.token,
      body: {},
    });
    expect(made.json.salt).toHaveLength(32);
    expect(made.json.callback_token).not.toBe(made.json.salt);
  });
});
