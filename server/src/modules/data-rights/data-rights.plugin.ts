import type { FastifyInstance } from 'fastify';
import { dataRightsRoutes } from './data-rights.routes.ts';
import type { DataRightsService } from './data-rights.service.ts';

/** The data-rights module's HTTP surface: export and account deletion for the signed-in user. */
export async function dataRightsPlugin(
  app: FastifyInstance,
  options: { dataRights: DataRightsService },
): Promise<void> {
  await app.register(dataRightsRoutes, options);
}
