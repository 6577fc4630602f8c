import type { Db } from '../../db/database.ts';
import { preparedQuery } from '../../db/prepared-query.ts';
import type { AccountRow, NewAccountRow } from './identity.table.ts';

// Every signed-in console page asks it: built once, run with each id.
const accountById = preparedQuery((db, a: { id: string }) =>
  db.selectFrom('account').selectAll().where('id', '=', a.id),
);

export async function findAccountById(db: Db, id: string): Promise<AccountRow | undefined> {
  return (await accountById(db, 'by-id', { id }))[0];
}

export async function findAccountByEmail(db: Db, email: string): Promise<AccountRow | undefined> {
  return db.selectFrom('account').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function insertAccount(db: Db, row: NewAccountRow): Promise<void> {
  await db.insertInto('account').values(row).execute();
}

export async function operatorExists(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('account')
    .select('id')
    .where('operator', '=', 1)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** A unique-constraint violation on either engine (a concurrent insert won the race). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string } | undefined;
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
