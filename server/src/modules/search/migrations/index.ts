import type { MigrationSet } from '../../../db/migrator.ts';
import * as m0600 from './2026_12_07_0600_search.ts';
import * as m0630 from './2026_12_07_0630_search_rank_key.ts';

export const searchMigrations: MigrationSet = {
  '2026_12_07_0600_search': m0600,
  '2026_12_07_0630_search_rank_key': m0630,
};
