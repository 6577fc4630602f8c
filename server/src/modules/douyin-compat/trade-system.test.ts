import { createSign, createVerify, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { manualClock } from '../../db/clock.ts';
import { type PaymentsKit, startPaymentsKit } from '../payments/testing.ts';
import { tradeKeySource } from './douyin-compat-context.ts';
import { startTradeReceiver, type TradeCallback } from './testing.ts';

const base = '/compat/douyin';
const pem = { type: 'spki', format: 'pem' } as const;
const privatePem = { type: 'pkcs8', format: 'pem' } as const;
const merchantKey = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: pem,
  privateKeyEncoding: privatePem,
});
const strangerKey = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: pem,
  privateKeyEncoding: privatePem,
});

/**
 * The merchant's server, as Douyin's docs and demos write it: RSA-SHA256 over
 * `POST\n/requestOrder\n<timestamp>\n<nonce>\n<data>\n`, base64, in a SHA256-RSA2048 header.
 * Written here with node:crypto alone, apart from Plaza's own code.
 */
function byteAuthorization(
  appid: string,
  data: string,
  o: { timestamp: number; nonce?: string; keyVersion?: string; privateKey?: string },
) {
  const nonce = o.nonce ?? 'a1b2c3d4e5f6';
  const text = `POST\n/requestOrder\n${o.timestamp}\n${nonce}\n${data}\n`;
  const signature = createSign('SHA256')
    .update(text)
    .sign(o.privateKey ?? merchantKey.privateKey, 'base64');
  return `SHA256-RSA2048 appid="${appid}",nonce_str="${nonce}",timestamp="${o.timestamp}",key_version="${o.keyVersion ?? '1'}",signature="${signature}"`;
}

/** The merchant's check of a callback, with the public key it downloaded from Plaza. */
function callbackVerifies(platformKey: string, c: TradeCallback): boolean {
  const text = `${c.headers['byte-timestamp']}\n${c.headers['byte-nonce-str']}\n${c.body}\n`;
  return createVerify('SHA256')
    .update(text)
    .verify(platformKey, c.headers['byte-signature'] ?? '', 'base64');
}

