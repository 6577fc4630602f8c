import type { MigrationSet } from '../../../db/migrator.ts';
import { payments_2026_11_25_0500 } from './2026_11_25_0500_payments.ts';
import { payments_2026_12_08_0110 } from './2026_12_08_0110_payments_ledger_shard.ts';
import { payments_2026_12_08_0200 } from './2026_12_08_0200_order_terms.ts';

/** The payments module's migrations, for the platform's one migrator. */
export const paymentMigrations: MigrationSet = {
  '2026_11_25_0500_payments': payments_2026_11_25_0500,
  '2026_12_08_0110_payments_ledger_shard': payments_2026_12_08_0110,
  '2026_12_08_0200_order_terms': payments_2026_12_08_0200,
};
