import type { MigrationSet } from '../../../db/migrator.ts';
import { dataRights_2026_11_26_0510 } from './2026_11_26_0510_data_rights.ts';

/** The data-rights module's migrations, for the platform's one migrator. */
export const dataRightsMigrations: MigrationSet = {
  '2026_11_26_0510_data_rights': dataRights_2026_11_26_0510,
};
