import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireApp } from '../../http/access.ts';
import {
  idParam,
  merchant,
  mutation,
  type PaymentsRouteOptions,
  receiverBody,
  receiverJson,
  receiverWire,
  sendStatement,
  settleBody,
  settlementJson,
  settlementWire,
  statementQuery,
  tags,
} from './payments.schemas.ts';

/** Settlement: settling delivered orders with splits, the split receivers, statements. */
export async function settlementRoutes(
  app: FastifyInstance,
  { payments }: PaymentsRouteOptions,
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

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
        querystring: statementQuery,
      },
    },
    async (request, reply) =>
      sendStatement(reply, request.query, (from, to) =>
        payments.statements.statement(requireApp(request).appId, from, to),
      ),
  );
}
