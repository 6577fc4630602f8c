import type { MigrationSet } from '../../../db/migrator.ts';
import { identity_2026_11_25_0200 } from './2026_11_25_0200_identity.ts';

/** The identity module's migrations, named so they sort into the platform's global order. */
export const identityMigrations: MigrationSet = {
  '2026_11_25_0200_identity': identity_2026_11_25_0200,
};
