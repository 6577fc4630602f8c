import type { Generated, Insertable, Selectable } from 'kysely';

/** One account: its natural key, its flags and the four balances TigerBeetle keeps. */
export interface LedgerAccountTable {
  id: string;
  kind: string;
  owner_id: string;
  /** ISO 4217 code: the account's ledger; money moves only within one currency. */
  currency: string;
  /** Which of the owner's accounts of this kind and currency (0 for the first). */
  shard: Generated<number>;
  /** Bit set of `accountFlagBits`. */
  flags: number;
  debits_pending: number;
  debits_posted: number;
  credits_pending: number;
  credits_posted: number;
  created_at: number;
}

/** One immutable transfer; a post or void is a new row naming its pending transfer. */
export interface LedgerTransferTable {
  /** Insertion order, for stable listing and cursors. */
  seq: Generated<number>;
  id: string;
  debit_account_id: string;
  credit_account_id: string;
  amount: number;
  currency: string;
  code: string;
  user_data: string | null;
  /** Bit set of `transferFlagBits`. */
  flags: number;
  /** Unique: a pending transfer is resolved at most once. */
  pending_id: string | null;
  timeout_ms: number | null;
  expires_at: number | null;
  created_at: number;
}

/** Open pending transfers that carry a timeout, so the expiry sweep never scans history. */
export interface LedgerPendingTimeoutTable {
  pending_id: string;
  expires_at: number;
}

export interface LedgerTables {
  ledger_account: LedgerAccountTable;
  ledger_transfer: LedgerTransferTable;
  ledger_pending_timeout: LedgerPendingTimeoutTable;
}

export type AccountRow = Selectable<LedgerAccountTable>;
export type NewAccountRow = Insertable<LedgerAccountTable>;
export type TransferRow = Selectable<LedgerTransferTable>;
export type NewTransferRow = Insertable<LedgerTransferTable>;
