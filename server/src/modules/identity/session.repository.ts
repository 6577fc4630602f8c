import type { Db } from '../../db/database.ts';
import type { AuthSessionRow } from './identity.table.ts';

export async function insertSession(db: Db, row: AuthSessionRow): Promise<void> {
  await db.insertInto('auth_session').values(row).execute();
}

/**
 * The session and, for an account session, whether the account is an operator: one
 * query, since every authenticated request asks it.
 */
export async function findSessionWithAccount(
  db: Db,
  tokenHash: string,
): Promise<
  (AuthSessionRow & { account_exists: number | null; account_operator: number | null }) | undefined
> {
  return db
    .selectFrom('auth_session')
    .leftJoin('account', (join) =>
      join.onRef('account.id', '=', 'auth_session.subject_id').on('auth_session.kind', '=', 'account'),
    )
    .selectAll('auth_session')
    .select(['account.operator as account_operator', 'account.id as account_exists'])
    .where('auth_session.token_hash', '=', tokenHash)
    .executeTakeFirst() as Promise<
    (AuthSessionRow & { account_exists: number | null; account_operator: number | null }) | undefined
  >;
}

export async function revokeSession(db: Db, id: string, at: number): Promise<void> {
  await db
    .updateTable('auth_session')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}
