import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decide,
  type OrderEvent,
  type OrderMoney,
  type orderStatuses,
  refundable,
  terminalStatuses,
} from './order-state.ts';

const eventArb: fc.Arbitrary<OrderEvent> = fc.oneof(
  fc.constant({ type: 'pay' as const }),
  fc.constant({ type: 'close' as const }),
  fc.constant({ type: 'settle' as const }),
  fc.integer({ min: -5, max: 400 }).map((amount) => ({ type: 'refund' as const, amount })),
  fc.double({ min: 0, max: 10, noNaN: true }).map((amount) => ({ type: 'refund' as const, amount })),
);

/** Runs events from a fresh order, applying what is accepted, as the service does. */
function run(total: number, events: OrderEvent[]) {
  let order: OrderMoney = { status: 'created', total, refunded: 0 };
  const history: OrderMoney[] = [order];
  let settles = 0;
  let pays = 0;
  for (const event of events) {
    const d = decide(order, event);
    if (!d.ok) continue;
    if (event.type === 'settle') settles++;
    if (event.type === 'pay') pays++;
    order = d.next;
    history.push(order);
  }
  return { order, history, settles, pays };
}

describe('the order state machine', () => {
  it('never refunds more than was paid, and refunded means all of it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.array(eventArb, { maxLength: 40 }),
        (total, events) => {
          const { history } = run(total, events);
          for (const o of history) {
            expect(o.refunded).toBeGreaterThanOrEqual(0);
            expect(o.refunded).toBeLessThanOrEqual(o.total);
            expect(Number.isInteger(o.refunded)).toBe(true);
            if (o.status === 'refunded') expect(o.refunded).toBe(o.total);
            if (o.status === 'created' || o.status === 'closed') expect(o.refunded).toBe(0);
          }
        },
      ),
    );
  });

  it('pays at most once and settles at most once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.array(eventArb, { maxLength: 40 }),
        (total, events) => {
          const { settles, pays } = run(total, events);
          expect(pays).toBeLessThanOrEqual(1);
          expect(settles).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('has no transition out of a terminal state', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...terminalStatuses),
        fc.integer({ min: 1, max: 300 }),
        eventArb,
        (status, total, event) => {
          const order = { status, total, refunded: status === 'refunded' ? total : 0 };
          expect(decide(order, event).ok).toBe(false);
        },
      ),
    );
  });

  it('takes refunds from escrow before settlement and from the merchant after', () => {
    expect(decide({ status: 'paid', total: 100, refunded: 0 }, { type: 'refund', amount: 100 })).toEqual({
      ok: true,
      next: { status: 'refunded', total: 100, refunded: 100 },
      source: 'escrow',
    });
    expect(decide({ status: 'settled', total: 100, refunded: 10 }, { type: 'refund', amount: 5 })).toEqual({
      ok: true,
      next: { status: 'settled', total: 100, refunded: 15 },
      source: 'merchant_balance',
    });
  });

  it('names why it refuses', () => {
    const at = (status: (typeof orderStatuses)[number], refunded = 0): OrderMoney => ({
      status,
      total: 100,
      refunded,
    });
    expect(decide(at('created'), { type: 'settle' })).toEqual({ ok: false, refusal: 'not_paid' });
    expect(decide(at('closed'), { type: 'settle' })).toEqual({ ok: false, refusal: 'closed' });
    expect(decide(at('settled'), { type: 'settle' })).toEqual({ ok: false, refusal: 'already_settled' });
    expect(decide(at('refunded', 100), { type: 'settle' })).toEqual({ ok: false, refusal: 'fully_refunded' });
    expect(decide(at('paid', 90), { type: 'refund', amount: 11 })).toEqual({
      ok: false,
      refusal: 'exceeds_refundable',
    });
    expect(decide(at('paid'), { type: 'refund', amount: 0.5 })).toEqual({
      ok: false,
      refusal: 'amount_invalid',
    });
    expect(decide(at('paid'), { type: 'pay' })).toEqual({ ok: false, refusal: 'already_paid' });
    expect(refundable(at('settled', 40))).toBe(60);
  });
});
