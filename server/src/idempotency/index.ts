export type { IdempotencyTables } from './idempotency.table.ts';
export { idempotencyMigrations, installIdempotency } from './idempotency.ts';
