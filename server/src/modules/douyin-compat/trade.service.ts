import { newId } from '../../db/ids.ts';
import { PlazaError } from '../../errors/index.ts';
import type { Order, Refund } from '../payments/index.ts';
import type { DouyinCompatContext } from './douyin-compat-context.ts';
import {
  deleteEcpayRequest,
  findEcpayRequest,
  insertEcpayRequest,
  setRequestRefund,
} from './ecpay.repository.ts';
import type { EcpaySplit } from './ecpay.service.ts';
import { douyinErrors } from './errors.ts';

/** Which order a trade_basic call names: Douyin's `order_id` (Plaza's order id) or `out_order_no`. */
export interface OrderRef {
  orderId?: string | undefined;
  outOrderNo?: string | undefined;
}

export interface TradeRefund {
  refundId: string;
  outRefundNo: string;
  orderId: string;
  amount: number;
  status: 'PROCESSING' | 'SUCCESS' | 'FAIL';
  refundedAt: number | null;
  cpExtra: string | null;
}

export interface TradeSettle {
  settleId: string;
  outSettleNo: string;
  orderId: string;
  status: 'PROCESSING' | 'SUCCESS';
  settleAmount: number;
  rake: number;
  settledAt: number | null;
  cpExtra: string | null;
}

/**
 * The trade system's developer routes (`trade_basic`), on Plaza's orders, refunds and
 * settlement. Every call presents a client token in `access-token`; its app is the scope.
 */
export interface TradeService {
  /** The app whose live client token this is; DOUYIN_ACCESS_TOKEN_INVALID otherwise. */
  appOfToken(token: string | undefined): Promise<string>;
  order(appId: string, ref: OrderRef): Promise<Order>;
  refund(
    appId: string,
    input: {
      outOrderNo: string;
      outRefundNo: string;
      amount: number;
      reason: string;
      cpExtra: string | null;
      notifyUrl: string | null;
    },
  ): Promise<TradeRefund>;
  refundOf(appId: string, outRefundNo: string): Promise<TradeRefund>;
  /** The merchant's answer to a user's refund request (`refund_audit_callback`). */
  auditRefund(appId: string, outRefundNo: string, agree: boolean, denyMessage: string): Promise<void>;
  settle(
    appId: string,
    input: {
      outOrderNo: string;
      outSettleNo: string;
      splits: EcpaySplit[];
      cpExtra: string | null;
      notifyUrl: string | null;
    },
  ): Promise<TradeSettle>;
  settlementOf(appId: string, outSettleNo: string): Promise<TradeSettle>;
}

export type TradeDeps = Pick<DouyinCompatContext, 'db' | 'clock' | 'apps' | 'payments'>;

const refundStatus = (r: Refund): TradeRefund['status'] =>
  r.status === 'succeeded' ? 'SUCCESS' : r.status === 'declined' ? 'FAIL' : 'PROCESSING';

