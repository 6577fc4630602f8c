import type * as Console from '@plaza/api-types/console';
import type { SameShape } from '@plaza/api-types/platform';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appCaller } from '../apps/index.ts';
import {
  appidParam,
  type ConsoleRouteOptions,
  receiverBody,
  receiverJson,
  receiverWire,
  sendStatement,
  statementQuery,
  tags,
} from './payments.schemas.ts';

const balanceWire = z.object({
  currency: z.string(),
  held: z.number(),
  available: z.number(),
  pending_out: z.number(),
});

// The console reads these shapes from @plaza/api-types: the schemas must describe them exactly.
const pinned: [
  SameShape<z.infer<typeof receiverWire>, Console.PaymentReceiver>,
  SameShape<z.infer<typeof balanceWire>, Console.AppBalance>,
] = [true, true];
void pinned;

/**
 * The developer console's side of settlement, with the console session: the org's split
 * receivers, the app's balances and its statements, the same as the merchant's server
 * reads with its client token.
 */
export async function consoleSettlementRoutes(
  app: FastifyInstance,
  options: ConsoleRouteOptions,
): Promise<void> {
  const { payments, apps } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/apps/:appid/receivers',
    {
      config: { access: ['developer'] },
      schema: {
        tags,
        summary: "The split receivers of the app's org (any member)",
        params: appidParam,
        response: { 200: z.object({ items: z.array(receiverWire) }) },
      },
    },
    async (request) => {
      const { id } = await apps.requireRole(appCaller(request), request.params.appid, 'viewer');
      return { items: (await payments.settlement.listReceivers(id)).map(receiverJson) };
    },
  );

  r.post(
    '/api/apps/:appid/receivers',
    {
      config: { access: ['developer'] },
      schema: {
        tags,
        summary:
          "Registers a split receiver for the app's org (role ≥ admin; the same out_receiver_no returns it)",
        params: appidParam,
        body: receiverBody,
        response: { 200: receiverWire },
      },
    },
    async (request) => {
      const { id } = await apps.requireRole(appCaller(request), request.params.appid, 'admin');
      return receiverJson(
        await payments.settlement.createReceiver(id, {
          name: request.body.name,
          outReceiverNo: request.body.out_receiver_no,
        }),
      );
    },
  );

  r.get(
    '/api/apps/:appid/balances',
    {
      config: { access: ['developer'] },
      schema: {
        tags,
        summary: "What the app's escrow holds and its merchant balance, per currency (any member)",
        params: appidParam,
        response: { 200: z.object({ items: z.array(balanceWire) }) },
      },
    },
    async (request) => {
      const { id } = await apps.requireRole(appCaller(request), request.params.appid, 'viewer');
      return {
        items: (await payments.settlement.balances(id)).map((b) => ({
          currency: b.currency,
          held: b.held,
          available: b.available,
          pending_out: b.pendingOut,
        })),
      };
    },
  );

  r.get(
    '/api/apps/:appid/statements',
    {
      config: { access: ['developer'] },
      schema: {
        tags,
        summary:
          "The app's statement of [from, to): payments, refunds, settlements, commission and splits with totals, as JSON or CSV (any member)",
        params: appidParam,
        querystring: statementQuery,
      },
    },
    async (request, reply) => {
      const { id } = await apps.requireRole(appCaller(request), request.params.appid, 'viewer');
      return sendStatement(reply, request.query, (from, to) => payments.statements.statement(id, from, to));
    },
  );
}
