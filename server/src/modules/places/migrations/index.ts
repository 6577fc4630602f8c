import type { MigrationSet } from '../../../db/migrator.ts';
import * as m0700 from './2026_12_07_0700_places.ts';

export const placesMigrations: MigrationSet = {
  '2026_12_07_0700_places': m0700,
};
