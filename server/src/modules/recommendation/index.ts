/**
 * The recommender: personalised ranking with fair growth for new providers. The ranking
 * is pure (page-ranking.ts and its parts) so the offline simulator runs the same code; the
 * model state lives in the database and is updated by increments from every signal.
 *
 * @example
 * const items = await recommendation.page({ userId: 'usr_1', session: 's1', limit: 10 });
 */
export { recommendationErrors } from './errors.ts';
export { giniIndex } from './fairness-figures.ts';
export { recommendationMigrations } from './migrations/index.ts';
export { recommendationPersonalData } from './personal-data.ts';
export { type CandidateSource, candidateSources, type RankedItem } from './recommendation.model.ts';
export { recommendationPlugin } from './recommendation.plugin.ts';
export {
  categoryOf,
  createRecommendationService,
  type RecommendationDeps,
  type RecommendationService,
  type ServiceEvent,
} from './recommendation.service.ts';
export type { RecommendationTables } from './recommendation.table.ts';
