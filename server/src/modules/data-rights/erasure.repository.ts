import type { Db } from '../../db/database.ts';
import type { AccountErasureRow } from './data-rights.table.ts';

export function findErasure(db: Db, userId: string): Promise<AccountErasureRow | undefined> {
  return db.selectFrom('account_erasure').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Claims the erasure of a user; false when another request already did (it wins, this one stops). */
export async function claimErasure(db: Db, row: AccountErasureRow): Promise<boolean> {
  const result = await db
    .insertInto('account_erasure')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}
