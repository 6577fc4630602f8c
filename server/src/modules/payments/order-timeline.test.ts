import { describe, expect, it } from 'vitest';
import type { Order, Refund } from './order.model.ts';
import { orderTimeline } from './order-timeline.ts';

const order: Order = {
  id: 'o1',
  appId: 'a1',
  appid: 'tt1',
  orgId: 'g1',
  userId: 'u1',
  openid: 'op1',
  outOrderNo: 'N1',
  status: 'settled',
  totalAmount: 3200,
  refundedAmount: 700,
  currency: 'CNY',
  subject: 'Noodles',
  body: null,
  items: [],
  cpExtra: null,
  expiresAt: 9_000,
  holdSeq: 1,
  channel: 'sandbox',
  paidAt: 2_000,
  closedAt: null,
  settledAt: 8_000,
  settlement: { commissionBps: 200, commissionAmount: 50, splitAmount: 0, merchantAmount: 2450 },
  terms: { categoryId: 'automotive', commissionBps: 200, holdingMs: null },
  createdAt: 1_000,
};

const refund = (r: Partial<Refund>): Refund => ({
  id: 'r',
  orderId: 'o1',
  appId: 'a1',
  userId: 'u1',
  outRefundNo: null,
  amount: 100,
  currency: 'CNY',
  status: 'succeeded',
  reason: null,
  declineReason: null,
  source: 'escrow',
  createdAt: 0,
  succeededAt: 0,
  ...r,
});

describe('an order timeline', () => {
  it('lists creation, payment, each refund asked and answered, and settlement, oldest first', () => {
    const events = orderTimeline(order, [
      refund({ id: 'merchant', amount: 500, createdAt: 3_000, succeededAt: 3_000 }),
      refund({ id: 'asked', amount: 200, createdAt: 4_000, succeededAt: 6_000, reason: 'cold' }),
      refund({
        id: 'refused',
        status: 'declined',
        createdAt: 5_000,
        succeededAt: null,
        declineReason: 'eaten',
      }),
    ]);
    expect(events.map((e) => [e.at, e.kind, e.amount, e.refundId])).toEqual([
      [1_000, 'created', 3200, null],
      [2_000, 'paid', 3200, null],
      [3_000, 'refund_succeeded', 500, 'merchant'],
      [4_000, 'refund_requested', 200, 'asked'],
      [5_000, 'refund_requested', 100, 'refused'],
      [5_000, 'refund_declined', 100, 'refused'],
      [6_000, 'refund_succeeded', 200, 'asked'],
      [8_000, 'settled', 2450, null],
    ]);
    expect(events.find((e) => e.kind === 'refund_declined')?.note).toBe('eaten');
  });

  it('shows an unpaid order that closed', () => {
    const closed = {
      ...order,
      status: 'closed' as const,
      paidAt: null,
      settledAt: null,
      settlement: null,
      closedAt: 9_000,
    };
    expect(orderTimeline(closed, []).map((e) => e.kind)).toEqual(['created', 'closed']);
  });
});
