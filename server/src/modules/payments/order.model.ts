import type { OrderStatus } from './order-state.ts';
import type { OrderRow, ReceiverRow, RefundRow } from './payments.table.ts';

export interface OrderItem {
  name: string;
  quantity: number;
  unitAmount: number;
}

/** An order as the service speaks of it; routes translate it to the wire shape. */
export interface Order {
  id: string;
  appId: string;
  appid: string;
  orgId: string;
  userId: string;
  openid: string;
  outOrderNo: string;
  status: OrderStatus;
  totalAmount: number;
  refundedAmount: number;
  currency: string;
  subject: string;
  body: string | null;
  items: OrderItem[];
  cpExtra: string | null;
  expiresAt: number;
  holdSeq: number;
  channel: string | null;
  paidAt: number | null;
  closedAt: number | null;
  settledAt: number | null;
  settlement: {
    commissionBps: number;
    commissionAmount: number;
    splitAmount: number;
    merchantAmount: number;
  } | null;
  /** The commission and holding period recorded when the order was created (null on older orders). */
  terms: { categoryId: string; commissionBps: number; holdingMs: number | null } | null;
  createdAt: number;
}

export interface Refund {
  id: string;
  orderId: string;
  appId: string;
  userId: string;
  outRefundNo: string | null;
  amount: number;
  currency: string;
  status: RefundRow['status'];
  reason: string | null;
  declineReason: string | null;
  source: RefundRow['source'];
  createdAt: number;
  succeededAt: number | null;
}

export interface Receiver {
  id: string;
  orgId: string;
  name: string;
  outReceiverNo: string;
  createdAt: number;
}

const num = (v: number | string | bigint | null): number | null => (v === null ? null : Number(v));

export function toOrder(row: OrderRow): Order {
  return {
    id: row.id,
    appId: row.app_id,
    appid: row.appid,
    orgId: row.org_id,
    userId: row.user_id,
    openid: row.openid,
    outOrderNo: row.out_order_no,
    status: row.status,
    totalAmount: Number(row.total_amount),
    refundedAmount: Number(row.refunded_amount),
    currency: row.currency,
    subject: row.subject,
    body: row.body,
    items: (JSON.parse(row.items) as { name: string; quantity: number; unit_amount: number }[]).map((i) => ({
      name: i.name,
      quantity: i.quantity,
      unitAmount: i.unit_amount,
    })),
    cpExtra: row.cp_extra,
    expiresAt: Number(row.expires_at),
    holdSeq: Number(row.hold_seq),
    channel: row.channel,
    paidAt: num(row.paid_at),
    closedAt: num(row.closed_at),
    settledAt: num(row.settled_at),
    settlement:
      row.settled_at === null
        ? null
        : {
            commissionBps: Number(row.commission_bps),
            commissionAmount: Number(row.commission_amount),
            splitAmount: Number(row.split_amount),
            merchantAmount: Number(row.merchant_amount),
          },
    terms:
      row.terms_category === null
        ? null
        : {
            categoryId: row.terms_category,
            commissionBps: Number(row.terms_commission_bps),
            holdingMs: num(row.terms_holding_ms),
          },
    createdAt: Number(row.created_at),
  };
}

export function toRefund(row: RefundRow): Refund {
  return {
    id: row.id,
    orderId: row.order_id,
    appId: row.app_id,
    userId: row.user_id,
    outRefundNo: row.out_refund_no,
    amount: Number(row.amount),
    currency: row.currency,
    status: row.status,
    reason: row.reason,
    declineReason: row.decline_reason,
    source: row.source,
    createdAt: Number(row.created_at),
    succeededAt: num(row.succeeded_at),
  };
}

export function toReceiver(row: ReceiverRow): Receiver {
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    outReceiverNo: row.out_receiver_no,
    createdAt: Number(row.created_at),
  };
}
