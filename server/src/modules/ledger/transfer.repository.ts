import type { Db } from '../../db/database.ts';
import type { NewTransferRow, TransferRow } from './ledger.table.ts';
import { decodeTransferFlags, encodeTransferFlags, type Transfer } from './transfer.ts';

export function toTransfer(row: TransferRow): Transfer {
  return {
    id: row.id,
    debitAccountId: row.debit_account_id,
    creditAccountId: row.credit_account_id,
    amount: row.amount,
    currency: row.currency,
    code: row.code,
    userData: row.user_data,
    flags: decodeTransferFlags(row.flags),
    pendingId: row.pending_id,
    timeoutMs: row.timeout_ms,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
  };
}

function toRow(transfer: Transfer): NewTransferRow {
  return {
    id: transfer.id,
    debit_account_id: transfer.debitAccountId,
    credit_account_id: transfer.creditAccountId,
    amount: transfer.amount,
    currency: transfer.currency,
    code: transfer.code,
    user_data: transfer.userData,
    flags: encodeTransferFlags(transfer.flags),
    pending_id: transfer.pendingId,
    timeout_ms: transfer.timeoutMs,
    expires_at: transfer.expiresAt,
    created_at: transfer.createdAt,
  };
}

export async function findTransfers(db: Db, ids: readonly string[]): Promise<TransferRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('ledger_transfer').selectAll().where('id', 'in', ids).execute();
}

/** The posts and voids that resolved these pending transfers. */
export async function findResolutions(db: Db, pendingIds: readonly string[]): Promise<TransferRow[]> {
  if (pendingIds.length === 0) return [];
  return db.selectFrom('ledger_transfer').selectAll().where('pending_id', 'in', pendingIds).execute();
}

/** Both of the above in one round trip: transfers with these ids, and resolutions of these pending ids. */
export async function findTransfersOrResolutions(
  db: Db,
  ids: readonly string[],
  pendingIds: readonly string[],
): Promise<TransferRow[]> {
  if (pendingIds.length === 0) return findTransfers(db, ids);
  return db
    .selectFrom('ledger_transfer')
    .selectAll()
    .where((eb) => eb.or([eb('id', 'in', ids), eb('pending_id', 'in', pendingIds)]))
    .execute();
}

/**
 * Inserts new transfers; returns the ids actually inserted. A row that a concurrent
 * transaction beat us to is skipped rather than failing the statement, so PostgreSQL
 * does not abort a caller's outer transaction and the service can decide again.
 */
export async function insertTransfers(db: Db, transfers: readonly Transfer[]): Promise<string[]> {
  if (transfers.length === 0) return [];
  const rows = await db
    .insertInto('ledger_transfer')
    .values(transfers.map(toRow))
    // Any unique constraint: a taken id, or a pending transfer someone else resolved.
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Only for taking back rows this very transaction inserted and has not committed. */
export async function deleteUncommittedTransfers(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('ledger_transfer').where('id', 'in', ids).execute();
}

export interface TransferQuery {
  accountId?: string;
  userData?: string;
  /** The `seq` cursor of the last row already seen. */
  after?: number;
  limit: number;
  order: 'asc' | 'desc';
}

export async function listTransfers(db: Db, query: TransferQuery): Promise<TransferRow[]> {
  let q = db.selectFrom('ledger_transfer').selectAll();
  const { accountId, userData, after } = query;
  if (accountId !== undefined)
    q = q.where((eb) =>
      eb.or([eb('debit_account_id', '=', accountId), eb('credit_account_id', '=', accountId)]),
    );
  if (userData !== undefined) q = q.where('user_data', '=', userData);
  if (after !== undefined) q = q.where('seq', query.order === 'asc' ? '>' : '<', after);
  return q.orderBy('seq', query.order).limit(query.limit).execute();
}

export async function openTimeouts(db: Db, timeouts: readonly { pendingId: string; expiresAt: number }[]) {
  if (timeouts.length === 0) return;
  await db
    .insertInto('ledger_pending_timeout')
    .values(timeouts.map((t) => ({ pending_id: t.pendingId, expires_at: t.expiresAt })))
    .execute();
}

export async function closeTimeouts(db: Db, pendingIds: readonly string[]) {
  if (pendingIds.length === 0) return;
  await db.deleteFrom('ledger_pending_timeout').where('pending_id', 'in', pendingIds).execute();
}

/** Pending transfers whose timeout has passed and that nobody resolved yet. */
export async function findLapsedTimeouts(db: Db, now: number, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('ledger_pending_timeout')
    .select('pending_id')
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.pending_id);
}
