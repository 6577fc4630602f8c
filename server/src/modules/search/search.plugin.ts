import type { FastifyInstance } from 'fastify';
import { type SearchRouteOptions, searchRoutes } from './search.routes.ts';

/** The search module's HTTP surface: the query box, suggestions, history, funnel steps, dictionary and app entries. */
export async function searchPlugin(app: FastifyInstance, options: SearchRouteOptions): Promise<void> {
  await app.register(searchRoutes, options);
}
