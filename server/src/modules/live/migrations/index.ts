import type { MigrationSet } from '../../../db/migrator.ts';
import * as m0900 from './2026_12_07_0900_live.ts';

export const liveMigrations: MigrationSet = { '2026_12_07_0900_live': m0900 };
