import type { MigrationSet } from '../../../db/migrator.ts';
import * as m0650 from './2026_11_25_0650_funnel.ts';
import * as m1207 from './2026_12_07_0300_funnel_reported_once.ts';

export const funnelMigrations: MigrationSet = {
  '2026_11_25_0650_funnel': m0650,
  '2026_12_07_0300_funnel_reported_once': m1207,
};
