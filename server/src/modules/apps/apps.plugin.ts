import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../db/clock.ts';
import type { AppsDeps } from './apps.deps.ts';
import { appsRoutes } from './apps.routes.ts';
import { createAppCatalogueService } from './apps.service.ts';
import { clientTokenRoutes } from './client-token.routes.ts';
import { createCredentialService } from './credentials.service.ts';

/**
 * Apps and their credentials. Other modules call this interface, never the app tables.
 *
 * @example
 * const app = await apps.requireActive(appid); // refuses unknown and taken-down apps
 */
export function createAppsService(deps: AppsDeps) {
  return { ...createAppCatalogueService(deps), ...createCredentialService(deps) };
}

export type AppsService = ReturnType<typeof createAppsService>;

/** The apps module's HTTP surface: the console routes and the client-token endpoint. */
export async function appsPlugin(
  app: FastifyInstance,
  options: { apps: AppsService; clock: Clock },
): Promise<void> {
  await app.register(appsRoutes, options);
  await app.register(clientTokenRoutes, {
    credentials: options.apps,
    apps: options.apps,
    clock: options.clock,
  });
}
