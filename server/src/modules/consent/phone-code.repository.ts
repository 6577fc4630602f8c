import type { Db } from '../../db/database.ts';
import type { PhoneCodeRow } from './consent.table.ts';

export async function insertPhoneCode(db: Db, row: PhoneCodeRow): Promise<void> {
  await db.insertInto('phone_code').values(row).execute();
}

/**
 * Uses a live code of this app once and returns its user — one statement, so of two
 * concurrent exchanges exactly one sees it unused.
 */
export async function consumePhoneCode(
  db: Db,
  consume: { hash: string; appId: string; now: number },
): Promise<string | undefined> {
  const row = await db
    .updateTable('phone_code')
    .set({ used_at: consume.now })
    .where('code_hash', '=', consume.hash)
    .where('app_id', '=', consume.appId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', consume.now)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id;
}

export function findPhoneCode(db: Db, hash: string): Promise<PhoneCodeRow | undefined> {
  return db.selectFrom('phone_code').selectAll().where('code_hash', '=', hash).executeTakeFirst();
}

/** Withdrawn consent: the user's unused codes for the app stop working. */
export async function revokeUnusedPhoneCodes(
  db: Db,
  appId: string,
  userId: string,
  at: number,
): Promise<void> {
  await db
    .updateTable('phone_code')
    .set({ revoked_at: at })
    .where('app_id', '=', appId)
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Codes long past their life only explain "used" vs "expired" for a day; then they go. */
export async function deleteStalePhoneCodes(db: Db, before: number): Promise<void> {
  await db.deleteFrom('phone_code').where('expires_at', '<', before).execute();
}

/** When the user's codes were issued and used: for the export, without the hashes. */
export function listPhoneCodesOfUser(
  db: Db,
  userId: string,
): Promise<Pick<PhoneCodeRow, 'app_id' | 'created_at' | 'expires_at' | 'used_at' | 'revoked_at'>[]> {
  return db
    .selectFrom('phone_code')
    .select(['app_id', 'created_at', 'expires_at', 'used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

export async function deletePhoneCodesOfUser(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('phone_code').where('user_id', '=', userId).execute();
}
