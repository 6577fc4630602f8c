import type { MigrationSet } from '../../../db/migrator.ts';
import * as m0100 from './2026_12_08_0100_industries.ts';

export const industriesMigrations: MigrationSet = {
  '2026_12_08_0100_industries': m0100,
};
