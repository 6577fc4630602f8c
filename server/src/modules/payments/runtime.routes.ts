import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/access.ts';
import {
  orderJson,
  orderWire,
  type PaymentsRouteOptions,
  refundJson,
  refundWire,
  tags,
} from './payments.schemas.ts';

/** The end user's side, called by the super app: the payment sheet and "My orders". */
export async function runtimePaymentRoutes(
  app: FastifyInstance,
  { payments }: PaymentsRouteOptions,
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/runtime/payments/pay',
    {
      config: { access: ['user'], idempotent: true },
      schema: {
        tags,
        summary:
          "The payment sheet confirms: charge the user and hold the money in escrow. `code` is tt.pay's",
        body: z.strictObject({
          order_id: z.string().min(1).max(64),
          order_token: z.string().min(1).max(256),
          confirmed: z.boolean(),
          outcome: z.enum(['succeeded', 'failed', 'timed_out', 'cancelled']).optional(),
        }),
        response: { 200: z.object({ code: z.number(), outcome: z.string(), order: orderWire }) },
      },
    },
    async (request) => {
      const b = request.body;
      const result = await payments.pay(requireUser(request).userId, {
        orderId: b.order_id,
        orderToken: b.order_token,
        confirmed: b.confirmed,
        ...(b.outcome ? { outcome: b.outcome } : {}),
      });
      return { code: result.code, outcome: result.outcome, order: orderJson(result.order) };
    },
  );

  r.get(
    '/api/me/orders',
    {
      config: { access: ['user'] },
      schema: {
        tags,
        summary: "The signed-in user's orders with their refunds, newest first",
        querystring: z.strictObject({
          cursor: z.string().max(64).optional(),
          limit: z.coerce.number().int().min(1).max(100).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(orderWire.extend({ app_name: z.string(), refunds: z.array(refundWire) })),
            next_cursor: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => {
      const page = await payments.userOrders(requireUser(request).userId, {
        ...(request.query.cursor ? { cursor: request.query.cursor } : {}),
        ...(request.query.limit ? { limit: request.query.limit } : {}),
      });
      return {
        items: page.items.map((i) => ({
          ...orderJson(i.order),
          app_name: i.appName,
          refunds: i.refunds.map(refundJson),
        })),
        next_cursor: page.next,
      };
    },
  );

  r.post(
    '/api/me/orders/:id/refund-requests',
    {
      config: { access: ['user'], idempotent: true },
      schema: {
        tags,
        summary: 'The user asks the merchant for a refund (all that is left when no amount is given)',
        params: z.strictObject({ id: z.string().min(1).max(64) }),
        body: z.strictObject({ amount: z.number().optional(), reason: z.string().min(1).max(256) }),
        response: { 201: refundWire },
      },
    },
    async (request, reply) => {
      const refund = await payments.refunds.request(requireUser(request).userId, request.params.id, {
        reason: request.body.reason,
        ...(request.body.amount !== undefined ? { amount: request.body.amount } : {}),
      });
      return reply.code(201).send(refundJson(refund));
    },
  );
}
