import { sql } from 'kysely';
import type { Db, Engine } from '../../db/database.ts';
import { type Account, type AccountKey, type AccountKind, decodeAccountFlags } from './account.ts';
import type { AccountRow, NewAccountRow } from './ledger.table.ts';

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    kind: row.kind as AccountKind,
    ownerId: row.owner_id,
    currency: row.currency,
    shard: row.shard,
    flags: decodeAccountFlags(row.flags),
    debitsPending: row.debits_pending,
    debitsPosted: row.debits_posted,
    creditsPending: row.credits_pending,
    creditsPosted: row.credits_posted,
    createdAt: row.created_at,
  };
}

/** Inserts the account unless one with its natural key exists (then the stored one wins). */
export async function insertAccountIfAbsent(db: Db, row: NewAccountRow): Promise<void> {
  await db
    .insertInto('ledger_account')
    .values(row)
    .onConflict((oc) => oc.columns(['kind', 'owner_id', 'currency', 'shard']).doNothing())
    .execute();
}

/** An owner's accounts of one kind and currency (every shard). */
function ownerAccounts(db: Db, key: AccountKey) {
  return db
    .selectFrom('ledger_account')
    .selectAll()
    .where('kind', '=', key.kind)
    .where('owner_id', '=', key.ownerId)
    .where('currency', '=', key.currency);
}

export async function findAccountByKey(db: Db, key: AccountKey): Promise<AccountRow | undefined> {
  return ownerAccounts(db, key)
    .where('shard', '=', key.shard ?? 0)
    .executeTakeFirst();
}

/** Every shard of an owner's accounts of one kind and currency, by shard. */
export async function findShards(db: Db, key: AccountKey): Promise<AccountRow[]> {
  return ownerAccounts(db, key).orderBy('shard').execute();
}

export async function findAccounts(db: Db, ids: readonly string[]): Promise<AccountRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('ledger_account').selectAll().where('id', 'in', ids).execute();
}

/**
 * Reads and locks accounts, in ascending id order (byte order, on PostgreSQL as in
 * `compareIds`). Every transaction that locks accounts takes them in this one order, so
 * two of them over the same accounts queue instead of deadlocking. `wait: false` asks
 * for a lock that must not be waited for (it would break that order): PostgreSQL then
 * aborts the transaction with lock_not_available rather than queue. SQLite serialises
 * whole write transactions, so it needs no row locks.
 */
export async function lockAccounts(
  db: Db,
  engine: Engine,
  ids: readonly string[],
  options: { wait?: boolean } = {},
): Promise<AccountRow[]> {
  if (ids.length === 0) return [];
  const query = db
    .selectFrom('ledger_account')
    .selectAll()
    .where('id', 'in', [...ids].sort(compareIds));
  if (engine === 'sqlite') return query.execute();
  const locking = query.orderBy(sql`id collate "C"`).forNoKeyUpdate();
  return (options.wait === false ? locking.noWait() : locking).execute();
}

/** The one order of account ids that every lock and every balance write follows. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How a batch changes one account's four balances. */
export interface BalanceDelta {
  id: string;
  debitsPending: number;
  debitsPosted: number;
  creditsPending: number;
  creditsPosted: number;
}

/** The change from the rows a batch was decided on to the accounts it left; unchanged ones are left out. */
export function balanceDeltas(
  touched: readonly Account[],
  base: ReadonlyMap<string, AccountRow>,
): BalanceDelta[] {
  return touched.flatMap((a) => {
    const row = base.get(a.id);
    if (!row) return [];
    const delta = {
      id: a.id,
      debitsPending: a.debitsPending - Number(row.debits_pending),
      debitsPosted: a.debitsPosted - Number(row.debits_posted),
      creditsPending: a.creditsPending - Number(row.credits_pending),
      creditsPosted: a.creditsPosted - Number(row.credits_posted),
    };
    const changed = delta.debitsPending || delta.debitsPosted || delta.creditsPending || delta.creditsPosted;
    return changed ? [delta] : [];
  });
}

/**
 * Adds the deltas to the stored balances: one single-row `x = x + delta` per account, in
 * id order. Each such update adds to the row's latest committed version even if another
 * transaction changed it meanwhile. (A batch of them joined to a `UNION ALL` list in one
 * `UPDATE … FROM` did not: once PostgreSQL planned that join as an index nested loop,
 * concurrent increments were lost.)
 */
export async function addToBalances(db: Db, deltas: readonly BalanceDelta[]): Promise<void> {
  for (const d of [...deltas].sort((x, y) => compareIds(x.id, y.id)))
    await db
      .updateTable('ledger_account')
      .set((eb) => ({
        debits_pending: eb('debits_pending', '+', d.debitsPending),
        debits_posted: eb('debits_posted', '+', d.debitsPosted),
        credits_pending: eb('credits_pending', '+', d.creditsPending),
        credits_posted: eb('credits_posted', '+', d.creditsPosted),
      }))
      .where('id', '=', d.id)
      .execute();
}
