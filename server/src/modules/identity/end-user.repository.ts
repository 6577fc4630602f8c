import type { Db } from '../../db/database.ts';
import type { EndUserRow, PhoneOtpRow } from './identity.table.ts';

export async function findUserById(db: Db, id: string): Promise<EndUserRow | undefined> {
  return db.selectFrom('end_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByPhone(db: Db, phone: string): Promise<EndUserRow | undefined> {
  return db.selectFrom('end_user').selectAll().where('phone', '=', phone).executeTakeFirst();
}

export async function insertUser(db: Db, row: EndUserRow): Promise<void> {
  await db.insertInto('end_user').values(row).execute();
}

export async function touchUserSignIn(db: Db, id: string, at: number): Promise<void> {
  await db.updateTable('end_user').set({ last_sign_in_at: at }).where('id', '=', id).execute();
}

export async function insertOtp(db: Db, row: PhoneOtpRow): Promise<void> {
  await db.insertInto('phone_otp').values(row).execute();
}

/** The newest code sent to a phone: only it can sign in, so asking again retires the old one. */
export async function latestOtp(db: Db, phone: string): Promise<PhoneOtpRow | undefined> {
  return db
    .selectFrom('phone_otp')
    .selectAll()
    .where('phone', '=', phone)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function countOtpsSince(db: Db, phone: string, since: number): Promise<number> {
  const row = await db
    .selectFrom('phone_otp')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('phone', '=', phone)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Counts one wrong try; false when the code had already used up its tries. */
export async function recordWrongOtp(db: Db, id: string, maxAttempts: number): Promise<boolean> {
  const result = await db
    .updateTable('phone_otp')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('attempts', '<', maxAttempts)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Uses the code up, once: false when it was used (or exhausted) in the meantime. */
export async function consumeOtp(db: Db, id: string, now: number, maxAttempts: number): Promise<boolean> {
  const result = await db
    .updateTable('phone_otp')
    .set({ consumed_at: now })
    .where('id', '=', id)
    .where('consumed_at', 'is', null)
    .where('attempts', '<', maxAttempts)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The sign-in codes sent to a phone, oldest first, without the codes' hashes. */
export function otpsSentTo(db: Db, phone: string) {
  return db
    .selectFrom('phone_otp')
    .select(['created_at', 'expires_at', 'consumed_at', 'ip'])
    .where('phone', '=', phone)
    .orderBy('created_at')
    .execute();
}

/** Deletes the user and every code sent to their phone. */
export async function deleteUser(db: Db, user: Pick<EndUserRow, 'id' | 'phone'>): Promise<void> {
  await db.deleteFrom('phone_otp').where('phone', '=', user.phone).execute();
  await db.deleteFrom('end_user').where('id', '=', user.id).execute();
}
