import type { MigrationSet } from '../../../db/migrator.ts';
import { login_2026_11_25_0410 } from './2026_11_25_0410_login.ts';

/** The login module's migrations, for the platform's one migrator. */
export const loginMigrations: MigrationSet = {
  '2026_11_25_0410_login': login_2026_11_25_0410,
};
