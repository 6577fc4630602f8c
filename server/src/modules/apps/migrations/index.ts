import type { MigrationSet } from '../../../db/migrator.ts';
import { apps_2026_11_25_0400 } from './2026_11_25_0400_apps.ts';

/** The apps module's migrations, for the platform's one migrator. */
export const appsMigrations: MigrationSet = {
  '2026_11_25_0400_apps': apps_2026_11_25_0400,
};
