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
 * Reads the accounts a batch touches in one round trip: `lockIds` locked as
 * `lockAccounts` does (in id order), `plainIds` without a lock. SQLite serialises whole
 * write transactions, so there both are one plain read.
 */
export async function readAccounts(
  db: Db,
  engine: Engine,
  lockIds: readonly string[],
  plainIds: readonly string[],
): Promise<AccountRow[]> {
  if (plainIds.length === 0) return lockAccounts(db, engine, lockIds);
  if (engine === 'sqlite' || lockIds.length === 0) return findAccounts(db, [...lockIds, ...plainIds]);
  const rows = await sql<AccountRow>`with locked as (select * from ledger_account where id in (${sql.join(
    [...lockIds].sort(),
  )}) order by id for no key update) select * from locked union all select * from ledger_account where id in (${sql.join(
    plainIds,
  )})`.execute(db);
  return rows.rows;
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
 * Adds the deltas to the stored balances, all in one statement. A delta rather than the
 * computed value, so an account read without a lock (a pending credit's) keeps what a
 * concurrent transaction wrote; for a locked account the two are the same. Locks are
 * held until commit, so every round trip here is time other transactions on the same
 * (often hot) accounts spend waiting.
 */
export async function addToBalances(db: Db, deltas: readonly BalanceDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const rows = sql.join(
    deltas.map(
      (d) =>
        sql`select cast(${d.id} as text) as id, cast(${d.debitsPending} as bigint) as dpe, cast(${d.debitsPosted} as bigint) as dpo, cast(${d.creditsPending} as bigint) as cpe, cast(${d.creditsPosted} as bigint) as cpo`,
    ),
    sql` union all `,
  );
  await sql`update ledger_account set debits_pending = ledger_account.debits_pending + v.dpe, debits_posted = ledger_account.debits_posted + v.dpo, credits_pending = ledger_account.credits_pending + v.cpe, credits_posted = ledger_account.credits_posted + v.cpo from (${rows}) as v where ledger_account.id = v.id`.execute(
    db,
  );
}
