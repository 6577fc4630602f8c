import type { Trx } from '../../db/database.ts';
import type { WebhooksService } from '../webhooks/index.ts';
import type { Order, Refund } from './order.model.ts';

/**
 * The callbacks a merchant's server receives, one per state change it must know of,
 * always enqueued in the transaction of that change.
 */
export const paymentEvents = {
  paid: 'payment.paid',
  closed: 'order.closed',
  settled: 'order.settled',
  refundSucceeded: 'refund.succeeded',
  refundRequested: 'refund.requested',
} as const;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function orderEventData(order: Order) {
  return {
    appid: order.appid,
    order_id: order.id,
    out_order_no: order.outOrderNo,
    openid: order.openid,
    status: order.status,
    total_amount: order.totalAmount,
    refunded_amount: order.refundedAmount,
    currency: order.currency,
    cp_extra: order.cpExtra,
    paid_at: iso(order.paidAt),
    closed_at: iso(order.closedAt),
    settled_at: iso(order.settledAt),
    ...(order.settlement
      ? {
          commission_amount: order.settlement.commissionAmount,
          split_amount: order.settlement.splitAmount,
          merchant_amount: order.settlement.merchantAmount,
        }
      : {}),
  };
}

export function refundEventData(order: Order, refund: Refund) {
  return {
    appid: order.appid,
    order_id: order.id,
    out_order_no: order.outOrderNo,
    refund_id: refund.id,
    out_refund_no: refund.outRefundNo,
    amount: refund.amount,
    currency: refund.currency,
    status: refund.status,
    source: refund.source,
    reason: refund.reason,
    refunded_amount: order.refundedAmount,
  };
}

/** Enqueues an order's callback in the transaction of its change. */
export async function emitOrderEvent(
  trx: Trx,
  webhooks: Pick<WebhooksService, 'enqueueEvent'>,
  order: Order,
  type: string,
): Promise<void> {
  await webhooks.enqueueEvent(trx, { appId: order.appId, type, data: orderEventData(order) });
}
