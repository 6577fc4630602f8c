import type { Db } from '../../db/database.ts';
import { preparedQuery } from '../../db/prepared-query.ts';
import type { AppUserRow, LoginCodeRow } from './login.table.ts';

export async function insertLoginCode(db: Db, row: LoginCodeRow): Promise<void> {
  await db.insertInto('login_code').values(row).execute();
}

/**
 * Marks a live code of this app used and returns its user — one statement, so of two
 * concurrent exchanges exactly one sees the row still unused.
 */
export async function consumeLoginCode(
  db: Db,
  consume: { hash: string; appId: string; now: number },
): Promise<string | undefined> {
  return (await consumeCode(db, 'one', consume))[0]?.user_id;
}

// The statements of every code exchange, built once.
const consumeCode = preparedQuery((db, a: { hash: string; appId: string; now: number }) =>
  db
    .updateTable('login_code')
    .set({ used_at: a.now })
    .where('code_hash', '=', a.hash)
    .where('app_id', '=', a.appId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', a.now)
    .returning('user_id'),
);
const insertAppUser = preparedQuery((db, row: AppUserRow) =>
  db
    .insertInto('app_user')
    .values(row)
    .onConflict((oc) => oc.doNothing()),
);
const upsertSessionKey = preparedQuery(
  (db, row: { app_id: string; user_id: string; session_key: string; created_at: number }) =>
    db
      .insertInto('app_user_session')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['app_id', 'user_id'])
          .doUpdateSet({ session_key: row.session_key, created_at: row.created_at }),
      ),
);

export function findLoginCode(db: Db, hash: string): Promise<LoginCodeRow | undefined> {
  return db.selectFrom('login_code').selectAll().where('code_hash', '=', hash).executeTakeFirst();
}

/** Codes past their life are useless; a day's margin keeps "used" vs "expired" answers meaningful. */
export async function deleteStaleLoginCodes(db: Db, before: number): Promise<void> {
  await db.deleteFrom('login_code').where('expires_at', '<', before).execute();
}

/** Records the (app, user) → openid pair once; a repeat (same derivation) changes nothing. */
export async function rememberAppUser(db: Db, row: AppUserRow): Promise<void> {
  // No conflict target: two racing inserts of the same pair would otherwise meet on the
  // openid's unique index, which PostgreSQL does not arbitrate for a targeted ON CONFLICT.
  await insertAppUser(db, 'one', row);
}

const appUserByOpenid = preparedQuery((db, a: { appId: string; openid: string }) =>
  db.selectFrom('app_user').selectAll().where('app_id', '=', a.appId).where('openid', '=', a.openid),
);

export async function findAppUserByOpenid(
  db: Db,
  appId: string,
  openid: string,
): Promise<AppUserRow | undefined> {
  return (await appUserByOpenid(db, 'by-openid', { appId, openid }))[0];
}

export async function saveSessionKey(
  db: Db,
  row: { app_id: string; user_id: string; session_key: string; created_at: number },
): Promise<void> {
  await upsertSessionKey(db, 'one', row);
}

export function findSessionKey(
  db: Db,
  appId: string,
  userId: string,
): Promise<{ session_key: string; created_at: number } | undefined> {
  return db
    .selectFrom('app_user_session')
    .select(['session_key', 'created_at'])
    .where('app_id', '=', appId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** The apps the user logged in to, oldest first, with the ids each knows them by. */
export function appUsersOf(db: Db, userId: string) {
  return db
    .selectFrom('app_user')
    .select(['app_id', 'openid', 'unionid', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

/** When the user was issued login codes, oldest first: never the codes' hashes. */
export function loginCodesOf(db: Db, userId: string) {
  return db
    .selectFrom('login_code')
    .select(['app_id', 'created_at', 'used_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

/** Forgets the user's per-app ids, session keys and codes: an old openid resolves to no one. */
export async function deleteLoginsOf(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('app_user_session').where('user_id', '=', userId).execute();
  await db.deleteFrom('login_code').where('user_id', '=', userId).execute();
  await db.deleteFrom('app_user').where('user_id', '=', userId).execute();
}
