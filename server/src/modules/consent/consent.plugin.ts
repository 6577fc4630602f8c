import type { FastifyInstance } from 'fastify';
import { authorizationsRoutes } from './authorizations.routes.ts';
import { consentRoutes } from './consent.routes.ts';
import type { ConsentService } from './consent.service.ts';

/** The consent module's HTTP surface: the host's sheet and data requests, the merchant's exchange, the user's authorizations. */
export async function consentPlugin(
  app: FastifyInstance,
  options: { consent: ConsentService },
): Promise<void> {
  await app.register(consentRoutes, options);
  await app.register(authorizationsRoutes, options);
}
