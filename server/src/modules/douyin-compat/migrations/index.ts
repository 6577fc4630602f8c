import type { MigrationSet } from '../../../db/migrator.ts';
import { douyinCompat_2026_12_07_0610 } from './2026_12_07_0610_douyin_compat.ts';
import { douyinTrade_2026_12_07_1500 } from './2026_12_07_1500_douyin_trade.ts';

/** The Douyin dialect's migrations, for the platform's one migrator. */
export const douyinCompatMigrations: MigrationSet = {
  '2026_12_07_0610_douyin_compat': douyinCompat_2026_12_07_0610,
  '2026_12_07_1500_douyin_trade': douyinTrade_2026_12_07_1500,
};
