import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireApp } from '../../http/access.ts';
import { idField, messageJson, toMessageJson } from './messages.schemas.ts';
import type { MessagesService } from './messages.service.ts';

const appServer = { access: ['app'] } as const;

/** The merchant's server sends subscription messages and reads what became of them. */
export async function sendRoutes(
  app: FastifyInstance,
  options: { messages: MessagesService },
): Promise<void> {
  const { sending } = options.messages;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/messages/subscribe/send',
    {
      config: appServer,
      schema: {
        tags: ['messages'],
        summary:
          'Send a subscription message: spends one consent of the user, checked against the keywords, quotas and rate limit',
        body: z.strictObject({
          openid: z.string().min(1).max(128),
          template_id: idField,
          // Keyword key → value; the service checks each against the template's keyword type.
          data: z
            .record(z.string().min(1).max(64), z.string().max(200))
            .refine((d) => Object.keys(d).length <= 20, {
              message: 'at most 20 keywords',
            }),
          page: z.string().max(512).optional(),
        }),
        response: { 200: messageJson },
      },
    },
    async (request) => {
      const b = request.body;
      const sent = await sending.send(requireApp(request).appId, {
        openid: b.openid,
        templateId: b.template_id,
        data: b.data,
        page: b.page,
      });
      return toMessageJson(sent);
    },
  );

  r.get(
    '/api/messages/:message_id',
    {
      config: appServer,
      schema: {
        tags: ['messages'],
        summary: 'A message the app sent: delivered and opened times',
        params: z.strictObject({ message_id: idField }),
        response: { 200: messageJson },
      },
    },
    async (request) => toMessageJson(await sending.get(requireApp(request).appId, request.params.message_id)),
  );
}
