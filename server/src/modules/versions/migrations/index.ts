import type { MigrationSet } from '../../../db/migrator.ts';
import { versions_2026_11_25_0800 } from './2026_11_25_0800_versions.ts';

/** The versions module's migrations, for the platform's one migrator. */
export const versionsMigrations: MigrationSet = {
  '2026_11_25_0800_versions': versions_2026_11_25_0800,
};
