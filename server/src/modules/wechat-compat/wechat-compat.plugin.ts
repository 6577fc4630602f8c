import type { FastifyInstance } from 'fastify';
import type { AppsService } from '../apps/index.ts';
import type { LoginService } from '../login/index.ts';
import type { MessagesService } from '../messages/index.ts';
import { subscribeSendRoutes } from './subscribe-send.routes.ts';
import { wechatAuthRoutes } from './wechat-auth.routes.ts';
import { wechatErrorRenderer } from './wechat-envelope.ts';
import { wxacodeRoutes } from './wxacode.routes.ts';

/** Where a WeChat merchant's server points what it sent to api.weixin.qq.com. */
export const wechatBasePath = '/compat/wechat';

/**
 * WeChat's server routes under one base path, in WeChat's envelope, on Plaza's login and
 * credentials. One more route is one more `r.get`/`r.post` in the file of its family.
 */
export async function wechatCompatPlugin(
  app: FastifyInstance,
  options: {
    login: Pick<LoginService, 'exchangeCode'>;
    apps: Pick<AppsService, 'issueClientToken' | 'resolveClientToken' | 'get'>;
    messages: Pick<MessagesService, 'sending'>;
    publicUrl: string;
  },
): Promise<void> {
  await app.register(
    async (base) => {
      base.setErrorHandler(wechatErrorRenderer);
      await base.register(wechatAuthRoutes, { login: options.login, apps: options.apps });
      await base.register(wxacodeRoutes, { apps: options.apps, publicUrl: options.publicUrl });
      await base.register(subscribeSendRoutes, { apps: options.apps, messages: options.messages });
    },
    { prefix: wechatBasePath },
  );
}
