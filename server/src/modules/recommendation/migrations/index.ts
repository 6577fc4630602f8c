import type { MigrationSet } from '../../../db/migrator.ts';
import { recommendation_2026_12_07_1500 } from './2026_12_07_1500_recommendation.ts';
import { recommendation_2026_12_07_1800 } from './2026_12_07_1800_recommendation_popularity.ts';
import { recommendation_2026_12_07_1900 } from './2026_12_07_1900_recommendation_daytime.ts';

/** The recommendation module's migrations, for the platform's one migrator. */
export const recommendationMigrations: MigrationSet = {
  '2026_12_07_1500_recommendation': recommendation_2026_12_07_1500,
  '2026_12_07_1800_recommendation_popularity': recommendation_2026_12_07_1800,
  '2026_12_07_1900_recommendation_daytime': recommendation_2026_12_07_1900,
};
