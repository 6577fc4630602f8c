import type { MigrationSet } from '../../../db/migrator.ts';
import { douyinCompat_2026_12_07_0610 } from './2026_12_07_0610_douyin_compat.ts';

/** The Douyin dialect's migrations, for the platform's one migrator. */
export const douyinCompatMigrations: MigrationSet = {
  '2026_12_07_0610_douyin_compat': douyinCompat_2026_12_07_0610,
};
