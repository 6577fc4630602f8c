import type { MigrationSet } from '../../db/migrator.ts';
import * as blobs from './2026_12_07_1800_blobs.ts';

/** The database blob store's tables, for the platform's one migrator. */
export const blobMigrations: MigrationSet = {
  '2026_12_07_1800_blobs': blobs,
};
