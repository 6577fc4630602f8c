import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Order } from '../payments/index.ts';
import { douyinErrorRenderer } from './douyin-envelope.ts';
import { settleParams } from './ecpay.routes.ts';
import type { TradeRefund, TradeService, TradeSettle } from './trade.service.ts';

const tags = ['douyin'];
const open = { access: ['anonymous'] as const };
const no = z.string().min(1).max(64);
const notifyUrl = z
  .union([z.literal(''), z.url({ protocol: /^https?$/ }).max(1024)])
  .optional()
  .transform((v) => (v ? v : null));
const path = (name: string) => `/api/trade_basic/v1/developer/${name}/`;

/** The trade system's envelope: `{err_no: 0, err_msg, log_id, data}`. */
const ok = (request: FastifyRequest, data: unknown) => ({ err_no: 0, err_msg: '', log_id: request.id, data });

/** Beijing time, as the trade system writes its times. */
const beijing = (ms: number | null) =>
  ms === null ? '' : new Date(ms + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);

function payStatus(o: Order): string {
  if (o.status === 'created') return 'PROCESS';
  if (o.status === 'closed') return 'TIMEOUT';
  return 'SUCCESS';
}

const refundJson = (r: TradeRefund) => ({
  refund_id: r.refundId,
  out_refund_no: r.outRefundNo,
  order_id: r.orderId,
  refund_total_amount: r.amount,
  refund_status: r.status,
  refund_at: r.refundedAt === null ? 0 : r.refundedAt,
  cp_extra: r.cpExtra ?? '',
});

const settleJson = (s: TradeSettle) => ({
  settle_id: s.settleId,
  out_settle_no: s.outSettleNo,
  order_id: s.orderId,
  settle_status: s.status,
  settle_amount: s.settleAmount,
  rake: s.rake,
  commission: 0,
  settle_at: s.settledAt === null ? 0 : s.settledAt,
  cp_extra: s.cpExtra ?? '',
});

/**
 * The trade system's developer routes (`trade_basic`), authenticated by the `access-token`
 * header (a client token from `/oauth/client_token/`). One more route is one more `r.post`.
 */
export async function tradeRoutes(app: FastifyInstance, options: { trade: TradeService }): Promise<void> {
  const { trade } = options;
  app.setErrorHandler(douyinErrorRenderer('trade'));
  const r = app.withTypeProvider<ZodTypeProvider>();
  const appOf = (request: FastifyRequest) => {
    const header = request.headers['access-token'];
    return trade.appOfToken(typeof header === 'string' ? header : undefined);
  };

  r.post(
    path('order_query'),
    {
      config: open,
      schema: {
        tags,
        summary: 'trade_basic order_query: an order by order_id or out_order_no',
        body: z.object({ order_id: no.optional(), out_order_no: no.optional() }),
      },
    },
    async (request) => {
      const appId = await appOf(request);
      const o = await trade.order(appId, {
        orderId: request.body.order_id,
        outOrderNo: request.body.out_order_no,
      });
      return ok(request, {
        order_id: o.id,
        out_order_no: o.outOrderNo,
        total_amount: o.totalAmount,
        refund_amount: o.refundedAmount,
        settle_amount: o.settlement ? o.totalAmount - o.refundedAmount : 0,
        pay_status: payStatus(o),
        pay_time: beijing(o.paidAt),
        pay_channel: o.paidAt === null ? 0 : 1,
        channel_pay_id: '',
        seller_uid: '',
        cp_extra: o.cpExtra ?? '',
        message: '',
      });
    },
  );

  r.post(
    path('refund_create'),
    {
      config: open,
      schema: {
        tags,
        summary: 'trade_basic refund_create: refunds part or all of a paid order',
        body: z.object({
          out_order_no: no,
          out_refund_no: no,
          refund_total_amount: z.number().int(),
          refund_reason: z
            .array(z.object({ code: z.number().int().optional(), text: z.string().max(256) }))
            .max(10)
            .optional(),
          cp_extra: z.string().max(2048).optional(),
          notify_url: notifyUrl,
        }),
      },
    },
    async (request) => {
      const appId = await appOf(request);
      const b = request.body;
      const refund = await trade.refund(appId, {
        outOrderNo: b.out_order_no,
        outRefundNo: b.out_refund_no,
        amount: b.refund_total_amount,
        reason: b.refund_reason?.map((x) => x.text).join('; ') || 'Refund',
        cpExtra: b.cp_extra || null,
        notifyUrl: b.notify_url,
      });
      return ok(request, { refund_id: refund.refundId, refund_audit_deadline: 0 });
    },
  );

  r.post(
    path('refund_query'),
    {
      config: open,
      schema: {
        tags,
        summary: 'trade_basic refund_query: a refund by out_refund_no',
        body: z.object({ out_refund_no: no }),
      },
    },
    async (request) => {
      const appId = await appOf(request);
      return ok(request, {
        refund_list: [refundJson(await trade.refundOf(appId, request.body.out_refund_no))],
      });
    },
  );

  r.post(
    path('refund_audit_callback'),
    {
      config: open,
      schema: {
        tags,
        summary:
          "trade_basic refund_audit_callback: the merchant's answer to a user's refund request (1 agree, 2 deny)",
        body: z.object({
          refund_id: no,
          refund_audit_status: z.union([z.literal(1), z.literal(2)]),
          deny_message: z.string().max(256).optional(),
        }),
      },
    },
    async (request) => {
      const appId = await appOf(request);
      const b = request.body;
      await trade.auditRefund(appId, b.refund_id, b.refund_audit_status === 1, b.deny_message ?? '');
      return ok(request, null);
    },
  );

  r.post(
    path('settle_create'),
    {
      config: open,
      schema: {
        tags,
        summary: 'trade_basic settle_create: settles a paid order, with settle_params splits',
        body: z.object({
          out_order_no: no,
          out_settle_no: no,
          settle_desc: z.string().min(1).max(80),
          settle_params: z.string().max(4096).optional(),
          cp_extra: z.string().max(2048).optional(),
          notify_url: notifyUrl,
        }),
      },
    },
    async (request) => {
      const appId = await appOf(request);
      const b = request.body;
      const s = await trade.settle(appId, {
        outOrderNo: b.out_order_no,
        outSettleNo: b.out_settle_no,
        splits: settleParams(b.settle_params),
        cpExtra: b.cp_extra || null,
        notifyUrl: b.notify_url,
      });
      return ok(request, { settle_id: s.settleId });
    },
  );

  r.post(
    path('settle_query'),
    {
      config: open,
      schema: {
        tags,
        summary: 'trade_basic settle_query: a settlement by out_settle_no',
        body: z.object({ out_settle_no: no }),
      },
    },
    async (request) => {
      const appId = await appOf(request);
      return ok(request, {
        settle_list: [settleJson(await trade.settlementOf(appId, request.body.out_settle_no))],
      });
    },
  );
}
