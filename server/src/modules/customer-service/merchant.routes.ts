import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireApp } from '../../http/access.ts';
import {
  idField,
  imageBytes,
  lineJson,
  merchantLineJson,
  toLineJson,
  toMerchantLineJson,
} from './customer-service.schemas.ts';
import type { CustomerServiceService } from './customer-service.service.ts';

const appServer = { access: ['app'] } as const;
const openidField = z.string().min(1).max(128);

/** The merchant's server: polls its users' lines and answers them (client token). */
export async function merchantRoutes(
  app: FastifyInstance,
  options: { support: CustomerServiceService },
): Promise<void> {
  const { merchant } = options.support;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['customer-service'];

  r.get(
    '/api/support/messages',
    {
      config: appServer,
      schema: {
        tags,
        summary:
          "The users' lines after a cursor, oldest first (poll with `after` = the last `next`); each also comes as a `support.message` webhook",
        querystring: z.strictObject({
          after: idField.optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
        response: { 200: z.object({ items: z.array(merchantLineJson), next: z.string().nullable() }) },
      },
    },
    async (request, reply) => {
      const page = await merchant.poll(
        requireApp(request).appId,
        request.query.after,
        request.query.limit ?? 100,
      );
      return reply
        .header('cache-control', 'no-store')
        .send({ items: page.items.map(toMerchantLineJson), next: page.next });
    },
  );

  r.post(
    '/api/support/messages',
    {
      config: appServer,
      schema: {
        tags,
        summary: 'Answer a user: within 48 hours of their last line, at most 5 answers to it',
        body: z.strictObject({ openid: openidField, text: z.string().max(8000) }),
        response: { 201: lineJson },
      },
    },
    async (request, reply) => {
      const { openid, text } = request.body;
      return reply
        .code(201)
        .send(toLineJson(await merchant.reply(requireApp(request).appId, openid, { text })));
    },
  );

  r.post(
    '/api/support/images',
    {
      config: appServer,
      schema: {
        tags,
        summary:
          'Answer a user with an image (raw bytes, JPEG, PNG or WebP, at most 2 MB), in the same window',
        querystring: z.strictObject({ openid: openidField }),
        consumes: ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'],
        response: { 201: lineJson },
      },
    },
    async (request, reply) => {
      const sent = await merchant.reply(requireApp(request).appId, request.query.openid, {
        image: imageBytes(request.body),
      });
      return reply.code(201).send(toLineJson(sent));
    },
  );
}
