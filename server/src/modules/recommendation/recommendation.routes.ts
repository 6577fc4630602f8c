import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RecommendationService } from './recommendation.service.ts';

const figuresJson = z.object({
  providers: z.number(),
  exposure_gini: z.number(),
  new_providers: z.number(),
  new_provider_reach_share: z.number(),
  exploration_share: z.number(),
});

/** The operator's view of the recommender: fairness figures and the exploration share. */
export async function recommendationRoutes(
  app: FastifyInstance,
  options: { recommendation: RecommendationService },
): Promise<void> {
  const { recommendation } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const figures = async () => {
    const f = await recommendation.fairness();
    return {
      providers: f.providers,
      exposure_gini: f.exposureGini,
      new_providers: f.newProviders,
      new_provider_reach_share: f.newProviderReachShare,
      exploration_share: f.explorationShare,
    };
  };

  r.get(
    '/api/operator/recommendation/fairness',
    {
      config: { access: ['operator'] },
      schema: {
        tags: ['recommendation'],
        summary:
          "Provider-exposure Gini (RecBole's definition), new providers' first-day reach of 100 impressions, and the exploration share",
        response: { 200: figuresJson },
      },
    },
    figures,
  );

  r.put(
    '/api/operator/recommendation/settings',
    {
      config: { access: ['operator'] },
      schema: {
        tags: ['recommendation'],
        summary: 'Set the share of each page reserved for new items (0 to 0.5)',
        body: z.strictObject({ exploration_share: z.number() }),
        response: { 200: figuresJson },
      },
    },
    async (request) => {
      await recommendation.setExplorationShare(request.body.exploration_share);
      return figures();
    },
  );
}
