import type { Db } from '../../db/database.ts';
import { preparedQuery } from '../../db/prepared-query.ts';
import type { AuthSessionRow } from './identity.table.ts';

export async function insertSession(db: Db, row: AuthSessionRow): Promise<void> {
  await db.insertInto('auth_session').values(row).execute();
}

type SessionWithAccount = AuthSessionRow & { account_exists: string | null; account_operator: number | null };

// Every authenticated request runs it: built once, run with each token's hash.
const sessionByHash = preparedQuery((db, a: { tokenHash: string }) =>
  db
    .selectFrom('auth_session')
    .leftJoin('account', (join) =>
      join.onRef('account.id', '=', 'auth_session.subject_id').on('auth_session.kind', '=', 'account'),
    )
    .selectAll('auth_session')
    .select(['account.operator as account_operator', 'account.id as account_exists'])
    .where('auth_session.token_hash', '=', a.tokenHash),
);

/**
 * The session and, for an account session, whether the account is an operator: one
 * query, since every authenticated request asks it.
 */
export async function findSessionWithAccount(
  db: Db,
  tokenHash: string,
): Promise<SessionWithAccount | undefined> {
  return (await sessionByHash(db, 'by-hash', { tokenHash }))[0] as SessionWithAccount | undefined;
}

export async function revokeSession(db: Db, id: string, at: number): Promise<void> {
  await db
    .updateTable('auth_session')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

/** A user's sessions, oldest first, without their token or CSRF material. */
export function userSessionsOf(db: Db, userId: string) {
  return db
    .selectFrom('auth_session')
    .select(['id', 'created_at', 'expires_at', 'revoked_at'])
    .where('kind', '=', 'user')
    .where('subject_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

/** Revokes every live session of an end user at once. */
export async function revokeUserSessions(db: Db, userId: string, at: number): Promise<void> {
  await db
    .updateTable('auth_session')
    .set({ revoked_at: at })
    .where('kind', '=', 'user')
    .where('subject_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
