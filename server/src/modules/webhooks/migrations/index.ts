import type { MigrationSet } from '../../../db/migrator.ts';
import { webhooks_2026_11_25_0420 } from './2026_11_25_0420_webhooks.ts';

/** The webhooks module's migrations, for the platform's one migrator. */
export const webhookMigrations: MigrationSet = {
  '2026_11_25_0420_webhooks': webhooks_2026_11_25_0420,
};
