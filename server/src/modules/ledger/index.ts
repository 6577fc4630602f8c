export {
  type Account,
  type AccountFlags,
  type AccountKey,
  type AccountKind,
  accountKinds,
  type EnsureAccountInput,
  maxShards,
} from './account.ts';
export { ledgerErrors } from './errors.ts';
export type { CurrencyTotals, InvariantReport } from './invariants.ts';
export {
  createLedgerService,
  type LedgerDeps,
  type LedgerService,
  type OwnerBalance,
  type PendingStatus,
  type TransferPage,
} from './ledger.service.ts';
export type { LedgerTables } from './ledger.table.ts';
export { ledgerMigrations } from './migrations/index.ts';
export type { Transfer, TransferFlags, TransferFlagsInput, TransferInput } from './transfer.ts';
