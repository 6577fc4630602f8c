import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { douyinErrorRenderer, douyinOk } from './douyin-envelope.ts';
import type { EcpayService, EcpaySplit, SignedRequest } from './ecpay.service.ts';
import { douyinErrors } from './errors.ts';

const tags = ['douyin'];
const open = { access: ['anonymous'] as const };
const no = z.string().min(1).max(64);
// Integers as Douyin's merchants send them: JSON numbers, or digits in a string.
const amount = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number),
]);
const optionalText = (max: number) => z.string().max(max).optional();
const notifyUrl = z
  .union([z.literal(''), z.url({ protocol: /^https?$/ }).max(1024)])
  .optional()
  .transform((v) => (v ? v : null));
/**
 * Every ecpay request: `app_id`, `sign`, and fields the sign covers. Loose objects keep
 * fields this schema does not name (`disable_msg`, `msg_page`, `store_uid`…): the
 * merchant signed them, so the sign is checked over them too.
 */
const signed = { app_id: z.string().min(1).max(64), sign: z.string().max(64) };

/** `settle_params`: a JSON text of `[{merchant_uid, amount}]`, as Douyin takes it. */
export function settleParams(text: string | undefined): EcpaySplit[] {
  if (text === undefined || text.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw douyinErrors.PARAMS_INVALID({ field: 'settle_params' });
  }
  const list = z
    .array(z.object({ merchant_uid: z.string().min(1).max(64), amount: z.number().int() }))
    .max(50)
    .safeParse(parsed);
  if (!list.success) throw douyinErrors.PARAMS_INVALID({ field: 'settle_params' });
  return list.data.map((s) => ({ merchantUid: s.merchant_uid, amount: s.amount }));
}

const signedRequest = (request: FastifyRequest): SignedRequest => {
  const params = request.body as Record<string, unknown>;
  return { appid: String(params.app_id), params };
};

