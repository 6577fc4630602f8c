import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireApp } from '../../http/access.ts';
import type { PaymentsRouteOptions } from './payments.schemas.ts';
import { idParam, merchant, mutation, refundBody, refundJson, refundWire, tags } from './payments.schemas.ts';

/** Refunds: the merchant's own, and its answers to users' refund requests. */
export async function refundRoutes(app: FastifyInstance, { payments }: PaymentsRouteOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

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
}
