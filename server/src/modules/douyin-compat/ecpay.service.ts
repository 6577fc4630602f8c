import { createHash } from 'node:crypto';
import { newId } from '../../db/ids.ts';
import { PlazaError } from '../../errors/index.ts';
import type { App } from '../apps/index.ts';
import { type Order, paymentErrors, type Refund } from '../payments/index.ts';
import type { DouyinEcpayOrderRow } from './douyin-compat.table.ts';
import type { DouyinCompatContext } from './douyin-compat-context.ts';
import {
  deleteEcpayRequest,
  findEcpayOrder,
  findEcpayOrderByOutNo,
  findEcpayRequest,
  insertEcpayOrder,
  insertEcpayRequest,
  linkPlazaOrder,
  setRequestRefund,
} from './ecpay.repository.ts';
import { ecpayTokenMatches, signEcpayToken } from './ecpay-order-token.ts';
import { ecpaySignMatches } from './ecpay-sign.ts';
import { douyinErrors } from './errors.ts';
import { findPaySettings } from './pay-settings.repository.ts';

/** A request as the merchant signed it: its `app_id` and every field, `sign` included. */
export interface SignedRequest {
  appid: string;
  params: Record<string, unknown>;
}

export interface EcpayOrderInput {
  outOrderNo: string;
  totalAmount: number;
  subject: string;
  body: string;
  validTime: number;
  cpExtra: string | null;
  notifyUrl: string | null;
}

export type EcpayOrderStatus = 'PROCESSING' | 'SUCCESS' | 'FAIL' | 'TIMEOUT';

export interface EcpayOrderView {
  orderId: string;
  outOrderNo: string;
  totalAmount: number;
  status: EcpayOrderStatus;
  paidAt: number | null;
  cpExtra: string | null;
}

export interface EcpayRefundView {
  refundNo: string;
  refundAmount: number;
  status: 'SUCCESS' | 'PROCESSING' | 'FAIL';
  refundedAt: number | null;
  cpExtra: string | null;
}

export interface EcpaySettleView {
  settleNo: string;
  settleAmount: number;
  status: 'SUCCESS' | 'PROCESSING' | 'FAIL';
  settledAt: number | null;
  rake: number;
  cpExtra: string | null;
}

export interface EcpaySplit {
  merchantUid: string;
  amount: number;
}

export interface EcpayService {
  /** Records an order any user may pay with its order_token; a repeat with the same fields answers the first. */
  createOrder(
    request: SignedRequest,
    input: EcpayOrderInput,
  ): Promise<{ orderId: string; orderToken: string }>;
  queryOrder(request: SignedRequest, outOrderNo: string): Promise<EcpayOrderView>;
  createRefund(
    request: SignedRequest,
    input: {
      outOrderNo: string;
      outRefundNo: string;
      reason: string;
      refundAmount: number;
      cpExtra: string | null;
      notifyUrl: string | null;
    },
  ): Promise<{ refundNo: string }>;
  queryRefund(request: SignedRequest, outRefundNo: string): Promise<EcpayRefundView>;
  settle(
    request: SignedRequest,
    input: {
      outSettleNo: string;
      outOrderNo: string;
      splits: EcpaySplit[];
      cpExtra: string | null;
      notifyUrl: string | null;
    },
  ): Promise<{ settleNo: string }>;
  querySettle(request: SignedRequest, outSettleNo: string): Promise<EcpaySettleView>;
  /**
   * `tt.pay({ orderInfo: { order_id, order_token }, service: 5 })` of the user: the ecpay
   * order becomes (or is) a Plaza order of theirs, and the host pays that one.
   */
  claim(
    userId: string,
    orderId: string,
    orderToken: string,
  ): Promise<{ orderId: string; orderToken: string }>;
}

export type EcpayDeps = Pick<
  DouyinCompatContext,
  'db' | 'clock' | 'apps' | 'login' | 'payments' | 'ecpayTokenKey'
>;

