import type { MigrationSet } from '../../../db/migrator.ts';
import { consent_2026_11_26_0500 } from './2026_11_26_0500_consent.ts';

/** The consent module's migrations, for the platform's one migrator. */
export const consentMigrations: MigrationSet = {
  '2026_11_26_0500_consent': consent_2026_11_26_0500,
};
