import { describe, expect, it } from 'vitest';
import { testEngines } from '../support/test-database.ts';
import { diffSnapshots, snapshotDatabase } from './database-snapshot.ts';
import { fuzzWorldFor } from './fuzz-world.ts';
import { conventionProblem } from './refusal-envelope.ts';

/** `Idempotency-Key` misuse on a merchant mutation: malformed, reused with another body, raced. */
describe.each(testEngines)('Idempotency-Key abuse on %s', (engine) => {
  const s = fuzzWorldFor(engine);

  let orderNo = 0;
  const order = (amount = 300) => ({
    out_order_no: `IDEM${++orderNo}`,
    openid: s.fw.world.openid,
    total_amount: amount,
    currency: 'CNY',
    subject: 'Dumplings',
  });

  async function create(key: string | undefined, body: object) {
    const res = await s.t.app.inject({
      method: 'POST',
      url: '/api/payments/orders',
      headers: {
        authorization: `Bearer ${s.fw.tokens.app}`,
        ...(key === undefined ? {} : { 'idempotency-key': key }),
      },
      payload: body,
    });
    const json = res.json() as { order_id?: string; error?: { code: string } };
    return {
      status: res.statusCode,
      code: json.error?.code,
      orderId: json.order_id,
      problem: conventionProblem(res.statusCode, res.headers['content-type']?.toString(), res.body),
    };
  }

  it('refuses malformed keys with 400 and creates nothing', async () => {
    const before = await snapshotDatabase(s.t.db, s.t.engine);
    for (const key of ['', 'has space', 'k'.repeat(256), '../..', 'a/b', 'semi;colon', '\u00fc']) {
      const res = await create(key, order());
      expect(res, JSON.stringify(key)).toMatchObject({
        status: 400,
        code: 'HTTP_BAD_REQUEST',
        problem: undefined,
      });
    }
    expect(diffSnapshots(before, await snapshotDatabase(s.t.db, s.t.engine))).toEqual([]);
  });

  it('replays a repeat, refuses the key with another body with 409 and changes nothing', async () => {
    const body = order();
    const first = await create('order-key-1', body);
    expect(first.status).toBe(201);
    const before = await snapshotDatabase(s.t.db, s.t.engine);
    const again = await create('order-key-1', body);
    expect(again).toMatchObject({ status: 201, orderId: first.orderId });
    const other = await create('order-key-1', { ...body, total_amount: 999 });
    expect(other).toMatchObject({ status: 409, code: 'HTTP_IDEMPOTENCY_CONFLICT', problem: undefined });
    expect(diffSnapshots(before, await snapshotDatabase(s.t.db, s.t.engine))).toEqual([]);
  });

  it('creates one order when ten requests race with one key', async () => {
    const body = order();
    const replies = await Promise.all(Array.from({ length: 10 }, () => create('race-key', body)));
    expect(replies.filter((r) => r.problem)).toEqual([]);
    const created = new Set(replies.filter((r) => r.status === 201).map((r) => r.orderId));
    expect(created.size).toBe(1);
    // The losers either replayed the winner or were told it is still running.
    for (const r of replies.filter((x) => x.status !== 201))
      expect(r.code).toBe('HTTP_IDEMPOTENCY_IN_PROGRESS');
    const rows = await s.t.db
      .selectFrom('payment_order')
      .select('id')
      .where('out_order_no', '=', body.out_order_no)
      .execute();
    expect(rows).toHaveLength(1);
  });
});
