import type * as Console from '@plaza/api-types/console';
import type { SameShape } from '@plaza/api-types/platform';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PlazaError } from '../../errors/index.ts';
import { appCaller } from '../apps/index.ts';
import { orderTimeline, timelineKinds } from './order-timeline.ts';
import {
  appidParam,
  type ConsoleRouteOptions,
  orderJson,
  orderListFilter,
  orderListQuery,
  orderWire,
  refundBody,
  refundJson,
  refundWire,
  tags,
} from './payments.schemas.ts';

const orderParams = z.strictObject({ appid: z.string().min(1).max(64), id: z.string().min(1).max(64) });
const orderPageWire = z.object({ items: z.array(orderWire), next_cursor: z.string().nullable() });
const timelineWire = z.object({
  at: z.string(),
  kind: z.enum(timelineKinds),
  amount: z.number().nullable(),
  refund_id: z.string().nullable(),
  note: z.string().nullable(),
});
const orderDetailWire = z.object({
  order: orderWire,
  refunds: z.array(refundWire),
  timeline: z.array(timelineWire),
});

// The consoles read these shapes from @plaza/api-types: the schemas must describe them exactly.
const pinned: [
  SameShape<z.infer<typeof orderPageWire>, Console.OrderPage>,
  SameShape<z.infer<typeof refundWire>, Console.PaymentRefund>,
  SameShape<z.infer<typeof orderDetailWire>, Console.OrderDetail>,
] = [true, true, true];
void pinned;

/**
 * The developer console's view of an app's payments, with the console session: the same
 * orders and refunds as the merchant's server API, for any member (refunds: role ≥ developer).
 */
export async function consolePaymentRoutes(
  app: FastifyInstance,
  options: ConsoleRouteOptions,
): Promise<void> {
  const { payments, apps } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/apps/:appid/orders',
    {
      config: { access: ['developer'] },
      schema: {
        tags,
        summary: "The app's orders, newest first, paged on the server, with filters (any member)",
        params: appidParam,
        querystring: z.strictObject({
          ...orderListQuery,
          out_order_no: z.string().min(1).max(64).optional(),
        }),
        response: { 200: orderPageWire },
      },
    },
    async (request) => {
      const q = request.query;
      const { id: appId } = await apps.requireRole(appCaller(request), request.params.appid, 'viewer');
      // The merchant's own number names one order at most.
      if (q.out_order_no) {
        const found = await payments.orders.getByOutOrderNo(appId, q.out_order_no).catch((error: unknown) => {
          if (error instanceof PlazaError && error.code === 'PAYMENT_ORDER_NOT_FOUND') return undefined;
          throw error;
        });
        return { items: found ? [orderJson(found)] : [], next_cursor: null };
      }
      const page = await payments.orders.list({ appId }, orderListFilter(q));
      return { items: page.items.map(orderJson), next_cursor: page.next };
    },
  );

  r.get(
    '/api/apps/:appid/orders/:id',
    {
      config: { access: ['developer'] },
      schema: {
        tags,
        summary: 'One order with its refunds and timeline: created, paid, refunds, settlement (any member)',
        params: orderParams,
        response: { 200: orderDetailWire },
      },
    },
    async (request) => {
      const { id: appId } = await apps.requireRole(appCaller(request), request.params.appid, 'viewer');
      const { order, refunds } = await payments.orderWithRefunds(appId, request.params.id);
      return {
        order: orderJson(order),
        refunds: refunds.map(refundJson),
        timeline: orderTimeline(order, refunds).map((e) => ({
          at: new Date(e.at).toISOString(),
          kind: e.kind,
          amount: e.amount,
          refund_id: e.refundId,
          note: e.note,
        })),
      };
    },
  );

  r.post(
    '/api/apps/:appid/orders/:id/refunds',
    {
      config: { access: ['developer'], idempotent: true },
      schema: {
        tags,
        summary: 'Refunds part or all of a paid order from the console (role ≥ developer)',
        params: orderParams,
        body: refundBody,
        response: { 200: refundWire },
      },
    },
    async (request) => {
      const { id: appId } = await apps.requireRole(appCaller(request), request.params.appid, 'developer');
      const b = request.body;
      return refundJson(
        await payments.refunds.refund(appId, request.params.id, {
          outRefundNo: b.out_refund_no,
          amount: b.amount,
          reason: b.reason ?? null,
        }),
      );
    },
  );
}
