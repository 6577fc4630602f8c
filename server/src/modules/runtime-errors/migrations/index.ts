import type { MigrationSet } from '../../../db/migrator.ts';
import * as m0900 from './2026_12_10_0900_runtime_errors.ts';

export const runtimeErrorMigrations: MigrationSet = {
  '2026_12_10_0900_runtime_errors': m0900,
};
