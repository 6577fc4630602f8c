import type { FastifyInstance } from 'fastify';
import { type ContentRouteOptions, contentRoutes } from './content.routes.ts';

/** The content module's HTTP surface: the feed, its events, and the console's uploads. */
export async function contentPlugin(app: FastifyInstance, options: ContentRouteOptions): Promise<void> {
  await app.register(contentRoutes, options);
}