export function createTradeService(ctx: TradeDeps): TradeService {
  const { db, clock, apps, payments } = ctx;

  async function order(appId: string, ref: OrderRef): Promise<Order> {
    if (ref.orderId) return payments.orders.get(appId, ref.orderId);
    if (ref.outOrderNo) return payments.orders.getByOutOrderNo(appId, ref.outOrderNo);
    throw douyinErrors.PARAMS_INVALID({ field: 'order_id' });
  }

  async function recorded(appId: string, kind: 'trade_refund' | 'trade_settle', outNo: string) {
    const row = outNo.length <= 64 ? await findEcpayRequest(db, appId, kind, outNo) : undefined;
    if (!row)
      throw kind === 'trade_refund' ? douyinErrors.REFUND_NOT_FOUND() : douyinErrors.SETTLE_NOT_FOUND();
    return row;
  }

  /** Records the request, runs the payments operation, and forgets the record if payments refuses. */
  async function recordedRun<T>(
    row: Parameters<typeof insertEcpayRequest>[1],
    work: () => Promise<T>,
  ): Promise<T> {
    const inserted = await insertEcpayRequest(db, row);
    const existing = await findEcpayRequest(db, row.app_id, row.kind, row.out_no);
    if (!existing || existing.order_id !== row.order_id)
      throw row.kind === 'trade_refund' ? douyinErrors.REFUND_EXISTS() : douyinErrors.SETTLE_EXISTS();
    try {
      return await work();
    } catch (error) {
      if (inserted && error instanceof PlazaError) await deleteEcpayRequest(db, row.id);
      throw error;
    }
  }

  async function settleView(
    appId: string,
    row: { id: string; out_no: string; order_id: string; cp_extra: string | null },
  ) {
    const o = await payments.orders.get(appId, row.order_id);
    return {
      settleId: row.id,
      outSettleNo: row.out_no,
      orderId: o.id,
      status: o.settlement ? ('SUCCESS' as const) : ('PROCESSING' as const),
      settleAmount: o.settlement ? o.totalAmount - o.refundedAmount : 0,
      rake: o.settlement?.commissionAmount ?? 0,
      settledAt: o.settledAt,
      cpExtra: row.cp_extra,
    };
  }

  return {
    async appOfToken(token) {
      const resolved = token ? await apps.resolveClientToken(token) : undefined;
      if (!resolved) throw douyinErrors.ACCESS_TOKEN_INVALID();
      return resolved.appId;
    },

    order,

    async refund(appId, input) {
      const o = await order(appId, { outOrderNo: input.outOrderNo });
      const row = {
        id: newId('dyr'),
        app_id: appId,
        kind: 'trade_refund' as const,
        out_no: input.outRefundNo,
        order_id: o.id,
        refund_id: null,
        cp_extra: input.cpExtra,
        notify_url: input.notifyUrl,
        created_at: clock.now(),
      };
      const refund = await recordedRun(row, () =>
        payments.refunds.refund(appId, o.id, {
          outRefundNo: input.outRefundNo,
          amount: input.amount,
          reason: input.reason,
        }),
      );
      const stored = await recorded(appId, 'trade_refund', input.outRefundNo);
      if (stored.refund_id === null) await setRequestRefund(db, stored.id, refund.id);
      return {
        refundId: refund.id,
        outRefundNo: input.outRefundNo,
        orderId: o.id,
        amount: refund.amount,
        status: refundStatus(refund),
        refundedAt: refund.succeededAt,
        cpExtra: stored.cp_extra,
      };
    },

    async refundOf(appId, outRefundNo) {
      const row = await recorded(appId, 'trade_refund', outRefundNo);
      if (row.refund_id === null) throw douyinErrors.REFUND_NOT_FOUND();
      const refund = await payments.refunds.get(appId, row.refund_id);
      return {
        refundId: refund.id,
        outRefundNo,
        orderId: refund.orderId,
        amount: refund.amount,
        status: refundStatus(refund),
        refundedAt: refund.succeededAt,
        cpExtra: row.cp_extra,
      };
    },

    async auditRefund(appId, refundId, agree, denyMessage) {
      if (agree) await payments.refunds.accept(appId, refundId);
      else await payments.refunds.decline(appId, refundId, denyMessage || 'Declined by the merchant');
    },

    async settle(appId, input) {
      const o = await order(appId, { outOrderNo: input.outOrderNo });
      const receivers = input.splits.length > 0 ? await payments.settlement.listReceivers(appId) : [];
      const splits = input.splits.map((s) => {
        const receiver = receivers.find((r) => r.outReceiverNo === s.merchantUid);
        if (!receiver) throw douyinErrors.RECEIVER_UNKNOWN({ merchant_uid: s.merchantUid });
        return { receiverId: receiver.id, amount: s.amount };
      });
      const row = {
        id: newId('dys'),
        app_id: appId,
        kind: 'trade_settle' as const,
        out_no: input.outSettleNo,
        order_id: o.id,
        refund_id: null,
        cp_extra: input.cpExtra,
        notify_url: input.notifyUrl,
        created_at: clock.now(),
      };
      await recordedRun(row, () => payments.settlement.settle(appId, o.id, splits));
      return settleView(appId, await recorded(appId, 'trade_settle', input.outSettleNo));
    },

    async settlementOf(appId, outSettleNo) {
      return settleView(appId, await recorded(appId, 'trade_settle', outSettleNo));
    },
  };
}
