import type { MigrationSet } from '../../../db/migrator.ts';
import * as m0700 from './2026_11_25_0700_content.ts';

export const contentMigrations: MigrationSet = { '2026_11_25_0700_content': m0700 };
