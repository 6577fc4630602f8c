import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppsService } from '../apps/index.ts';
import type { MessagesService } from '../messages/index.ts';
import { douyinErrorRenderer } from './douyin-envelope.ts';
import { douyinErrors } from './errors.ts';

const tags = ['douyin'];
const open = { access: ['anonymous'] as const };
// Douyin names each value by its keyword's name: `{ "物品名称": "Beef noodles" }`.
const data = z
  .record(z.string().min(1).max(64), z.string().max(200))
  .refine((d) => Object.keys(d).length <= 20, { message: 'at most 20 keywords' });
const fields = {
  tpl_id: z.string().min(1).max(64),
  open_id: z.string().min(1).max(128),
  data,
  page: z.string().max(512).optional(),
};

/**
 * Douyin's subscription-message sends, thin translations to Plaza's messages service: the
 * legacy `subscribe_notification/developer/v1/notify` (token in the body, `{err_no, err_tips}`)
 * and v2 `notify_user` (`access-token` header, `{err_no, err_msg, data}`).
 */
export async function notifyRoutes(
  app: FastifyInstance,
  options: {
    apps: Pick<AppsService, 'resolveClientToken' | 'get'>;
    messages: Pick<MessagesService, 'sending'>;
  },
): Promise<void> {
  const { apps, messages } = options;

  /** The app of a live client token, and when `appid` is named, that it is that app's. */
  async function appOf(token: string | undefined, appid?: string): Promise<string> {
    const resolved = token ? await apps.resolveClientToken(token) : undefined;
    const found = resolved && (await apps.get(resolved.appId));
    if (!found || (appid !== undefined && found.appid !== appid)) throw douyinErrors.ACCESS_TOKEN_INVALID();
    return found.id;
  }

  const send = (
    appId: string,
    b: { tpl_id: string; open_id: string; data: Record<string, string>; page?: string | undefined },
  ) =>
    messages.sending.send(appId, {
      openid: b.open_id,
      templateId: b.tpl_id,
      data: b.data,
      page: b.page,
      dataBy: 'name',
    });

  await app.register(async (legacy) => {
    legacy.setErrorHandler(douyinErrorRenderer('notify'));
    legacy.withTypeProvider<ZodTypeProvider>().post(
      '/api/apps/subscribe_notification/developer/v1/notify',
      {
        config: open,
        schema: {
          tags,
          summary:
            'Douyin subscribe_notification notify: a subscription message, values named by keyword name',
          body: z.object({
            access_token: z.string().min(1).max(512),
            app_id: z.string().min(1).max(64),
            ...fields,
          }),
        },
      },
      async (request) => {
        const b = request.body;
        await send(await appOf(b.access_token, b.app_id), b);
        return { err_no: 0, err_tips: '', log_id: request.id };
      },
    );
  });

  await app.register(async (v2) => {
    v2.setErrorHandler(douyinErrorRenderer('notify_v2'));
    v2.withTypeProvider<ZodTypeProvider>().post(
      '/api/notification/v2/subscription/notify_user/',
      {
        config: open,
        schema: {
          tags,
          summary: 'Douyin notify_user (v2): a subscription message with the access-token header',
          body: z.object(fields),
        },
      },
      async (request) => {
        const header = request.headers['access-token'];
        const appId = await appOf(typeof header === 'string' ? header : undefined);
        const sent = await send(appId, request.body);
        return { err_no: 0, err_msg: '', log_id: request.id, data: { msg_id: sent.id } };
      },
    );
  });
}
