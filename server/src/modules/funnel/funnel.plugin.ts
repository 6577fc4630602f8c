import type { FastifyInstance } from 'fastify';
import { type FunnelRouteOptions, funnelRoutes } from './funnel.routes.ts';

/** The funnel module's HTTP surface: the steps the super app reports and the merchant's daily funnel. */
export async function funnelPlugin(app: FastifyInstance, options: FunnelRouteOptions): Promise<void> {
  await app.register(funnelRoutes, options);
}
