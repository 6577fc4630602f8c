import type { MigrationSet } from '../../../db/migrator.ts';
import { customerService_2026_12_07_1500 } from './2026_12_07_1500_customer_service.ts';

/** The customer service module's migrations, for the platform's one migrator. */
export const customerServiceMigrations: MigrationSet = {
  '2026_12_07_1500_customer_service': customerService_2026_12_07_1500,
};
