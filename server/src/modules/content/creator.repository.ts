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

/** Creators with how many of their videos are published and taken down, newest first. */
export function listCreators(db: Db, limit: number) {
  return db
    .selectFrom('creator')
    .leftJoin('video', 'video.creator_id', 'creator.user_id')
    .select((eb) => [
      'creator.user_id',
      'creator.display_name',
      'creator.created_at',
      eb.fn.count<number>(eb.case().when('video.status', '=', 'published').then(1).end()).as('published'),
      eb.fn.count<number>(eb.case().when('video.status', '=', 'taken_down').then(1).end()).as('taken_down'),
    ])
    .groupBy(['creator.user_id', 'creator.display_name', 'creator.created_at'])
    .orderBy('creator.created_at', 'desc')
    .limit(limit)
    .execute();
}
