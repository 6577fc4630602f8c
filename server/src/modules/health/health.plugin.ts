import type { FastifyInstance } from 'fastify';
import { type HealthProbe, healthRoutes } from './health.routes.ts';

/** The health module's HTTP surface: liveness and readiness probes. */
export async function healthPlugin(app: FastifyInstance, options: { probe: HealthProbe }): Promise<void> {
  await app.register(healthRoutes, options);
}
