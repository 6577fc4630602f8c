import type * as Console from '@plaza/api-types/console';
import type { SameShape } from '@plaza/api-types/platform';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appCaller } from '../apps/index.ts';
import type { WebhookDelivery } from './webhook.model.ts';
import type { WebhooksService } from './webhooks.service.ts';

const attemptJson = z.object({
  id: z.string(),
  url: z.string().nullable(),
  status_code: z.number().nullable(),
  duration_ms: z.number(),
  error: z.string().nullable(),
  created_at: z.number(),
});
const deliveryJson = z.object({
  id: z.string(),
  type: z.string(),
  status: z.enum(['pending', 'delivered', 'failing', 'failed']),
  body: z.string(),
  attempt_count: z.number(),
  last_attempt_at: z.number().nullable(),
  delivered_at: z.number().nullable(),
  created_at: z.number(),
  attempts: z.array(attemptJson),
});
const sameDelivery: SameShape<z.infer<typeof deliveryJson>, Console.WebhookDelivery> = true;
void sameDelivery;
const appidField = z.string().min(1).max(64);
const deliveryParams = z.strictObject({ appid: appidField, id: z.string().min(1).max(64) });

function toDeliveryJson(d: WebhookDelivery): z.infer<typeof deliveryJson> {
  return {
    id: d.id,
    type: d.type,
    status: d.status,
    body: d.body,
    attempt_count: d.attemptCount,
    last_attempt_at: d.lastAttemptAt,
    delivered_at: d.deliveredAt,
    created_at: d.createdAt,
    attempts: d.attempts.map((a) => ({
      id: a.id,
      url: a.url,
      status_code: a.statusCode,
      duration_ms: a.durationMs,
      error: a.error,
      created_at: a.createdAt,
    })),
  };
}

/** The developer console's view of an app's webhook deliveries: list, inspect, redeliver. */
export async function webhooksRoutes(
  app: FastifyInstance,
  options: { webhooks: WebhooksService },
): Promise<void> {
  const { webhooks } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/apps/:appid/webhooks/deliveries',
    {
      config: { access: ['developer'] },
      schema: {
        tags: ['webhooks'],
        summary: "The app's webhook deliveries with their attempts, newest first (any member)",
        params: z.strictObject({ appid: appidField }),
        querystring: z.strictObject({
          before: z.string().max(64).optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
        }),
        response: { 200: z.object({ deliveries: z.array(deliveryJson) }) },
      },
    },
    async (request) => ({
      deliveries: (await webhooks.list(appCaller(request), request.params.appid, request.query)).map(
        toDeliveryJson,
      ),
    }),
  );

  r.get(
    '/api/apps/:appid/webhooks/deliveries/:id',
    {
      config: { access: ['developer'] },
      schema: {
        tags: ['webhooks'],
        summary: 'One delivery with its attempts',
        params: deliveryParams,
        response: { 200: z.object({ delivery: deliveryJson }) },
      },
    },
    async (request) => ({
      delivery: toDeliveryJson(
        await webhooks.get(appCaller(request), request.params.appid, request.params.id),
      ),
    }),
  );

  r.post(
    '/api/apps/:appid/webhooks/deliveries/:id/redeliver',
    {
      config: { access: ['developer'], idempotent: true },
      schema: {
        tags: ['webhooks'],
        summary: 'Send a delivery again, same id and body (role ≥ developer)',
        params: deliveryParams,
        response: { 202: z.object({ delivery: deliveryJson }) },
      },
    },
    async (request, reply) => {
      const delivery = await webhooks.redeliver(appCaller(request), request.params.appid, request.params.id);
      return reply.code(202).send({ delivery: toDeliveryJson(delivery) });
    },
  );
}