function orderHash(input: EcpayOrderInput): string {
  const canonical = [
    input.totalAmount,
    input.subject,
    input.body,
    input.validTime,
    input.cpExtra,
    input.notifyUrl,
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** Plaza's order status as ecpay's `order_status`. */
function ecpayStatusOf(order: Order): EcpayOrderStatus {
  if (order.status === 'created') return 'PROCESSING';
  if (order.status === 'closed') return 'TIMEOUT';
  return 'SUCCESS';
}

function refundStatusOf(refund: Refund): EcpayRefundView['status'] {
  if (refund.status === 'succeeded') return 'SUCCESS';
  if (refund.status === 'declined') return 'FAIL';
  return 'PROCESSING';
}

export function createEcpayService(ctx: EcpayDeps): EcpayService {
  const { db, clock, apps, payments } = ctx;

  /** The app whose SALT signed this request; nothing is read or changed for a wrong sign. */
  async function authorize(request: SignedRequest): Promise<App> {
    const app = await apps.requireActive(request.appid);
    const settings = await findPaySettings(db, app.id);
    if (!settings) throw douyinErrors.PAYMENT_NOT_SET_UP({ app_id: request.appid });
    if (!ecpaySignMatches(request.params, settings.salt, request.params.sign))
      throw douyinErrors.SIGN_INVALID();
    return app;
  }

  async function orderOf(app: App, outOrderNo: string): Promise<DouyinEcpayOrderRow> {
    const row = outOrderNo.length <= 64 ? await findEcpayOrderByOutNo(db, app.id, outOrderNo) : undefined;
    if (!row) throw douyinErrors.ORDER_NOT_FOUND({ out_order_no: outOrderNo });
    return row;
  }

  /** The paid Plaza order behind an ecpay order, for refunds and settlement. */
  async function paidOrderOf(
    app: App,
    outOrderNo: string,
  ): Promise<{ row: DouyinEcpayOrderRow; order: Order }> {
    const row = await orderOf(app, outOrderNo);
    if (row.plaza_order_id === null) throw douyinErrors.ORDER_NOT_PAID({ out_order_no: outOrderNo });
    const order = await payments.orders.get(app.id, row.plaza_order_id);
    if (order.status === 'created' || order.status === 'closed')
      throw douyinErrors.ORDER_NOT_PAID({ out_order_no: outOrderNo });
    return { row, order };
  }

  const plazaOrderInput = (row: DouyinEcpayOrderRow, openid: string) => ({
    outOrderNo: row.out_order_no,
    openid,
    totalAmount: Number(row.total_amount),
    currency: 'CNY',
    subject: row.subject,
    body: row.body,
    validSeconds: Math.min(
      Math.max(Number(row.valid_time), payments.options.minValidSeconds),
      payments.options.maxValidSeconds,
    ),
    cpExtra: row.cp_extra,
  });

  /**
   * Runs a payments operation for a request recorded just before it; when payments
   * refuses, the record made for it is removed again and the refusal passes on.
   */
  async function undoneOnRefusal<T>(recordedId: string | undefined, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (recordedId !== undefined && error instanceof PlazaError) await deleteEcpayRequest(db, recordedId);
      throw error;
    }
  }

  return {
    async createOrder(request, input) {
      const app = await authorize(request);
      const now = clock.now();
      const fresh: DouyinEcpayOrderRow = {
        id: newId('dyo'),
        app_id: app.id,
        out_order_no: input.outOrderNo,
        total_amount: input.totalAmount,
        subject: input.subject,
        body: input.body,
        valid_time: input.validTime,
        cp_extra: input.cpExtra,
        notify_url: input.notifyUrl,
        request_hash: orderHash(input),
        plaza_order_id: null,
        expires_at: now + input.validTime * 1000,
        created_at: now,
      };
      const created = await insertEcpayOrder(db, fresh);
      const row = created ? fresh : await findEcpayOrderByOutNo(db, app.id, input.outOrderNo);
      if (!row) throw douyinErrors.ORDER_NOT_FOUND({ out_order_no: input.outOrderNo });
      if (row.request_hash !== fresh.request_hash)
        throw douyinErrors.ORDER_EXISTS({ out_order_no: input.outOrderNo, order_id: row.id });
      const key = await ctx.ecpayTokenKey();
      return {
        orderId: row.id,
        orderToken: signEcpayToken(key, { id: row.id, expiresAt: Number(row.expires_at) }),
      };
    },

    async queryOrder(request, outOrderNo) {
      const app = await authorize(request);
      const row = await orderOf(app, outOrderNo);
      const view = {
        orderId: row.id,
        outOrderNo: row.out_order_no,
        totalAmount: Number(row.total_amount),
        cpExtra: row.cp_extra,
      };
      if (row.plaza_order_id === null) {
        const status = clock.now() >= Number(row.expires_at) ? 'TIMEOUT' : 'PROCESSING';
        return { ...view, status, paidAt: null };
      }
      const order = await payments.orders.get(app.id, row.plaza_order_id);
      return { ...view, status: ecpayStatusOf(order), paidAt: order.paidAt };
    },

    async createRefund(request, input) {
      const app = await authorize(request);
      const { row, order } = await paidOrderOf(app, input.outOrderNo);
      // The request is recorded first: the refund's callback, sent from the refund's own
      // transaction, finds its cp_extra and notify_url there.
      const requestId = newId('dyr');
      const inserted = await insertEcpayRequest(db, {
        id: requestId,
        app_id: app.id,
        kind: 'refund',
        out_no: input.outRefundNo,
        order_id: row.id,
        refund_id: null,
        cp_extra: input.cpExtra,
        notify_url: input.notifyUrl,
        created_at: clock.now(),
      });
      const recorded = await findEcpayRequest(db, app.id, 'refund', input.outRefundNo);
      if (!recorded || recorded.order_id !== row.id)
        throw paymentErrors.OUT_REFUND_NO_EXISTS({ out_refund_no: input.outRefundNo });
      const refund = await undoneOnRefusal(inserted ? requestId : undefined, () =>
        payments.refunds.refund(app.id, order.id, {
          outRefundNo: input.outRefundNo,
          amount: input.refundAmount,
          reason: input.reason,
        }),
      );
      if (recorded.refund_id === null) await setRequestRefund(db, recorded.id, refund.id);
      return { refundNo: refund.id };
    },

    async queryRefund(request, outRefundNo) {
      const app = await authorize(request);
      const recorded =
        outRefundNo.length <= 64 ? await findEcpayRequest(db, app.id, 'refund', outRefundNo) : undefined;
      if (!recorded?.refund_id) throw douyinErrors.REFUND_NOT_FOUND({ out_refund_no: outRefundNo });
      const refund = await payments.refunds.get(app.id, recorded.refund_id);
      return {
        refundNo: refund.id,
        refundAmount: refund.amount,
        status: refundStatusOf(refund),
        refundedAt: refund.succeededAt,
        cpExtra: recorded.cp_extra,
      };
    },

    async settle(request, input) {
      const app = await authorize(request);
      const { row, order } = await paidOrderOf(app, input.outOrderNo);
      const receivers = input.splits.length > 0 ? await payments.settlement.listReceivers(app.id) : [];
      const splits = input.splits.map((s) => {
        const receiver = receivers.find((r) => r.outReceiverNo === s.merchantUid);
        if (!receiver) throw douyinErrors.RECEIVER_UNKNOWN({ merchant_uid: s.merchantUid });
        return { receiverId: receiver.id, amount: s.amount };
      });
      const requestId = newId('dys');
      const inserted = await insertEcpayRequest(db, {
        id: requestId,
        app_id: app.id,
        kind: 'settle',
        out_no: input.outSettleNo,
        order_id: row.id,
        refund_id: null,
        cp_extra: input.cpExtra,
        notify_url: input.notifyUrl,
        created_at: clock.now(),
      });
      const recorded = await findEcpayRequest(db, app.id, 'settle', input.outSettleNo);
      if (!recorded || recorded.order_id !== row.id)
        throw douyinErrors.SETTLE_EXISTS({ out_settle_no: input.outSettleNo });
      await undoneOnRefusal(inserted ? requestId : undefined, () =>
        payments.settlement.settle(app.id, order.id, splits),
      );
      return { settleNo: recorded.id };
    },

    async querySettle(request, outSettleNo) {
      const app = await authorize(request);
      const recorded =
        outSettleNo.length <= 64 ? await findEcpayRequest(db, app.id, 'settle', outSettleNo) : undefined;
      if (!recorded) throw douyinErrors.SETTLE_NOT_FOUND({ out_settle_no: outSettleNo });
      const row = await findEcpayOrder(db, recorded.order_id);
      if (!row?.plaza_order_id) throw douyinErrors.SETTLE_NOT_FOUND({ out_settle_no: outSettleNo });
      const order = await payments.orders.get(app.id, row.plaza_order_id);
      if (order.settlement === null || order.settledAt === null)
        return {
          settleNo: recorded.id,
          settleAmount: 0,
          status: 'PROCESSING',
          settledAt: null,
          rake: 0,
          cpExtra: recorded.cp_extra,
        };
      return {
        settleNo: recorded.id,
        settleAmount: order.totalAmount - order.refundedAmount,
        status: 'SUCCESS',
        settledAt: order.settledAt,
        rake: order.settlement.commissionAmount,
        cpExtra: recorded.cp_extra,
      };
    },

    async claim(userId, orderId, orderToken) {
      const row = orderId.length <= 64 ? await findEcpayOrder(db, orderId) : undefined;
      if (!row) throw douyinErrors.ORDER_NOT_FOUND({ order_id: orderId });
      const key = await ctx.ecpayTokenKey();
      if (!ecpayTokenMatches(key, orderToken, { id: row.id, expiresAt: Number(row.expires_at) }))
        throw douyinErrors.ORDER_TOKEN_INVALID();
      if (row.plaza_order_id === null && clock.now() >= Number(row.expires_at))
        throw douyinErrors.ORDER_EXPIRED();
      const openid = await ctx.login.openidFor(row.app_id, userId);
      let created: Awaited<ReturnType<typeof payments.orders.create>>;
      try {
        // Creating again with the same fields answers the first order: a second tap, or a
        // second device of the same user, pays the same order.
        created = await payments.orders.create(row.app_id, plazaOrderInput(row, openid));
      } catch (error) {
        if (error instanceof PlazaError && error.code === paymentErrors.OUT_ORDER_NO_EXISTS.code)
          throw douyinErrors.ORDER_TAKEN();
        throw error;
      }
      await linkPlazaOrder(db, row.id, created.order.id);
      return { orderId: created.order.id, orderToken: created.token };
    },
  };
}
