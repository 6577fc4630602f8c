import type { IdempotencyTables } from '../idempotency/idempotency.table.ts';
import type { JobTables } from '../jobs/job.table.ts';
import type { IdentityTables } from '../modules/identity/identity.table.ts';
import type { LedgerTables } from '../modules/ledger/ledger.table.ts';

/**
 * Every table of the platform, as Kysely sees them. Each module owns and declares its
 * own tables; this interface only gathers them so one `Kysely<Database>` serves all.
 */
export interface Database extends IdempotencyTables, JobTables, IdentityTables, LedgerTables {}
