import type { MigrationSet } from '../../../db/migrator.ts';
import * as m0650 from './2026_11_25_0650_funnel.ts';

export const funnelMigrations: MigrationSet = { '2026_11_25_0650_funnel': m0650 };
