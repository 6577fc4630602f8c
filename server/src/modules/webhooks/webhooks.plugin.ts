import type { FastifyInstance } from 'fastify';
import { webhooksRoutes } from './webhooks.routes.ts';
import type { WebhooksService } from './webhooks.service.ts';

/** The webhooks module's HTTP surface: the console's view of an app's deliveries. */
export async function webhooksPlugin(
  app: FastifyInstance,
  options: { webhooks: WebhooksService },
): Promise<void> {
  await app.register(webhooksRoutes, options);
}
