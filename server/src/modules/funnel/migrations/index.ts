import type { MigrationSet } from '../../../db/migrator.ts';
import * as m0650 from './2026_11_25_0650_funnel.ts';
import * as m1207 from './2026_12_07_0300_funnel_reported_once.ts';
import * as m0800 from './2026_12_07_0800_funnel_source.ts';

export const funnelMigrations: MigrationSet = {
  '2026_11_25_0650_funnel': m0650,
  '2026_12_07_0300_funnel_reported_once': m1207,
  '2026_12_07_0800_funnel_source': m0800,
};
