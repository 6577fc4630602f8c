/**
 * The order's state machine, pure: given where an order stands and what is asked,
 * either the next state or the reason it is refused. The service applies the answer
 * under a lock on the order row; the property tests check the rules on their own.
 *
 *   created ──pay──▶ paid ──settle──▶ settled
 *      │               │                 │
 *    close          refund (all)      refund (all)
 *      ▼               ▼                 ▼
 *    closed         refunded ◀───────────┘
 *
 * A partial refund keeps the status (`paid` or `settled`) and raises `refunded`.
 * `closed` and `refunded` are terminal.
 */
export const orderStatuses = ['created', 'paid', 'settled', 'closed', 'refunded'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const terminalStatuses: ReadonlySet<OrderStatus> = new Set(['closed', 'refunded']);

export interface OrderMoney {
  status: OrderStatus;
  total: number;
  /** Sum of succeeded refunds, in minor units. */
  refunded: number;
}

export type OrderEvent =
  | { type: 'pay' }
  | { type: 'close' }
  | { type: 'settle' }
  | { type: 'refund'; amount: number };

/** Why an event is refused; the service maps each to a coded error. */
export type Refusal =
  | 'not_paid'
  | 'closed'
  | 'already_settled'
  | 'fully_refunded'
  | 'already_paid'
  | 'amount_invalid'
  | 'exceeds_refundable';

export type Decision =
  | {
      ok: true;
      next: OrderMoney;
      /** For a refund: where the money comes from (the hold before settlement, the merchant after). */
      source?: 'escrow' | 'merchant_balance';
    }
  | { ok: false; refusal: Refusal };

const refuse = (refusal: Refusal): Decision => ({ ok: false, refusal });

/** What is still refundable (and, before settlement, still held in escrow). */
export function refundable(order: OrderMoney): number {
  return order.status === 'paid' || order.status === 'settled' ? order.total - order.refunded : 0;
}

function refusalForStatus(status: OrderStatus): Refusal {
  switch (status) {
    case 'created':
      return 'not_paid';
    case 'closed':
      return 'closed';
    case 'settled':
      return 'already_settled';
    case 'refunded':
      return 'fully_refunded';
    case 'paid':
      return 'already_paid';
  }
}

/**
 * @example
 * decide({ status: 'paid', total: 100, refunded: 0 }, { type: 'refund', amount: 30 })
 * // { ok: true, next: { status: 'paid', total: 100, refunded: 30 }, source: 'escrow' }
 */
export function decide(order: OrderMoney, event: OrderEvent): Decision {
  switch (event.type) {
    case 'pay':
      return order.status === 'created'
        ? { ok: true, next: { ...order, status: 'paid' } }
        : refuse(refusalForStatus(order.status));
    case 'close':
      return order.status === 'created'
        ? { ok: true, next: { ...order, status: 'closed' } }
        : refuse(refusalForStatus(order.status));
    case 'settle':
      return order.status === 'paid' && order.refunded < order.total
        ? { ok: true, next: { ...order, status: 'settled' } }
        : refuse(refusalForStatus(order.status));
    case 'refund': {
      if (order.status !== 'paid' && order.status !== 'settled')
        return refuse(refusalForStatus(order.status));
      if (!Number.isSafeInteger(event.amount) || event.amount <= 0) return refuse('amount_invalid');
      if (event.amount > refundable(order)) return refuse('exceeds_refundable');
      const refunded = order.refunded + event.amount;
      return {
        ok: true,
        next: { ...order, refunded, status: refunded === order.total ? 'refunded' : order.status },
        source: order.status === 'paid' ? 'escrow' : 'merchant_balance',
      };
    }
  }
}
