import type { Db } from '../../db/database.ts';
import { preparedQuery } from '../../db/prepared-query.ts';
import type { AppClientTokenRow } from './apps.table.ts';

// Issuing and checking client tokens are the merchant server's hottest calls: built once.
const insertToken = preparedQuery((db, row: AppClientTokenRow) =>
  db.insertInto('app_client_token').values(row),
);
const tokenByHash = preparedQuery((db, a: { hash: string }) =>
  db.selectFrom('app_client_token').selectAll().where('token_hash', '=', a.hash),
);

export async function insertClientToken(db: Db, row: AppClientTokenRow): Promise<void> {
  await insertToken(db, 'one', row);
}

export async function findClientTokenByHash(db: Db, hash: string): Promise<AppClientTokenRow | undefined> {
  return (await tokenByHash(db, 'by-hash', { hash }))[0];
}

/** Expired tokens are useless; deleting them keeps the lookup index small. */
export async function deleteExpiredClientTokens(db: Db, before: number): Promise<void> {
  await db.deleteFrom('app_client_token').where('expires_at', '<', before).execute();
}

export function findClientTokenById(db: Db, id: string): Promise<AppClientTokenRow | undefined> {
  return db.selectFrom('app_client_token').selectAll().where('id', '=', id).executeTakeFirst();
}
