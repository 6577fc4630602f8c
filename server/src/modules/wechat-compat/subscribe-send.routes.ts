import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppsService } from '../apps/index.ts';
import type { MessagesService } from '../messages/index.ts';
import { appOfAccessToken } from './access-token.ts';

/**
 * WeChat's `subscribeMessage.send`: a thin translation to Plaza's messages service. Values
 * come as `{ thing1: { value } }`, named by keyword key as Plaza names them.
 */
export async function subscribeSendRoutes(
  app: FastifyInstance,
  options: {
    apps: Pick<AppsService, 'resolveClientToken' | 'get'>;
    messages: Pick<MessagesService, 'sending'>;
  },
): Promise<void> {
  const { apps, messages } = options;
  app.withTypeProvider<ZodTypeProvider>().post(
    '/cgi-bin/message/subscribe/send',
    {
      config: { access: ['anonymous'] },
      schema: {
        tags: ['wechat'],
        summary: "WeChat's subscribeMessage.send: a subscription message the user consented to",
        querystring: z.object({ access_token: z.string().max(256).optional() }),
        body: z.object({
          touser: z.string().min(1).max(128),
          template_id: z.string().min(1).max(64),
          page: z.string().max(512).optional(),
          data: z
            .record(
              z.string().min(1).max(64),
              z.object({ value: z.union([z.string().max(200), z.number()]) }),
            )
            .refine((d) => Object.keys(d).length <= 20, { message: 'at most 20 keywords' }),
          // Which build the message opens and its language: Plaza has one of each.
          miniprogram_state: z.enum(['developer', 'trial', 'formal']).optional(),
          lang: z.string().max(8).optional(),
        }),
      },
    },
    async (request) => {
      const found = await appOfAccessToken(apps, request);
      const b = request.body;
      const sent = await messages.sending.send(found.id, {
        openid: b.touser,
        templateId: b.template_id,
        data: Object.fromEntries(Object.entries(b.data).map(([key, v]) => [key, String(v.value)])),
        page: b.page,
      });
      return { errcode: 0, errmsg: 'ok', msgid: sent.id };
    },
  );
}
