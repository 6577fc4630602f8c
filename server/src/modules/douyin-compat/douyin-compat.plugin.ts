import type { FastifyInstance } from 'fastify';
import type { AppsService } from '../apps/index.ts';
import type { LoginService } from '../login/index.ts';
import type { MessagesService } from '../messages/index.ts';
import type { DouyinCompatService } from './douyin-compat.service.ts';
import { douyinLoginRoutes } from './douyin-login.routes.ts';
import { ecpayRoutes } from './ecpay.routes.ts';
import { notifyRoutes } from './notify.routes.ts';
import { paySettingsRoutes } from './pay-settings.routes.ts';
import { douyinRuntimeRoutes } from './runtime.routes.ts';
import { tradeRoutes } from './trade.routes.ts';
import { tradeSettingsRoutes } from './trade-settings.routes.ts';

/** Where a Douyin merchant's server points its base URL (developer.toutiao.com and open.douyin.com alike). */
export const douyinBasePath = '/compat/douyin';

/**
 * The Douyin dialect's HTTP surface: Douyin's server routes under one base path, each
 * family in its own envelope; the console's payment settings; the super app's claim.
 * One more route per family is one more `r.post` in its file.
 */
export async function douyinCompatPlugin(
  app: FastifyInstance,
  options: {
    douyin: DouyinCompatService;
    login: Pick<LoginService, 'exchangeCode'>;
    apps: Pick<AppsService, 'issueClientToken' | 'resolveClientToken' | 'get'>;
    messages: Pick<MessagesService, 'sending'>;
  },
): Promise<void> {
  await app.register(
    async (base) => {
      await base.register(douyinLoginRoutes, { login: options.login, apps: options.apps });
      await base.register(ecpayRoutes, { ecpay: options.douyin.ecpay });
      await base.register(tradeRoutes, { trade: options.douyin.trade });
      await base.register(notifyRoutes, { apps: options.apps, messages: options.messages });
    },
    { prefix: douyinBasePath },
  );
  await app.register(paySettingsRoutes, { settings: options.douyin.settings });
  await app.register(tradeSettingsRoutes, { tradeSettings: options.douyin.tradeSettings });
  await app.register(douyinRuntimeRoutes, {
    ecpay: options.douyin.ecpay,
    requestOrder: options.douyin.requestOrder,
  });
}
