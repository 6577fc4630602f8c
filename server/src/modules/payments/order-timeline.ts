import type { OrderTimelineEvent } from '@plaza/api-types/console';
import type { Order, Refund } from './order.model.ts';

/** The kinds of event the console's order page shows (`@plaza/api-types/console`). */
export type TimelineKind = OrderTimelineEvent['kind'];
export const timelineKinds = [
  'created',
  'paid',
  'closed',
  'refund_requested',
  'refund_succeeded',
  'refund_declined',
  'settled',
] as const satisfies readonly TimelineKind[];

export interface TimelineEvent {
  at: number;
  kind: TimelineKind;
  /** Minor units moved by the event, when it moves money. */
  amount: number | null;
  refundId: string | null;
  note: string | null;
}

/**
 * What happened to an order, oldest first: created, paid or closed, each refund asked and
 * answered, settled. Derived from the order and its refunds, never stored twice.
 *
 * @example
 * orderTimeline(order, refunds).map((e) => e.kind) // ['created', 'paid', 'refund_succeeded']
 */
export function orderTimeline(order: Order, refunds: readonly Refund[]): TimelineEvent[] {
  const events: TimelineEvent[] = [
    { at: order.createdAt, kind: 'created', amount: order.totalAmount, refundId: null, note: order.subject },
  ];
  if (order.paidAt !== null)
    events.push({
      at: order.paidAt,
      kind: 'paid',
      amount: order.totalAmount,
      refundId: null,
      note: order.channel,
    });
  if (order.closedAt !== null)
    events.push({ at: order.closedAt, kind: 'closed', amount: null, refundId: null, note: null });
  for (const r of refunds) {
    // A refund the merchant issued succeeds at once; only a user's request waits for an answer.
    if (r.status !== 'succeeded' || r.succeededAt !== r.createdAt)
      events.push({
        at: r.createdAt,
        kind: 'refund_requested',
        amount: r.amount,
        refundId: r.id,
        note: r.reason,
      });
    if (r.status === 'succeeded' && r.succeededAt !== null)
      events.push({
        at: r.succeededAt,
        kind: 'refund_succeeded',
        amount: r.amount,
        refundId: r.id,
        note: r.reason,
      });
    if (r.status === 'declined')
      events.push({
        at: r.createdAt,
        kind: 'refund_declined',
        amount: r.amount,
        refundId: r.id,
        note: r.declineReason,
      });
  }
  if (order.settledAt !== null)
    events.push({
      at: order.settledAt,
      kind: 'settled',
      amount: order.settlement?.merchantAmount ?? null,
      refundId: null,
      note: order.settlement ? `commission ${order.settlement.commissionAmount}` : null,
    });
  // Stable: events at the same instant keep the order they were pushed in.
  return events.sort((a, b) => a.at - b.at);
}
