import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../db/clock.ts';
import { type AppsRouteOptions, appsRoutes } from './apps.routes.ts';
import { clientTokenRoutes } from './client-token.routes.ts';

/** The apps module's HTTP surface: the console routes and the client-token endpoint. */
export async function appsPlugin(
  app: FastifyInstance,
  options: AppsRouteOptions & { clock: Clock },
): Promise<void> {
  await app.register(appsRoutes, options);
  await app.register(clientTokenRoutes, {
    credentials: options.apps,
    apps: options.apps,
    clock: options.clock,
  });
}
