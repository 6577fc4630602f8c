import type { MigrationSet } from '../../../db/migrator.ts';
import { ledger_2026_11_25_0300 } from './2026_11_25_0300_ledger.ts';
import { ledger_2026_12_08_0100 } from './2026_12_08_0100_ledger_account_shards.ts';

/** The ledger's migrations, named so they sort into the platform's global order. */
export const ledgerMigrations: MigrationSet = {
  '2026_11_25_0300_ledger': ledger_2026_11_25_0300,
  '2026_12_08_0100_ledger_account_shards': ledger_2026_12_08_0100,
};
