import { PlazaClient } from '@plaza/server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PaymentsKit, startPaymentsKit } from './testing.ts';

// The server SDK is the contract this module implements: drive it against a live server.
describe('the server SDK against guaranteed payment', () => {
  let k: PaymentsKit;
  let base: string;
  beforeAll(async () => {
    k = await startPaymentsKit('sqlite');
    base = await k.t.listen();
  });
  afterAll(async () => {
    await k?.stop();
  });

  it('creates, reads, lists, settles with a split, refunds and reports through the SDK', async () => {
    const m = await k.merchant('retail');
    const u = await k.customer(m.appid);
    const plaza = new PlazaClient({
      baseUrl: base,
      appid: m.appid,
      secret: m.secret,
      now: () => k.clock.now(),
    });
    const created = await plaza.orders.create({
      out_order_no: 'SDK-1',
      openid: u.openid,
      total_amount: 2000,
      currency: 'CNY',
      subject: 'Shoes',
      items: [{ name: 'Shoe', quantity: 2, unit_amount: 1000 }],
    });
    expect(created.status).toBe('created');
    const paid = await k.call('POST', '/api/runtime/payments/pay', {
      token: u.token,
      body: { order_id: created.order_id, order_token: created.order_token, confirmed: true },
    });
    expect(paid.json.code).toBe(0);
    expect((await plaza.orders.get(created.order_id)).status).toBe('paid');
    expect((await plaza.orders.getByOutOrderNo('SDK-1')).order_id).toBe(created.order_id);
    expect((await plaza.orders.list({ status: 'paid' })).items.map((o) => o.order_id)).toContain(
      created.order_id,
    );

    const receiver = await plaza.receivers.create({ name: 'Designer', out_receiver_no: 'd1' });
    expect((await plaza.receivers.list()).items).toHaveLength(1);
    const settlement = await plaza.orders.settle(created.order_id, {
      splits: [{ receiver_id: receiver.receiver_id, amount: 200 }],
    });
    expect(settlement).toMatchObject({
      total_amount: 2000,
      commission_amount: 60,
      split_amount: 200,
      merchant_amount: 1740,
    });
    const refund = await plaza.orders.refund(created.order_id, { out_refund_no: 'SDK-R1', amount: 500 });
    expect(refund).toMatchObject({ status: 'succeeded', source: 'merchant_balance' });
    expect((await plaza.refunds.get(refund.refund_id)).amount).toBe(500);
    const statement = await plaza.statement('2000-01-01', '2100-01-01');
    expect(statement.totals.CNY).toMatchObject({
      paid: 2000,
      settled: 2000,
      commission: 60,
      split: 200,
      refunded: 500,
    });
    await expect(plaza.orders.settle('ord_missing')).rejects.toMatchObject({
      status: 404,
      code: 'PAYMENT_ORDER_NOT_FOUND',
    });
  });
});
