import type { Db } from '../../db/database.ts';
import type { AppClientTokenRow } from './apps.table.ts';

export async function insertClientToken(db: Db, row: AppClientTokenRow): Promise<void> {
  await db.insertInto('app_client_token').values(row).execute();
}

export function findClientTokenByHash(db: Db, hash: string): Promise<AppClientTokenRow | undefined> {
  return db.selectFrom('app_client_token').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

/** Expired tokens are useless; deleting them keeps the lookup index small. */
export async function deleteExpiredClientTokens(db: Db, before: number): Promise<void> {
  await db.deleteFrom('app_client_token').where('expires_at', '<', before).execute();
}

export function findClientTokenById(db: Db, id: string): Promise<AppClientTokenRow | undefined> {
  return db.selectFrom('app_client_token').selectAll().where('id', '=', id).executeTakeFirst();
}
