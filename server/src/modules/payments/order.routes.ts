import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireApp } from '../../http/access.ts';
import {
  createOrderBody,
  idParam,
  merchant,
  mutation,
  orderJson,
  orderListFilter,
  orderListQuery,
  orderWire,
  type PaymentsRouteOptions,
  tags,
} from './payments.schemas.ts';

/** The merchant's orders: creating one for a user, reading them back. */
export async function orderRoutes(app: FastifyInstance, { payments }: PaymentsRouteOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/payments/orders',
    {
      config: mutation,
      schema: {
        tags,
        summary: 'Creates an order for a user of the app; returns it with the order_token for tt.pay',
        body: createOrderBody,
        response: { 201: orderWire.extend({ order_token: z.string() }) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const { order, token } = await payments.orders.create(requireApp(request).appId, {
        outOrderNo: b.out_order_no,
        openid: b.openid,
        totalAmount: b.total_amount,
        currency: b.currency,
        subject: b.subject,
        ...(b.body !== undefined ? { body: b.body } : {}),
        ...(b.items
          ? { items: b.items.map((i) => ({ name: i.name, quantity: i.quantity, unitAmount: i.unit_amount })) }
          : {}),
        ...(b.valid_seconds !== undefined ? { validSeconds: b.valid_seconds } : {}),
        ...(b.cp_extra !== undefined ? { cpExtra: b.cp_extra } : {}),
      });
      return reply.code(201).send({ ...orderJson(order), order_token: token });
    },
  );

  r.get(
    '/api/payments/orders',
    {
      config: merchant,
      schema: {
        tags,
        summary: "The app's orders, newest first, with filters and a cursor",
        querystring: z.strictObject(orderListQuery),
        response: { 200: z.object({ items: z.array(orderWire), next_cursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      const page = await payments.orders.list(
        { appId: requireApp(request).appId },
        orderListFilter(request.query),
      );
      return { items: page.items.map(orderJson), next_cursor: page.next };
    },
  );

  r.get(
    '/api/payments/orders/:id',
    {
      config: merchant,
      schema: { tags, summary: 'One order of the app', params: idParam, response: { 200: orderWire } },
    },
    async (request) => orderJson(await payments.orders.get(requireApp(request).appId, request.params.id)),
  );

  r.get(
    '/api/payments/orders/by-out-order-no/:no',
    {
      config: merchant,
      schema: {
        tags,
        summary: "One order of the app by the merchant's out_order_no",
        params: z.strictObject({ no: z.string().min(1).max(64) }),
        response: { 200: orderWire },
      },
    },
    async (request) =>
      orderJson(await payments.orders.getByOutOrderNo(requireApp(request).appId, request.params.no)),
  );
}
