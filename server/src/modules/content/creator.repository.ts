import type { Db } from '../../db/database.ts';

/** Makes the user a creator, or renames one. */
export async function upsertCreator(db: Db, userId: string, displayName: string, now: number): Promise<void> {
  await db
    .insertInto('creator')
    .values({ user_id: userId, display_name: displayName, created_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ display_name: displayName }))
    .execute();
}

export function findCreator(db: Db, userId: string) {
  return db.selectFrom('creator').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** The row stays (videos reference it); the name the user chose does not. */
export async function forgetCreatorName(db: Db, userId: string): Promise<void> {
  await db
    .updateTable('creator')
    .set({ display_name: 'Deleted user' })
    .where('user_id', '=', userId)
    .execute();
}
