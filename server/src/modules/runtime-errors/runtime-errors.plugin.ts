import type { FastifyInstance } from 'fastify';
import { type RuntimeErrorsRouteOptions, runtimeErrorsRoutes } from './runtime-errors.routes.ts';

/** The runtime errors' HTTP surface: containers report, the developer console reads. */
export async function runtimeErrorsPlugin(
  app: FastifyInstance,
  options: RuntimeErrorsRouteOptions,
): Promise<void> {
  await app.register(runtimeErrorsRoutes, options);
}
