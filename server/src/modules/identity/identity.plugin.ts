import type { FastifyInstance } from 'fastify';
import { accountRoutes } from './account.routes.ts';
import { endUserRoutes } from './end-user.routes.ts';
import type { IdentityService } from './identity.service.ts';
import { orgRoutes } from './org.routes.ts';
import type { DevOtpSender } from './otp-sender.ts';

export interface IdentityPluginOptions {
  identity: IdentityService;
  /** Cookies get `Secure` when the platform is served over HTTPS. */
  secureCookies: boolean;
  /** Set in demo mode only: exposes `GET /api/dev/inbox`. */
  devInbox?: DevOtpSender;
}

const purgeEveryMs = 3600_000;

/** The identity module's HTTP surface: accounts, operator setup, orgs and end users. */
export async function identityPlugin(app: FastifyInstance, options: IdentityPluginOptions): Promise<void> {
  await app.register(accountRoutes, options);
  await app.register(orgRoutes, options);
  await app.register(endUserRoutes, options);

  // Housekeeping on start and then hourly; every instance may run it, deleting twice is harmless.
  let running: Promise<unknown> = Promise.resolve();
  const purge = () => {
    running = options.identity
      .purgeExpired()
      .catch((error: unknown) => app.log.warn({ err: error }, 'identity purge failed'));
    return running;
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    await purge();
    timer = setInterval(purge, purgeEveryMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}
