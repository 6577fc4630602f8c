import type { FastifyInstance } from 'fastify';
import { type SuperAppOptions, superAppRoutes } from './super-app.routes.ts';

/** The super app's HTTP surface: its built files and the history fallback. */
export async function superAppPlugin(app: FastifyInstance, options: SuperAppOptions): Promise<void> {
  await app.register(superAppRoutes, options);
}
