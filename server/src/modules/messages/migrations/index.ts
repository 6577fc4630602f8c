import type { MigrationSet } from '../../../db/migrator.ts';
import { messages_2026_12_07_0600 } from './2026_12_07_0600_messages.ts';

/** The subscription messages module's migrations, for the platform's one migrator. */
export const messagesMigrations: MigrationSet = {
  '2026_12_07_0600_messages': messages_2026_12_07_0600,
};
