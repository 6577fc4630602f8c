import type { FastifyInstance } from 'fastify';
import { inboxRoutes } from './inbox.routes.ts';
import type { MessagesService } from './messages.service.ts';
import { sendRoutes } from './send.routes.ts';
import { subscribeRoutes } from './subscribe.routes.ts';
import { templateRoutes } from './template.routes.ts';

/** Subscription messages over HTTP: templates (operator, developer), consent (host), sending (app server), the inbox (user). */
export async function messagesPlugin(
  app: FastifyInstance,
  options: { messages: MessagesService },
): Promise<void> {
  await app.register(templateRoutes, options);
  await app.register(subscribeRoutes, options);
  await app.register(sendRoutes, options);
  await app.register(inboxRoutes, options);
}
