import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { ledgerShardCount, ledgerShardOf } from './ledger-shards.ts';
import { auditPayments, type PaymentsKit, startPaymentsKit } from './testing.ts';

// Many payments, refunds and settlements of ONE app at once. Its money is spread over
// escrow, merchant balance and commission shards, so they need not queue on one row; on
// PostgreSQL they really run at once over the pool's connections. Every outcome is a
// success, the audit is clean (each order's money entered and left through its own shard)
// and the app's summed balances equal what the orders say.
describe.each(testEngines)('one app’s concurrent payments on %s', (engine) => {
  let k: PaymentsKit;
  let m: Awaited<ReturnType<PaymentsKit['merchant']>>;
  const users: Awaited<ReturnType<PaymentsKit['customer']>>[] = [];
  beforeAll(async () => {
    k = await startPaymentsKit(engine);
    m = await k.merchant('food_delivery'); // 250 bps
    for (let i = 0; i < 6; i++) users.push(await k.customer(m.appid));
  });
  afterAll(async () => {
    await k?.stop();
  });

  const merchantCall = (method: string, url: string, body?: unknown) =>
    k.call(method, url, { token: m.token, ...(body === undefined ? {} : { body }) });

  async function expectOk(res: { status: number; json: unknown }, what: string) {
    expect(res.status, `${what}: ${JSON.stringify(res.json)}`).toBeLessThan(300);
    return res.json as Record<string, unknown>;
  }

  /** One order's life: create, pay, then (by its number) refund part before or after settling. */
  async function life(n: number) {
    const user = users[n % users.length] as (typeof users)[number];
    const total = 1000 + n;
    const order = await expectOk(
      await merchantCall('POST', '/api/payments/orders', {
        out_order_no: `C${n}`,
        openid: user.openid,
        total_amount: total,
        currency: 'CNY',
        subject: 'Noodles',
      }),
      'create',
    );
    const orderId = order.order_id as string;
    const paid = await expectOk(
      await k.call('POST', '/api/runtime/payments/pay', {
        token: user.token,
        body: { order_id: orderId, order_token: order.order_token, confirmed: true },
      }),
      'pay',
    );
    expect(paid.code).toBe(0);
    const refund = (no: string, amount: number) =>
      merchantCall('POST', `/api/payments/orders/${orderId}/refunds`, { out_refund_no: no, amount });
    if (n % 4 === 1) await expectOk(await refund(`R${n}a`, 100), 'refund from escrow');
    if (n % 4 === 2) await expectOk(await refund(`R${n}a`, total), 'whole refund');
    if (n % 4 !== 2)
      await expectOk(await merchantCall('POST', `/api/payments/orders/${orderId}/settle`, {}), 'settle');
    // After settlement the merchant's balance pays, from the order's own shard.
    if (n % 4 === 3) await expectOk(await refund(`R${n}b`, 500), 'refund from the balance');
    return orderId;
  }

  it('pays, refunds and settles 48 orders at once without a failure, with a clean audit', {
    timeout: 180_000,
  }, async () => {
    const orders = await Promise.all(Array.from({ length: 48 }, (_, n) => life(n)));

    expect(await auditPayments(k.t.db, engine)).toEqual([]);
    const app = await k.t.apps.findByAppid(m.appid);
    const key = { ownerId: app?.id as string, currency: 'CNY' };
    const rows = await k.t.db
      .selectFrom('payment_order')
      .selectAll()
      .where('app_id', '=', key.ownerId)
      .execute();
    expect(rows).toHaveLength(48);
    for (const row of rows) expect(Number(row.ledger_shard)).toBe(ledgerShardOf(row.id));
    // The orders really were spread: more than one shard each of escrow and merchant balance.
    const escrow = await k.t.ledger.balanceOf({ kind: 'app_escrow', ...key });
    const merchant = await k.t.ledger.balanceOf({ kind: 'merchant_balance', ...key });
    expect(escrow.shards.length).toBeGreaterThan(1);
    expect(escrow.shards.length).toBeLessThanOrEqual(ledgerShardCount);
    expect(merchant.shards.length).toBeGreaterThan(1);

    const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0);
    const held = sum((r) => (r.status === 'paid' ? Number(r.total_amount) - Number(r.refunded_amount) : 0));
    expect(held).toBe(0);
    // Escrow: every payment came in and went out again, to a settlement or a refund.
    expect(escrow.creditsPending).toBe(0);
    expect(escrow.creditsPosted).toBe(escrow.debitsPosted);
    expect(escrow.creditsPosted).toBe(
      sum((r) =>
        r.settled_at === null
          ? 0
          : Number(r.commission_amount) + Number(r.merchant_amount) + Number(r.split_amount),
      ),
    );
    // Merchant balance: what settlements paid it, less the 12 refunds of 500 it paid.
    expect(merchant.creditsPosted - merchant.debitsPosted).toBe(
      sum((r) => Number(r.merchant_amount ?? 0)) - 12 * 500,
    );
    expect(orders).toHaveLength(48);
  });

  it('refunds from the balance past what the order’s shard holds by sweeping the app’s other shards', async () => {
    // Fresh orders of a new app until one lands in a second shard: `b` is that one, the
    // others (one or more, by chance of their ids) share the first shard.
    m = await k.merchant('food_delivery');
    users.splice(0, users.length, await k.customer(m.appid));
    const first: string[] = [await life(400)]; // created, paid and settled
    let b = '';
    for (let n = 101; !b; n++) {
      const id = await life(n * 4);
      if (ledgerShardOf(id) === ledgerShardOf(first[0] as string)) first.push(id);
      else b = id;
    }
    const totalOf = async (id: string) =>
      Number(
        (
          await k.t.db
            .selectFrom('payment_order')
            .select('total_amount')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).total_amount,
      );
    // The whole of b: more than its shard got (the commission stayed with the platform).
    const res = await merchantCall('POST', `/api/payments/orders/${b}/refunds`, {
      out_refund_no: 'SW1',
      amount: await totalOf(b),
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({ status: 'succeeded', source: 'merchant_balance' });
    const transfers = (await k.t.ledger.listTransfers({ userData: b })).items;
    const sweep = transfers.filter((x) => x.code === 'shard_sweep');
    expect(sweep).toHaveLength(1);
    const app = await k.t.apps.findByAppid(m.appid);
    const shardOf = async (id: string) => (await k.t.ledger.getAccount(id))?.shard;
    expect(await shardOf(sweep[0]?.debitAccountId as string)).toBe(ledgerShardOf(first[0] as string));
    expect(await shardOf(sweep[0]?.creditAccountId as string)).toBe(ledgerShardOf(b));
    const merchantHolds = async () => {
      const held = await k.t.ledger.balanceOf({
        kind: 'merchant_balance',
        ownerId: app?.id as string,
        currency: 'CNY',
      });
      return held.creditsPosted - held.debitsPosted;
    };
    // Refunding every other order whole asks for more than all shards hold together (each
    // paid its commission): one is refused, and the refused one moves nothing.
    let refused: { error?: { code: string } } | undefined;
    for (const [i, id] of first.entries()) {
      const before = await merchantHolds();
      const more = await merchantCall('POST', `/api/payments/orders/${id}/refunds`, {
        out_refund_no: `SW${i + 2}`,
        amount: await totalOf(id),
      });
      if (more.status === 200) continue;
      refused = more.json;
      expect(await merchantHolds()).toBe(before);
      break;
    }
    expect(refused?.error?.code).toBe('PAYMENT_MERCHANT_BALANCE_INSUFFICIENT');
    expect(await merchantHolds()).toBeGreaterThanOrEqual(0);
    expect(await auditPayments(k.t.db, engine)).toEqual([]);
  });
});
