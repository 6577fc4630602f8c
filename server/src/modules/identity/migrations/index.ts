import type { MigrationSet } from '../../../db/migrator.ts';
import { identity_2026_11_25_0200 } from './2026_11_25_0200_identity.ts';
import { identity_2026_12_07_1500 } from './2026_12_07_1500_auth_session_epoch.ts';

/** The identity module's migrations, named so they sort into the platform's global order. */
export const identityMigrations: MigrationSet = {
  '2026_11_25_0200_identity': identity_2026_11_25_0200,
  '2026_12_07_1500_auth_session_epoch': identity_2026_12_07_1500,
};
