import type { FastifyInstance } from 'fastify';
import { recommendationRoutes } from './recommendation.routes.ts';
import type { RecommendationService } from './recommendation.service.ts';

/** The recommendation module's HTTP surface: the operator's fairness figures and setting. */
export async function recommendationPlugin(
  app: FastifyInstance,
  options: { recommendation: RecommendationService },
): Promise<void> {
  await app.register(recommendationRoutes, options);
}
