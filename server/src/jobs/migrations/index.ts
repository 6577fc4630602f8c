import type { MigrationSet } from '../../db/migrator.ts';
import * as jobs from './2026_11_25_0100_jobs.ts';

/** The jobs table's migrations, for the platform's one migrator. */
export const jobMigrations: MigrationSet = {
  '2026_11_25_0100_jobs': jobs,
};