/** Beijing time, as ecpay writes `pay_time`. */
function beijingTime(ms: number | null): string {
  if (ms === null) return '';
  return new Date(ms + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
}

const seconds = (ms: number | null) => (ms === null ? 0 : Math.floor(ms / 1000));

/** Guaranteed payment's (ecpay v1) developer routes, each checked with the request `sign`. */
export async function ecpayRoutes(app: FastifyInstance, options: { ecpay: EcpayService }): Promise<void> {
  const { ecpay } = options;
  app.setErrorHandler(douyinErrorRenderer('ecpay'));
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/apps/ecpay/v1/create_order',
    {
      config: open,
      schema: {
        tags,
        summary: 'ecpay create_order: an order any user may pay with tt.pay and its order_token',
        body: z.looseObject({
          ...signed,
          out_order_no: no,
          total_amount: amount,
          subject: z.string().min(1).max(128),
          body: z.string().min(1).max(128),
          valid_time: z.union([
            z.number().int(),
            z
              .string()
              .regex(/^\d{1,9}$/)
              .transform(Number),
          ]),
          cp_extra: optionalText(2048),
          notify_url: notifyUrl,
        }),
      },
    },
    async (request) => {
      const b = request.body;
      if (b.total_amount < 1) throw douyinErrors.PARAMS_INVALID({ field: 'total_amount' });
      // Douyin takes 5 minutes to 2 days.
      if (b.valid_time < 300 || b.valid_time > 172_800)
        throw douyinErrors.PARAMS_INVALID({ field: 'valid_time' });
      const created = await ecpay.createOrder(signedRequest(request), {
        outOrderNo: b.out_order_no,
        totalAmount: b.total_amount,
        subject: b.subject,
        body: b.body,
        validTime: b.valid_time,
        cpExtra: b.cp_extra || null,
        notifyUrl: b.notify_url,
      });
      return douyinOk(request, { data: { order_id: created.orderId, order_token: created.orderToken } });
    },
  );

  r.post(
    '/api/apps/ecpay/v1/query_order',
    {
      config: open,
      schema: {
        tags,
        summary: 'ecpay query_order: the order and its payment_info',
        body: z.looseObject({ ...signed, out_order_no: no }),
      },
    },
    async (request) => {
      const o = await ecpay.queryOrder(signedRequest(request), request.body.out_order_no);
      return douyinOk(request, {
        out_order_no: o.outOrderNo,
        order_id: o.orderId,
        payment_info: {
          total_fee: o.totalAmount,
          order_status: o.status,
          pay_time: beijingTime(o.paidAt),
          way: o.paidAt === null ? 0 : 1,
          channel_no: '',
          channel_gateway_no: '',
          seller_uid: '',
          item_id: '',
          cp_extra: o.cpExtra ?? '',
        },
      });
    },
  );

  r.post(
    '/api/apps/ecpay/v1/create_refund',
    {
      config: open,
      schema: {
        tags,
        summary: 'ecpay create_refund: refunds part or all of a paid order',
        body: z.looseObject({
          ...signed,
          out_order_no: no,
          out_refund_no: no,
          reason: z.string().min(1).max(256),
          refund_amount: amount,
          cp_extra: optionalText(2048),
          notify_url: notifyUrl,
        }),
      },
    },
    async (request) => {
      const b = request.body;
      const refund = await ecpay.createRefund(signedRequest(request), {
        outOrderNo: b.out_order_no,
        outRefundNo: b.out_refund_no,
        reason: b.reason,
        refundAmount: b.refund_amount,
        cpExtra: b.cp_extra || null,
        notifyUrl: b.notify_url,
      });
      return douyinOk(request, { refund_no: refund.refundNo });
    },
  );

  r.post(
    '/api/apps/ecpay/v1/query_refund',
    {
      config: open,
      schema: {
        tags,
        summary: 'ecpay query_refund: a refund by out_refund_no',
        body: z.looseObject({ ...signed, out_refund_no: no }),
      },
    },
    async (request) => {
      const f = await ecpay.queryRefund(signedRequest(request), request.body.out_refund_no);
      return douyinOk(request, {
        refundInfo: {
          refund_no: f.refundNo,
          refund_amount: f.refundAmount,
          refund_status: f.status,
          refunded_at: seconds(f.refundedAt),
          is_all_settled: false,
          cp_extra: f.cpExtra ?? '',
        },
      });
    },
  );

  r.post(
    '/api/apps/ecpay/v1/settle',
    {
      config: open,
      schema: {
        tags,
        summary: 'ecpay settle: settles a paid order, with settle_params splits to receivers',
        body: z.looseObject({
          ...signed,
          out_settle_no: no,
          out_order_no: no,
          settle_desc: z.string().min(1).max(80),
          settle_params: optionalText(4096),
          cp_extra: optionalText(2048),
          notify_url: notifyUrl,
        }),
      },
    },
    async (request) => {
      const b = request.body;
      const settled = await ecpay.settle(signedRequest(request), {
        outSettleNo: b.out_settle_no,
        outOrderNo: b.out_order_no,
        splits: settleParams(b.settle_params),
        cpExtra: b.cp_extra || null,
        notifyUrl: b.notify_url,
      });
      return douyinOk(request, { settle_no: settled.settleNo });
    },
  );

  r.post(
    '/api/apps/ecpay/v1/query_settle',
    {
      config: open,
      schema: {
        tags,
        summary: 'ecpay query_settle: a settlement by out_settle_no',
        body: z.looseObject({ ...signed, out_settle_no: no }),
      },
    },
    async (request) => {
      const s = await ecpay.querySettle(signedRequest(request), request.body.out_settle_no);
      return douyinOk(request, {
        settle_info: {
          settle_no: s.settleNo,
          settle_amount: s.settleAmount,
          settle_status: s.status,
          settled_at: seconds(s.settledAt),
          rake: s.rake,
          commission: 0,
          cp_extra: s.cpExtra ?? '',
        },
      });
    },
  );
}