describe.each(testEngines)("Douyin's trade system on %s", (engine) => {
  let k: PaymentsKit;
  let receiver: Awaited<ReturnType<typeof startTradeReceiver>>;
  const start = Date.UTC(2026, 7, 1);
  beforeAll(async () => {
    k = await startPaymentsKit(engine, { clock: manualClock(start) });
    receiver = await startTradeReceiver();
  });
  afterAll(async () => {
    await k?.stop();
    await receiver?.close();
  });

  const count = async (table: 'payment_order' | 'douyin_trade_order' | 'payment_refund') =>
    Number(
      (
        await k.t.db
          .selectFrom(table)
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function tradeMerchant() {
    const m = await k.merchant();
    const res = await k.call('PUT', `/api/apps/${m.appid}/douyin/trade-settings`, {
      token: m.owner.token,
      body: { public_key: merchantKey.publicKey, notify_url: receiver.url },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ key_version: '1', notify_url: receiver.url });
    return m;
  }

  const orderData = (outOrderNo: string) =>
    JSON.stringify({
      skuList: [
        { skuId: 'noodles', price: 2800, quantity: 1, title: 'Beef noodles', imageList: [], type: 401 },
        { skuId: 'dandan', price: 1850, quantity: 1, title: 'Dan dan noodles', imageList: [], type: 401 },
      ],
      outOrderNo,
      totalAmount: 4650,
      payExpireSeconds: 900,
      orderEntrySchema: { path: 'pages/orders/orders', params: '{"id":"1"}' },
    });

  const requestOrder = (token: string, body: Record<string, unknown>) =>
    k.call('POST', '/api/runtime/douyin/trade/request-order', { token, body });

  it('registers only a real PEM RSA public key of 2048 bits or more', async () => {
    const m = await k.merchant();
    const put = (public_key: string) =>
      k.call('PUT', `/api/apps/${m.appid}/douyin/trade-settings`, {
        token: m.owner.token,
        body: { public_key },
      });
    const small = generateKeyPairSync('rsa', {
      modulusLength: 1024,
      publicKeyEncoding: pem,
      privateKeyEncoding: privatePem,
    });
    const ec = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      publicKeyEncoding: pem,
      privateKeyEncoding: privatePem,
    });
    for (const bad of ['not a key', small.publicKey, ec.publicKey, merchantKey.privateKey]) {
      const res = await put(bad);
      expect([res.status, res.json.error.code]).toEqual([400, 'DOUYIN_TRADE_KEY_INVALID']);
    }
    const none = await k.call('GET', `/api/apps/${m.appid}/douyin/trade-settings`, { token: m.owner.token });
    expect(none.json.error.code).toBe('DOUYIN_TRADE_NOT_SET_UP');
    // A PKCS#1 "RSA PUBLIC KEY" is taken too; a new key counts the version up.
    const pkcs1 = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'pkcs1', format: 'pem' },
      privateKeyEncoding: privatePem,
    });
    expect((await put(merchantKey.publicKey)).json.key_version).toBe('1');
    expect((await put(merchantKey.publicKey)).json.key_version).toBe('1');
    const second = await put(pkcs1.publicKey);
    expect(second.json.key_version).toBe('2');
    expect(second.json.public_key).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });

  it('refuses a wrong signature, an expired timestamp, an unknown key and malformed headers, creating nothing', async () => {
    const m = await tradeMerchant();
    const user = await k.customer(m.appid);
    const now = Math.floor(start / 1000);
    const data = orderData(`TR${Date.now()}`);
    const before = [await count('payment_order'), await count('douyin_trade_order')];
    const refused = async (byte_authorization: string, code: string, body = data) => {
      const res = await requestOrder(user.token, { appid: m.appid, data: body, byte_authorization });
      expect([res.status, res.json.error?.code]).toEqual([401, code]);
    };
    await refused(
      byteAuthorization(m.appid, data, { timestamp: now, privateKey: strangerKey.privateKey }),
      'DOUYIN_SIGNATURE_INVALID',
    );
    // Signed over other data than was sent.
    await refused(
      byteAuthorization(m.appid, data, { timestamp: now }),
      'DOUYIN_SIGNATURE_INVALID',
      data.replace('4650', '4651'),
    );
    await refused(
      byteAuthorization(m.appid, data, { timestamp: now - 6 * 60 }),
      'DOUYIN_BYTE_AUTHORIZATION_EXPIRED',
    );
    await refused(
      byteAuthorization(m.appid, data, { timestamp: now + 6 * 60 }),
      'DOUYIN_BYTE_AUTHORIZATION_EXPIRED',
    );
    await refused(
      byteAuthorization(m.appid, data, { timestamp: now, keyVersion: '7' }),
      'DOUYIN_KEY_VERSION_UNKNOWN',
    );
    const other = await tradeMerchant();
    await refused(
      byteAuthorization(other.appid, data, { timestamp: now }),
      'DOUYIN_BYTE_AUTHORIZATION_INVALID',
    );
    await refused('SHA256-RSA2048 appid="x"', 'DOUYIN_BYTE_AUTHORIZATION_INVALID');
    await refused(
      byteAuthorization(m.appid, data, { timestamp: now }).replace('SHA256-RSA2048', 'HMAC'),
      'DOUYIN_BYTE_AUTHORIZATION_INVALID',
    );
    // An app with no key registered.
    const bare = await k.merchant();
    const res = await requestOrder(user.token, {
      appid: bare.appid,
      data,
      byte_authorization: byteAuthorization(bare.appid, data, { timestamp: now }),
    });
    expect(res.json.error.code).toBe('DOUYIN_TRADE_NOT_SET_UP');
    // Well signed, but not the documented order JSON.
    const junk = JSON.stringify({ outOrderNo: 'X', totalAmount: 1 });
    const bad = await requestOrder(user.token, {
      appid: m.appid,
      data: junk,
      byte_authorization: byteAuthorization(m.appid, junk, { timestamp: now }),
    });
    expect([bad.status, bad.json.error.code]).toEqual([400, 'DOUYIN_ORDER_DATA_INVALID']);
    expect([await count('payment_order'), await count('douyin_trade_order')]).toEqual(before);
  });

  it("reads Plaza's trade key inside a payment's transaction after a restart, from that transaction", async () => {
    const served = (await k.t.app.inject({ method: 'GET', url: '/api/douyin/trade/platform-public-key' }))
      .body;
    // A fresh source is a process that has not read the key yet; on SQLite's one connection
    // a read outside the transaction would wait for the transaction forever.
    const restarted = tradeKeySource(k.t.db, k.clock);
    const inside = await k.t.db.transaction().execute((trx) => restarted(trx));
    expect(inside.publicKey).toBe(served);
    expect((await restarted()).publicKey).toBe(served);
  });

  it('walks tt.requestOrder to payment, refund, settlement and a user refund, every callback signed by Plaza', async () => {
    const m = await tradeMerchant();
    const user = await k.customer(m.appid);
    const outOrderNo = `TR${Date.now()}`;
    const data = orderData(outOrderNo);
    const made = await requestOrder(user.token, {
      appid: m.appid,
      data,
      byte_authorization: byteAuthorization(m.appid, data, { timestamp: Math.floor(start / 1000) - 60 }),
    });
    expect(made.status).toBe(200);
    expect(made.json).toMatchObject({
      out_order_no: outOrderNo,
      item_order_list: [
        { sku_id: 'noodles', price: 2800 },
        { sku_id: 'dandan', price: 1850 },
      ],
    });
    const { order_id, order_token } = made.json;

    // The merchant downloads Plaza's public key once, and checks every callback with it.
    const keyRes = await k.t.app.inject({ method: 'GET', url: '/api/douyin/trade/platform-public-key' });
    expect(keyRes.statusCode).toBe(200);
    const platformKey = keyRes.body;
    expect(platformKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);

    const paid = await k.call('POST', '/api/runtime/payments/pay', {
      token: user.token,
      body: { order_id, order_token, confirmed: true },
    });
    expect(paid.json.code).toBe(0);
    // The merchant is busy at first: the callback comes again until it answers err_no 0.
    receiver.state.answer = () => ({ err_no: 1, err_tips: 'busy' });
    await k.t.jobs.workers.runDue();
    receiver.state.answer = () => ({ err_no: 0, err_tips: 'success' });
    k.clock.advance(10 * 60_000);
    await k.t.jobs.workers.runDue();
    const payments = receiver.received.filter((c) => c.type === 'payment' && c.msg.order_id === order_id);
    expect(payments).toHaveLength(2);
    for (const c of payments) {
      expect(callbackVerifies(platformKey, c)).toBe(true);
      expect(c.version).toBe('2.0');
    }
    expect(payments[0]?.msg).toMatchObject({
      app_id: m.appid,
      status: 'SUCCESS',
      out_order_no: outOrderNo,
      total_amount: 4650,
    });
    // A body changed on the way no longer verifies.
    const forged = { ...(payments[0] as TradeCallback) };
    forged.body = forged.body.replace('4650', '1');
    expect(callbackVerifies(platformKey, forged)).toBe(false);
    k.clock.advance(60 * 60_000);
    await k.t.jobs.workers.runDue();
    expect(receiver.received.filter((c) => c.type === 'payment' && c.msg.order_id === order_id)).toHaveLength(
      2,
    );

    // The user asks for a refund: the merchant is asked first, and its refusal changes nothing.
    const refunds = await count('payment_refund');
    receiver.state.answer = (c) =>
      c.type === 'pre_create_refund'
        ? { err_no: 1, err_tips: 'already delivered' }
        : { err_no: 0, err_tips: 'success' };
    const denied = await k.call('POST', `/api/me/orders/${order_id}/refund-requests`, {
      token: user.token,
      body: { amount: 1850, reason: 'Dan dan noodles missing' },
    });
    expect([denied.status, denied.json.error.code]).toEqual([409, 'DOUYIN_REFUND_REFUSED']);
    expect(await count('payment_refund')).toBe(refunds);
    const asked = receiver.received.filter((c) => c.type === 'pre_create_refund');
    expect(asked).toHaveLength(1);
    expect(callbackVerifies(platformKey, asked[0] as TradeCallback)).toBe(true);
    expect(asked[0]?.msg).toMatchObject({
      app_id: m.appid,
      open_id: user.openid,
      order_id,
      out_order_no: outOrderNo,
      refund_total_amount: 1850,
      refund_reason: [{ text: 'Dan dan noodles missing' }],
    });

    // Allowed with the merchant's own refund number; the merchant agrees with refund_audit_callback.
    receiver.state.answer = (c) =>
      c.type === 'pre_create_refund'
        ? { err_no: 0, err_tips: 'success', data: { out_refund_no: `${outOrderNo}-R1` } }
        : { err_no: 0, err_tips: 'success' };
    const requested = await k.call('POST', `/api/me/orders/${order_id}/refund-requests`, {
      token: user.token,
      body: { amount: 1850, reason: 'Dan dan noodles missing' },
    });
    expect(requested.status).toBe(201);
    const accessToken = m.token;
    const trade = (name: string, body: unknown) =>
      k.call('POST', `${base}/api/trade_basic/v1/developer/${name}/`, {
        body,
        headers: { 'access-token': accessToken },
      });
    const audit = await trade('refund_audit_callback', {
      refund_id: requested.json.refund_id,
      refund_audit_status: 1,
    });
    expect(audit.json.err_no).toBe(0);
    const byNumber = await trade('refund_query', { out_refund_no: `${outOrderNo}-R1` });
    expect(byNumber.json.data.refund_list[0]).toMatchObject({
      refund_total_amount: 1850,
      refund_status: 'SUCCESS',
    });

    // The merchant settles what is left.
    const settled = await trade('settle_create', {
      out_order_no: outOrderNo,
      out_settle_no: `${outOrderNo}-S1`,
      settle_desc: 'Delivered',
    });
    expect(settled.json.err_no).toBe(0);
    await k.t.jobs.workers.runDue();
    const refundCb = receiver.received.find((c) => c.type === 'refund' && c.msg.order_id === order_id);
    expect(refundCb && callbackVerifies(platformKey, refundCb)).toBe(true);
    expect(refundCb?.msg).toMatchObject({
      status: 'SUCCESS',
      refund_id: requested.json.refund_id,
      out_refund_no: `${outOrderNo}-R1`,
      refund_total_amount: 1850,
    });
    const settleCb = receiver.received.find((c) => c.type === 'settle' && c.msg.order_id === order_id);
    expect(settleCb && callbackVerifies(platformKey, settleCb)).toBe(true);
    expect(settleCb?.msg).toMatchObject({
      status: 'SUCCESS',
      out_settle_no: `${outOrderNo}-S1`,
      settle_amount: 2800,
    });
  });
});
