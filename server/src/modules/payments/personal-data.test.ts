import { PlazaClient } from '@plaza/server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { type PaymentsKit, startPaymentsKit } from './testing.ts';

// A user's orders are part of their data export; erasing them keeps the money records
// (the ledger reconciles with them) under a pseudonym instead of the user's id.
describe.each(testEngines)('payments and data rights on %s', (engine) => {
  let k: PaymentsKit;
  let base: string;
  beforeAll(async () => {
    k = await startPaymentsKit(engine);
    base = await k.t.listen();
  });
  afterAll(async () => {
    await k?.stop();
  });

  it('exports the orders and keeps them, pseudonymised, when the account is deleted', async () => {
    const m = await k.merchant('retail');
    const u = await k.customer(m.appid);
    const plaza = new PlazaClient({
      baseUrl: base,
      appid: m.appid,
      secret: m.secret,
      now: () => k.clock.now(),
    });
    const order = await plaza.orders.create({
      out_order_no: 'PD-1',
      openid: u.openid,
      total_amount: 1500,
      currency: 'CNY',
      subject: 'Tea',
    });
    const exported = await k.call('GET', '/api/me/export', { token: u.token });
    expect(exported.status).toBe(200);
    expect(exported.json.sections.payments.orders).toEqual([
      expect.objectContaining({ order_id: order.order_id, total_amount: 1500, subject: 'Tea' }),
    ]);
    const deleted = await k.call('DELETE', '/api/me', {
      token: u.token,
      body: { confirmation: 'delete my account' },
    });
    expect(deleted.status).toBeLessThan(300);
    const row = await k.t.db
      .selectFrom('payment_order')
      .select(['user_id', 'total_amount'])
      .where('id', '=', order.order_id)
      .executeTakeFirstOrThrow();
    expect(row.total_amount).toBe(1500);
    expect(row.user_id).toMatch(/^erased_[0-9a-f]{24}$/);
    expect((await plaza.orders.get(order.order_id)).order_id).toBe(order.order_id);
  });
});
