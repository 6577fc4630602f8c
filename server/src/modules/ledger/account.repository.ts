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
    .onConflict((oc) => oc.columns(['kind', 'owner_id', 'currency']).doNothing())
    .execute();
}

export async function findAccountByKey(db: Db, key: AccountKey): Promise<AccountRow | undefined> {
  return db
    .selectFrom('ledger_account')
    .selectAll()
    .where('kind', '=', key.kind)
    .where('owner_id', '=', key.ownerId)
    .where('currency', '=', key.currency)
    .executeTakeFirst();
}

export async function findAccounts(db: Db, ids: readonly string[]): Promise<AccountRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('ledger_account').selectAll().where('id', 'in', ids).execute();
}

/**
 * Reads and locks the accounts a batch touches. Locks are taken in id order, the same
 * order for every transaction, so two batches over the same accounts queue instead of
 * deadlocking. SQLite serialises whole write transactions, so it needs no row locks.
 */
export async function lockAccounts(db: Db, engine: Engine, ids: readonly string[]): Promise<AccountRow[]> {
  if (ids.length === 0) return [];
  const query = db
    .selectFrom('ledger_account')
    .selectAll()
    .where('id', 'in', [...ids].sort())
    .orderBy('id');
  return engine === 'postgres' ? query.forNoKeyUpdate().execute() : query.execute();
}

/**
 * Writes the balances computed under the locks taken by `lockAccounts`, all in one
 * statement: the locks are held until commit, so every round trip here is time other
 * transactions on the same (often hot) accounts spend waiting.
 */
export async function writeBalances(db: Db, accounts: readonly Account[]): Promise<void> {
  if (accounts.length === 0) return;
  const rows = sql.join(
    accounts.map(
      (a) =>
        sql`select cast(${a.id} as text) as id, cast(${a.debitsPending} as bigint) as dpe, cast(${a.debitsPosted} as bigint) as dpo, cast(${a.creditsPending} as bigint) as cpe, cast(${a.creditsPosted} as bigint) as cpo`,
    ),
    sql` union all `,
  );
  await sql`update ledger_account set debits_pending = v.dpe, debits_posted = v.dpo, credits_pending = v.cpe, credits_posted = v.cpo from (${rows}) as v where ledger_account.id = v.id`.execute(
    db,
  );
}
