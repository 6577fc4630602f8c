import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/access.ts';
import { appidField, idField, sheetJson, toSheetJson } from './messages.schemas.ts';
import type { MessagesService } from './messages.service.ts';

const user = { access: ['user'] } as const;
const appParams = z.strictObject({ appid: appidField });
// More than 3 ids reach the service, which answers with the coded error the dialects map.
const templateIds = z.array(idField).min(1).max(20);

/** The host's side of `requestSubscribeMessage`: the consent sheet and the user's answers. */
export async function subscribeRoutes(
  app: FastifyInstance,
  options: { messages: MessagesService },
): Promise<void> {
  const { subscriptions } = options.messages;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/runtime/apps/:appid/subscribe-sheet',
    {
      config: user,
      schema: {
        tags: ['messages'],
        summary: 'What the consent sheet shows for requestSubscribeMessage (at most 3 templates of one kind)',
        params: appParams,
        body: z.strictObject({ template_ids: templateIds }),
        response: { 200: sheetJson },
      },
    },
    async (request) =>
      toSheetJson(
        await subscriptions.sheet(
          requireUser(request).userId,
          request.params.appid,
          request.body.template_ids,
        ),
      ),
  );

  r.post(
    '/api/runtime/apps/:appid/subscriptions',
    {
      config: user,
      schema: {
        tags: ['messages'],
        summary:
          "Record the user's answers in the consent sheet: each accepted one-time template is one send; always remembers",
        params: appParams,
        body: z.strictObject({
          template_ids: templateIds,
          accepted: z.array(idField).max(20),
          always: z.boolean().default(false),
        }),
        response: {
          200: z.object({
            results: z.record(z.string(), z.enum(['accept', 'reject', 'ban', 'filter'])),
            sheet: sheetJson,
          }),
        },
      },
    },
    async (request) => {
      const b = request.body;
      const answered = await subscriptions.answer(requireUser(request).userId, request.params.appid, {
        templateIds: b.template_ids,
        accepted: b.accepted,
        always: b.always,
      });
      return { results: answered.results, sheet: toSheetJson(answered.sheet) };
    },
  );
}
