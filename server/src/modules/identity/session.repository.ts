import type { Db } from '../../db/database.ts';
import type { AuthSessionRow } from './identity.table.ts';

export async function insertSession(db: Db, row: AuthSessionRow): Promise<void> {
  await db.insertInto('auth_session').values(row).execute();
}

export async function findSessionByTokenHash(db: Db, tokenHash: string): Promise<AuthSessionRow | undefined> {
  return db.selectFrom('auth_session').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function revokeSession(db: Db, id: string, at: number): Promise<void> {
  await db
    .updateTable('auth_session')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}
