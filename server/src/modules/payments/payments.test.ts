import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { type PaymentsKit, startPaymentsKit } from './testing.ts';

describe.each(testEngines)('guaranteed payment on %s', (engine) => {
  let k: PaymentsKit;
  let m: Awaited<ReturnType<PaymentsKit['merchant']>>;
  let u: Awaited<ReturnType<PaymentsKit['customer']>>;
  let n = 0;
  beforeAll(async () => {
    k = await startPaymentsKit(engine);
    m = await k.merchant('food_delivery'); // 250 bps
    u = await k.customer(m.appid);
  });
  afterAll(async () => {
    await k?.stop();
  });

  const merchantCall = (method: string, url: string, body?: unknown, key?: string) =>
    k.call(method, url, {
      token: m.token,
      ...(body === undefined ? {} : { body }),
      ...(key ? { headers: { 'idempotency-key': key } } : {}),
    });

  async function order(total = 1000, extra: Record<string, unknown> = {}) {
    n++;
    const res = await merchantCall('POST', '/api/payments/orders', {
      out_order_no: `T${n}`,
      openid: u.openid,
      total_amount: total,
      currency: 'CNY',
      subject: 'Noodles',
      ...extra,
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return res.json as { order_id: string; order_token: string; out_order_no: string };
  }

  const pay = (
    o: { order_id: string; order_token: string },
    extra: Record<string, unknown> = {},
    token = u.token,
  ) =>
    k.call('POST', '/api/runtime/payments/pay', {
      token,
      body: { order_id: o.order_id, order_token: o.order_token, confirmed: true, ...extra },
    });

  async function paidOrder(total = 1000) {
    const o = await order(total);
    const res = await pay(o);
    expect(res.json.code).toBe(0);
    return o;
  }

  async function ledgerOk() {
    const report = await k.t.ledger.checkInvariants();
    expect(report.violations).toEqual([]);
  }

  it('creates, pays into escrow, settles with commission and splits, and reports it all', async () => {
    const o = await order(10_000, { items: [{ name: 'Bowl', quantity: 2, unit_amount: 5000 }] });
    const payRes = await pay(o);
    expect(payRes.status).toBe(200);
    expect(payRes.json).toMatchObject({ code: 0, outcome: 'succeeded', order: { status: 'paid' } });
    // A second pay is a no-op that answers the same.
    expect((await pay(o)).json).toMatchObject({ code: 0, order: { status: 'paid' } });
    const hold = await k.t.ledger.pendingStatus(`hold:${o.order_id}:1`);
    expect(hold?.status).toBe('pending');

    const rcv = await merchantCall('POST', '/api/payments/receivers', {
      name: 'Courier',
      out_receiver_no: 'courier-1',
    });
    expect(rcv.status).toBe(200);
    const settled = await merchantCall('POST', `/api/payments/orders/${o.order_id}/settle`, {
      splits: [{ receiver_id: rcv.json.receiver_id, amount: 1000 }],
    });
    expect(settled.status, JSON.stringify(settled.json)).toBe(200);
    expect(settled.json).toMatchObject({
      total_amount: 10_000,
      commission_bps: 250,
      commission_amount: 250,
      split_amount: 1000,
      merchant_amount: 8750,
    });
    // The same settle again answers with the settlement; other splits are refused.
    expect(
      (
        await merchantCall('POST', `/api/payments/orders/${o.order_id}/settle`, {
          splits: [{ receiver_id: rcv.json.receiver_id, amount: 1000 }],
        })
      ).status,
    ).toBe(200);
    const other = await merchantCall('POST', `/api/payments/orders/${o.order_id}/settle`, {});
    expect(other.status).toBe(409);
    expect(other.json.error.code).toBe('PAYMENT_ORDER_ALREADY_SETTLED');
    expect((await k.t.ledger.pendingStatus(`hold:${o.order_id}:1`))?.status).toBe('posted');

    const got = await merchantCall('GET', `/api/payments/orders/${o.order_id}`);
    expect(got.json).toMatchObject({ status: 'settled', total_amount: 10_000 });
    const byNo = await merchantCall('GET', `/api/payments/orders/by-out-order-no/${o.out_order_no}`);
    expect(byNo.json.order_id).toBe(o.order_id);
    await ledgerOk();

    await k.t.jobs.workers.runDue();
    const types = k.receiver.events.filter((e) => e.data.order_id === o.order_id).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['payment.paid', 'order.settled']));
    const funnel = await k.t.db.selectFrom('funnel_event').selectAll().where('appid', '=', m.appid).execute();
    expect(funnel.map((f) => f.step).sort()).toEqual(expect.arrayContaining(['paid', 'settled']));
  });

  it("counts each paid order and refund in the merchant's service record, which the feed ranks by", async () => {
    const record = async () => {
      const row = await k.t.db
        .selectFrom('rec_provider')
        .select(['orders', 'refunds'])
        .where('key', '=', `app:${m.appid}`)
        .executeTakeFirst();
      return { orders: Number(row?.orders ?? 0), refunds: Number(row?.refunds ?? 0) };
    };
    const before = await record();
    const o = await paidOrder(500);
    expect(await record()).toEqual({ orders: before.orders + 1, refunds: before.refunds });
    // A refused refund (more than was paid) is not counted; the refund that happens is.
    const refused = await merchantCall('POST', `/api/payments/orders/${o.order_id}/refunds`, {
      out_refund_no: `R${o.order_id}x`,
      amount: 5000,
    });
    expect(refused.status).toBe(409);
    const done = await merchantCall('POST', `/api/payments/orders/${o.order_id}/refunds`, {
      out_refund_no: `R${o.order_id}s`,
      amount: 500,
    });
    expect(done.status, JSON.stringify(done.json)).toBe(200);
    expect(await record()).toEqual({ orders: before.orders + 1, refunds: before.refunds + 1 });
  });

  it('refunds from escrow before settlement, keeping the hold exact, and from the balance after', async () => {
    const o = await paidOrder(1000);
    const r1 = await merchantCall('POST', `/api/payments/orders/${o.order_id}/refunds`, {
      out_refund_no: `R${o.order_id}a`,
      amount: 300,
    });
    expect(r1.status, JSON.stringify(r1.json)).toBe(200);
    expect(r1.json).toMatchObject({ status: 'succeeded', source: 'escrow', amount: 300 });
    // The same out_refund_no again returns the same refund.
    const again = await merchantCall('POST', `/api/payments/orders/${o.order_id}/refunds`, {
      out_refund_no: `R${o.order_id}a`,
      amount: 300,
    });
    expect(again.json.refund_id).toBe(r1.json.refund_id);
    expect((await k.t.ledger.getTransfer(`hold:${o.order_id}:2`))?.amount).toBe(700);
    const over = await merchantCall('POST', `/api/payments/orders/${o.order_id}/refunds`, {
      out_refund_no: `R${o.order_id}b`,
      amount: 701,
    });
    expect(over.status).toBe(409);
    expect(over.json.error.code).toBe('PAYMENT_REFUND_EXCEEDS_PAID');

    const s = await merchantCall('POST', `/api/payments/orders/${o.order_id}/settle`, {});
    expect(s.json).toMatchObject({ total_amount: 700, commission_amount: 18, merchant_amount: 682 });
    const r2 = await merchantCall('POST', `/api/payments/orders/${o.order_id}/refunds`, {
      out_refund_no: `R${o.order_id}c`,
      amount: 700,
    });
    expect(r2.json).toMatchObject({ status: 'succeeded', source: 'merchant_balance' });
    expect((await merchantCall('GET', `/api/payments/orders/${o.order_id}`)).json).toMatchObject({
      status: 'refunded',
      refunded_amount: 1000,
    });
    // The settlement stands after a refund and is answered again; a refunded, never settled order is a 409.
    const replayed = await merchantCall('POST', `/api/payments/orders/${o.order_id}/settle`, {});
    expect(replayed.json).toMatchObject({ total_amount: 700, merchant_amount: 682 });
    const whole = await paidOrder(100);
    await merchantCall('POST', `/api/payments/orders/${whole.order_id}/refunds`, {
      out_refund_no: `W${whole.order_id}`,
      amount: 100,
    });
    const settleRefunded = await merchantCall('POST', `/api/payments/orders/${whole.order_id}/settle`, {});
    expect([settleRefunded.status, settleRefunded.json.error.code]).toEqual([
      409,
      'PAYMENT_ORDER_FULLY_REFUNDED',
    ]);
    expect((await k.t.ledger.pendingStatus(`hold:${whole.order_id}:1`))?.status).toBe('voided');
    await ledgerOk();
  });

  it('refuses a refund after settlement when the merchant balance is short', async () => {
    const m2 = await k.merchant('education');
    const u2 = await k.customer(m2.appid);
    const created = await k.call('POST', '/api/payments/orders', {
      token: m2.token,
      body: { out_order_no: 'S1', openid: u2.openid, total_amount: 1000, currency: 'USD', subject: 'Course' },
    });
    await k.call('POST', '/api/runtime/payments/pay', {
      token: u2.token,
      body: { order_id: created.json.order_id, order_token: created.json.order_token, confirmed: true },
    });
    await k.call('POST', `/api/payments/orders/${created.json.order_id}/settle`, {
      token: m2.token,
      body: {},
    });
    // Merchant got 950 (500 bps); a 960 refund would overdraw the balance.
    const res = await k.call('POST', `/api/payments/orders/${created.json.order_id}/refunds`, {
      token: m2.token,
      body: { out_refund_no: 'X1', amount: 960 },
    });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('PAYMENT_MERCHANT_BALANCE_INSUFFICIENT');
    expect(
      (await k.call('GET', `/api/payments/orders/${created.json.order_id}`, { token: m2.token })).json
        .refunded_amount,
    ).toBe(0);
    await ledgerOk();
  });

  it("shows the developer console the app's orders paged and filtered, an order's timeline, and refunds from it", async () => {
    const console_ = (method: string, url: string, body?: unknown) =>
      k.call(method, `/api/apps/${m.appid}${url}`, {
        token: m.owner.token,
        ...(body === undefined ? {} : { body }),
      });
    const unpaid = await order(700);
    const [first, second] = [await paidOrder(800), await paidOrder(900)];

    // Newest first, a cursor per page, filters applied by the server.
    const page1 = await console_('GET', '/orders?status=paid&limit=1');
    expect(page1.status, JSON.stringify(page1.json)).toBe(200);
    expect(page1.json.items.map((o: { order_id: string }) => o.order_id)).toEqual([second.order_id]);
    const page2 = await console_('GET', `/orders?status=paid&limit=1&cursor=${page1.json.next_cursor}`);
    expect(page2.json.items.map((o: { order_id: string }) => o.order_id)).toEqual([first.order_id]);
    const created = await console_('GET', '/orders?status=created');
    expect(created.json.items.map((o: { order_id: string }) => o.order_id)).toContain(unpaid.order_id);
    expect(created.json.items.every((o: { status: string }) => o.status === 'created')).toBe(true);
    const byNo = await console_('GET', `/orders?out_order_no=${first.out_order_no}`);
    expect(byNo.json).toEqual({
      items: [expect.objectContaining({ order_id: first.order_id })],
      next_cursor: null,
    });
    expect((await console_('GET', '/orders?out_order_no=NOPE')).json).toEqual({
      items: [],
      next_cursor: null,
    });

    const refund = await console_('POST', `/orders/${first.order_id}/refunds`, {
      out_refund_no: `C${first.order_id}`,
      amount: 300,
      reason: 'Soup spilled',
    });
    expect(refund.status, JSON.stringify(refund.json)).toBe(200);
    expect(refund.json).toMatchObject({ status: 'succeeded', amount: 300, source: 'escrow' });
    const detail = await console_('GET', `/orders/${first.order_id}`);
    expect(detail.json.order).toMatchObject({ status: 'paid', refunded_amount: 300 });
    expect(detail.json.refunds).toEqual([expect.objectContaining({ refund_id: refund.json.refund_id })]);
    expect(detail.json.timeline.map((e: { kind: string; amount: number }) => [e.kind, e.amount])).toEqual([
      ['created', 800],
      ['paid', 800],
      ['refund_succeeded', 300],
    ]);

    // Refused with the catalogued codes, and nothing moves.
    const over = await console_('POST', `/orders/${first.order_id}/refunds`, {
      out_refund_no: 'C2',
      amount: 501,
    });
    expect([over.status, over.json.error.code]).toEqual([409, 'PAYMENT_REFUND_EXCEEDS_PAID']);
    const missing = await console_('GET', '/orders/ord_missing');
    expect([missing.status, missing.json.error.code]).toEqual([404, 'PAYMENT_ORDER_NOT_FOUND']);
    expect((await console_('GET', '/orders?status=lost')).status).toBe(400);
    expect((await console_('GET', `/orders/${first.order_id}`)).json.order.refunded_amount).toBe(300);
    await ledgerOk();
  });

  it('lets the user request a refund that the merchant accepts or declines, and lists it in My orders', async () => {
    const o = await paidOrder(500);
    const req = await k.call('POST', `/api/me/orders/${o.order_id}/refund-requests`, {
      token: u.token,
      body: { reason: 'Cold food', amount: 200 },
    });
    expect(req.status, JSON.stringify(req.json)).toBe(201);
    expect(req.json.status).toBe('requested');
    const accepted = await merchantCall('POST', `/api/payments/refunds/${req.json.refund_id}/accept`, {});
    expect(accepted.json).toMatchObject({ status: 'succeeded', amount: 200 });
    expect(
      (await merchantCall('POST', `/api/payments/refunds/${req.json.refund_id}/accept`, {})).json.status,
    ).toBe('succeeded');
    const req2 = await k.call('POST', `/api/me/orders/${o.order_id}/refund-requests`, {
      token: u.token,
      body: { reason: 'Changed mind' },
    });
    expect(req2.json.amount).toBe(300);
    const declined = await merchantCall('POST', `/api/payments/refunds/${req2.json.refund_id}/decline`, {
      reason: 'Delivered',
    });
    expect(declined.json).toMatchObject({ status: 'declined', decline_reason: 'Delivered' });
    expect(
      (await merchantCall('POST', `/api/payments/refunds/${req2.json.refund_id}/accept`, {})).json.error.code,
    ).toBe('PAYMENT_REFUND_NOT_REQUESTED');
    const mine = await k.call('GET', '/api/me/orders', { token: u.token });
    const item = mine.json.items.find((i: { order_id: string }) => i.order_id === o.order_id);
    expect(item).toMatchObject({ refunded_amount: 200, status: 'paid' });
    expect(typeof item.app_name).toBe('string');
    expect(item.app_name.length).toBeGreaterThan(0);
    expect(item.refunds).toHaveLength(2);
    await ledgerOk();
  });

  it('maps channel outcomes to tt.pay codes and leaves the order payable', async () => {
    const o = await order(100);
    for (const [outcome, code] of [
      ['timed_out', 1],
      ['failed', 2],
      ['cancelled', 4],
    ] as const) {
      const res = await pay(o, { outcome });
      expect(res.json).toMatchObject({ code, outcome, order: { status: 'created' } });
    }
    expect((await pay(o)).json.code).toBe(0);
  });

  it('refuses bad input with a clear 4xx and changes nothing', async () => {
    const before = await k.t.db
      .selectFrom('payment_order')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const base = { out_order_no: 'BAD', openid: u.openid, currency: 'CNY', subject: 's' };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...base, total_amount: 0 }, 400, 'PAYMENT_AMOUNT_INVALID'],
      [{ ...base, total_amount: -5 }, 400, 'PAYMENT_AMOUNT_INVALID'],
      [{ ...base, total_amount: 1.5 }, 400, 'PAYMENT_AMOUNT_INVALID'],
      [{ ...base, total_amount: '100' }, 400, 'HTTP_VALIDATION'],
      [{ ...base, total_amount: 1e15 }, 400, 'PAYMENT_AMOUNT_TOO_LARGE'],
      [{ ...base, total_amount: 100, currency: 'XXX' }, 400, 'PAYMENT_CURRENCY_UNSUPPORTED'],
      [{ ...base, total_amount: 100, openid: 'nobody' }, 400, 'PAYMENT_OPENID_UNKNOWN'],
      [
        { ...base, total_amount: 100, items: [{ name: 'a', quantity: 1, unit_amount: 99 }] },
        400,
        'PAYMENT_ITEMS_MISMATCH',
      ],
    ];
    for (const [body, status, code] of cases) {
      const res = await merchantCall('POST', '/api/payments/orders', body);
      expect([res.status, res.json.error?.code], JSON.stringify(body)).toEqual([status, code]);
    }
    const after = await k.t.db
      .selectFrom('payment_order')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));

    const o = await order(100);
    const reused = await merchantCall('POST', '/api/payments/orders', {
      out_order_no: o.out_order_no,
      openid: u.openid,
      total_amount: 101,
      currency: 'CNY',
      subject: 'Noodles',
    });
    expect(reused.json.error.code).toBe('PAYMENT_OUT_ORDER_NO_EXISTS');
    const same = await merchantCall('POST', '/api/payments/orders', {
      out_order_no: o.out_order_no,
      openid: u.openid,
      total_amount: 100,
      currency: 'CNY',
      subject: 'Noodles',
    });
    expect([same.json.order_id, same.json.order_token]).toEqual([o.order_id, o.order_token]);

    expect(
      (await merchantCall('POST', `/api/payments/orders/${o.order_id}/settle`, {})).json.error.code,
    ).toBe('PAYMENT_ORDER_NOT_PAID');
    expect(
      (
        await merchantCall('POST', `/api/payments/orders/${o.order_id}/refunds`, {
          out_refund_no: 'nope',
          amount: 1,
        })
      ).json.error.code,
    ).toBe('PAYMENT_ORDER_NOT_PAID');
    const wrongToken = await pay({
      order_id: o.order_id,
      order_token: `${o.order_token.split('.')[0]}.forged`,
    });
    expect([wrongToken.status, wrongToken.json.error.code]).toEqual([403, 'PAYMENT_ORDER_TOKEN_INVALID']);
    const stranger = await k.customer(m.appid);
    expect((await pay(o, {}, stranger.token)).status).toBe(404);
    expect((await pay(o, { confirmed: false })).json.error.code).toBe('PAYMENT_CONFIRMATION_REQUIRED');

    const other = await k.merchant();
    const foreign = await k.call('GET', `/api/payments/orders/${o.order_id}`, { token: other.token });
    expect([foreign.status, foreign.json.error.code]).toEqual([404, 'PAYMENT_ORDER_NOT_FOUND']);
    const foreignRefund = await k.call('POST', `/api/payments/orders/${o.order_id}/settle`, {
      token: other.token,
      body: {},
    });
    expect(foreignRefund.status).toBe(404);

    const p = await paidOrder(1000);
    const tooMuch = await merchantCall('POST', `/api/payments/orders/${p.order_id}/settle`, {
      splits: [
        {
          receiver_id: (
            await merchantCall('POST', '/api/payments/receivers', { name: 'X', out_receiver_no: 'x' })
          ).json.receiver_id,
          amount: 976,
        },
      ],
    });
    expect(tooMuch.json.error.code).toBe('PAYMENT_SPLITS_EXCEED_REMAINDER');
    const unknownReceiver = await merchantCall('POST', `/api/payments/orders/${p.order_id}/settle`, {
      splits: [{ receiver_id: 'rcv_nope', amount: 1 }],
    });
    expect(unknownReceiver.json.error.code).toBe('PAYMENT_RECEIVER_NOT_FOUND');
    for (const amount of [0, -1, 0.5]) {
      const res = await merchantCall('POST', `/api/payments/orders/${p.order_id}/refunds`, {
        out_refund_no: `bad${amount}`,
        amount,
      });
      expect(res.json.error.code).toBe('PAYMENT_AMOUNT_INVALID');
    }
    expect((await merchantCall('GET', `/api/payments/orders/${p.order_id}`)).json).toMatchObject({
      status: 'paid',
      refunded_amount: 0,
    });
    await ledgerOk();
  });

  it('issues statements whose totals reconcile with the ledger, as JSON and CSV', async () => {
    const m3 = await k.merchant('retail');
    const u3 = await k.customer(m3.appid);
    const mk = async (no: string, total: number) => {
      const o = await k.call('POST', '/api/payments/orders', {
        token: m3.token,
        body: { out_order_no: no, openid: u3.openid, total_amount: total, currency: 'CNY', subject: 's' },
      });
      await k.call('POST', '/api/runtime/payments/pay', {
        token: u3.token,
        body: { order_id: o.json.order_id, order_token: o.json.order_token, confirmed: true },
      });
      return o.json.order_id as string;
    };
    const a = await mk('A', 1000);
    const b = await mk('B', 2000);
    await mk('C', 333);
    await k.call('POST', `/api/payments/orders/${a}/refunds`, {
      token: m3.token,
      body: { out_refund_no: 'a1', amount: 100 },
    });
    await k.call('POST', `/api/payments/orders/${a}/settle`, { token: m3.token, body: {} });
    await k.call('POST', `/api/payments/orders/${b}/settle`, { token: m3.token, body: {} });
    await k.call('POST', `/api/payments/orders/${b}/refunds`, {
      token: m3.token,
      body: { out_refund_no: 'b1', amount: 50 },
    });
    const res = await k.call('GET', '/api/payments/statements?from=2000-01-01&to=2100-01-01', {
      token: m3.token,
    });
    expect(res.status).toBe(200);
    const t = res.json.totals.CNY;
    const app = await k.t.apps.findByAppid(m3.appid);
    // The app's money is spread over shards: its balances are their sums.
    const escrow = await k.t.ledger.balanceOf({
      kind: 'app_escrow',
      ownerId: app?.id as string,
      currency: 'CNY',
    });
    const merchant = await k.t.ledger.balanceOf({
      kind: 'merchant_balance',
      ownerId: app?.id as string,
      currency: 'CNY',
    });
    expect(t.held_change).toBe(escrow.creditsPending + escrow.creditsPosted - escrow.debitsPosted);
    expect(t.merchant_balance_change).toBe(merchant.creditsPosted - merchant.debitsPosted);
    expect(t).toMatchObject({
      paid: 3333,
      refunded: 150,
      refunded_from_escrow: 100,
      refunded_from_balance: 50,
      settled: 2900,
    });
    expect(t.commission + t.split + t.merchant).toBe(t.settled);
    const csv = await k.t.app.inject({
      method: 'GET',
      url: '/api/payments/statements?from=2000-01-01&to=2100-01-01&format=csv',
      headers: { authorization: `Bearer ${m3.token}` },
    });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[0]).toBe(
      'type,at,order_id,out_order_no,refund_id,out_refund_no,receiver_id,currency,amount',
    );
    expect(csv.body).toContain('total_held_change,,,,,,,CNY,');

    // The console reads the same statement and the balances with the owner's session.
    const owner = (url: string) => k.call('GET', `/api/apps/${m3.appid}${url}`, { token: m3.owner.token });
    const viaConsole = await owner('/statements?from=2000-01-01&to=2100-01-01');
    expect(viaConsole.json).toEqual(res.json);
    const consoleCsv = await k.t.app.inject({
      method: 'GET',
      url: `/api/apps/${m3.appid}/statements?from=2000-01-01&to=2100-01-01&format=csv`,
      headers: { authorization: `Bearer ${m3.owner.token}` },
    });
    expect(consoleCsv.body).toBe(csv.body);
    expect((await owner('/balances')).json).toEqual({
      items: [{ currency: 'CNY', held: t.held_change, available: t.merchant_balance_change, pending_out: 0 }],
    });
    const backwards = await owner('/statements?from=2030-01-01&to=2020-01-01');
    expect([backwards.status, backwards.json.error.code]).toEqual([400, 'PAYMENT_RANGE_INVALID']);
    const receiver = await k.call('POST', `/api/apps/${m3.appid}/receivers`, {
      token: m3.owner.token,
      body: { name: 'Rider pool', out_receiver_no: 'R1' },
    });
    expect(receiver.status, JSON.stringify(receiver.json)).toBe(200);
    expect((await owner('/receivers')).json.items).toEqual([receiver.json]);
  });
  // Last: moving the clock by days expires the client tokens the tests above use.
  it('closes unpaid orders when their validity passes, and then refuses to pay them', async () => {
    const o = await order(100, { valid_seconds: 60 });
    k.clock.advance(61_000);
    await k.t.jobs.workers.runDue();
    expect((await k.t.payments.orders.get(m.appId, o.order_id)).status).toBe('closed');
    const res = await pay(o);
    expect(res.status).toBe(410);
    expect(res.json.error).toMatchObject({ code: 'PAYMENT_ORDER_TOKEN_EXPIRED', details: { pay_code: 3 } });
    expect(k.receiver.events.some((e) => e.type === 'order.closed' && e.data.order_id === o.order_id)).toBe(
      true,
    );
  });

  it('settles automatically after the holding period', async () => {
    const o = await paidOrder(400);
    k.clock.advance(7 * 24 * 3600_000 + 1000);
    await k.t.jobs.workers.runDue();
    expect((await k.t.payments.orders.get(m.appId, o.order_id)).status).toBe('settled');
    await ledgerOk();
  });
});
