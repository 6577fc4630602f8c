import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireApp } from '../../http/access.ts';
import { paymentErrors } from './errors.ts';
import { orderStatuses } from './order-state.ts';
import {
  boundOf,
  createOrderBody,
  instant,
  orderJson,
  orderWire,
  receiverBody,
  receiverJson,
  receiverWire,
  refundBody,
  refundJson,
  refundWire,
  settleBody,
  settlementJson,
  settlementWire,
  statementJson,
} from './payments.schemas.ts';
import type { PaymentsService } from './payments.service.ts';
import { statementCsv } from './statement.service.ts';

const tags = ['payments'];
const merchant = { access: ['app'] as const };
const mutation = { access: ['app'] as const, idempotent: true };
const idParam = z.strictObject({ id: z.string().min(1).max(64) });

/** The merchant's server API (client token): orders, refunds, settlement, receivers, statements. */
export async function paymentsRoutes(
  app: FastifyInstance,
  options: { payments: PaymentsService },
): Promise<void> {
  const { payments } = options;
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
        querystring: z.strictObject({
          status: z.enum(orderStatuses).optional(),
          created_from: instant.optional(),
          created_to: instant.optional(),
          cursor: z.string().max(64).optional(),
          limit: z.coerce.number().int().min(1).max(100).optional(),
        }),
        response: { 200: z.object({ items: z.array(orderWire), next_cursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      const q = request.query;
      const page = await payments.orders.list(
        { appId: requireApp(request).appId },
        {
          ...(q.status ? { status: q.status } : {}),
          ...(q.created_from ? { createdFrom: boundOf(q.created_from, false) } : {}),
          ...(q.created_to ? { createdTo: boundOf(q.created_to, true) } : {}),
          ...(q.cursor ? { cursor: q.cursor } : {}),
          ...(q.limit ? { limit: q.limit } : {}),
        },
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

  r.post(
    '/api/payments/orders/:id/refunds',
    {
      config: mutation,
      schema: {
        tags,
        summary:
          'Refunds part or all of a paid order (from escrow before settlement, from the balance after)',
        params: idParam,
        body: refundBody,
        response: { 200: refundWire },
      },
    },
    async (request) => {
      const b = request.body;
      return refundJson(
        await payments.refunds.refund(requireApp(request).appId, request.params.id, {
          outRefundNo: b.out_refund_no,
          amount: b.amount,
          reason: b.reason ?? null,
        }),
      );
    },
  );

  r.post(
    '/api/payments/orders/:id/settle',
    {
      config: mutation,
      schema: {
        tags,
        summary: 'Settles a delivered order: commission, splits, the rest to the merchant',
        params: idParam,
        // A POST without a body arrives as null: like an empty one, it means "no splits".
        body: settleBody.nullish(),
        response: { 200: settlementWire },
      },
    },
    async (request) => {
      const splits = (request.body?.splits ?? []).map((s) => ({
        receiverId: s.receiver_id,
        amount: s.amount,
      }));
      return settlementJson(
        await payments.settlement.settle(requireApp(request).appId, request.params.id, splits),
      );
    },
  );

  r.get(
    '/api/payments/orders/:id/settlement',
    {
      config: merchant,
      schema: {
        tags,
        summary: "A settled order's settlement",
        params: idParam,
        response: { 200: settlementWire },
      },
    },
    async (request) =>
      settlementJson(await payments.settlement.settlementOf(requireApp(request).appId, request.params.id)),
  );

  r.get(
    '/api/payments/refunds/:id',
    {
      config: merchant,
      schema: { tags, summary: 'One refund of the app', params: idParam, response: { 200: refundWire } },
    },
    async (request) => refundJson(await payments.refunds.get(requireApp(request).appId, request.params.id)),
  );

  r.post(
    '/api/payments/refunds/:id/accept',
    {
      config: mutation,
      schema: {
        tags,
        summary: "Accepts a user's refund request: the money goes back now",
        params: idParam,
        body: z.strictObject({}).nullish(),
        response: { 200: refundWire },
      },
    },
    async (request) =>
      refundJson(await payments.refunds.accept(requireApp(request).appId, request.params.id)),
  );

  r.post(
    '/api/payments/refunds/:id/decline',
    {
      config: mutation,
      schema: {
        tags,
        summary: "Declines a user's refund request, with the reason the user sees",
        params: idParam,
        body: z.strictObject({ reason: z.string().min(1).max(256) }),
        response: { 200: refundWire },
      },
    },
    async (request) =>
      refundJson(
        await payments.refunds.decline(requireApp(request).appId, request.params.id, request.body.reason),
      ),
  );

  r.post(
    '/api/payments/receivers',
    {
      config: mutation,
      schema: {
        tags,
        summary: "Registers a split receiver for the app's org (the same out_receiver_no returns it)",
        body: receiverBody,
        response: { 200: receiverWire },
      },
    },
    async (request) =>
      receiverJson(
        await payments.settlement.createReceiver(requireApp(request).appId, {
          name: request.body.name,
          outReceiverNo: request.body.out_receiver_no,
        }),
      ),
  );

  r.get(
    '/api/payments/receivers',
    {
      config: merchant,
      schema: {
        tags,
        summary: "The split receivers of the app's org",
        response: { 200: z.object({ items: z.array(receiverWire) }) },
      },
    },
    async (request) => ({
      items: (await payments.settlement.listReceivers(requireApp(request).appId)).map(receiverJson),
    }),
  );

  r.get(
    '/api/payments/statements',
    {
      config: merchant,
      schema: {
        tags,
        summary:
          'Statement of [from, to): every payment, refund, settlement, commission and split, with totals (JSON or CSV)',
        querystring: z.strictObject({
          from: instant,
          to: instant,
          format: z.enum(['json', 'csv']).optional(),
        }),
      },
    },
    async (request, reply) => {
      const from = boundOf(request.query.from, false);
      const to = boundOf(request.query.to, true);
      if (!(from < to)) throw paymentErrors.RANGE_INVALID();
      const statement = await payments.statements.statement(requireApp(request).appId, from, to);
      if (request.query.format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="statement.csv"')
          .send(statementCsv(statement));
      return statementJson(statement);
    },
  );
}
