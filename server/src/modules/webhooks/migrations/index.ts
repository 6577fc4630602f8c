import type { MigrationSet } from '../../../db/migrator.ts';
import { webhooks_2026_11_25_0420 } from './2026_11_25_0420_webhooks.ts';
import { webhooks_2026_12_07_0600 } from './2026_12_07_0600_dialect_callbacks.ts';

/** The webhooks module's migrations, for the platform's one migrator. */
export const webhookMigrations: MigrationSet = {
  '2026_11_25_0420_webhooks': webhooks_2026_11_25_0420,
  '2026_12_07_0600_dialect_callbacks': webhooks_2026_12_07_0600,
};
