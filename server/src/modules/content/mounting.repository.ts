import type { Db } from '../../db/database.ts';
import type { MountingMode } from './content.table.ts';

/** The app's mounting mode and the creators it authorised (`open` when never set). */
export async function findMounting(
  db: Db,
  appid: string,
): Promise<{ mode: MountingMode; creators: string[] }> {
  const row = await db
    .selectFrom('app_mounting')
    .select('mode')
    .where('appid', '=', appid)
    .executeTakeFirst();
  const grants = await db
    .selectFrom('mount_grant')
    .select('creator_id')
    .where('appid', '=', appid)
    .orderBy('creator_id')
    .execute();
  return { mode: row?.mode ?? 'open', creators: grants.map((g) => g.creator_id) };
}

/** Whether the app authorised this creator. */
export async function hasGrant(db: Db, appid: string, creatorId: string): Promise<boolean> {
  const row = await db
    .selectFrom('mount_grant')
    .select('appid')
    .where('appid', '=', appid)
    .where('creator_id', '=', creatorId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Replaces the app's mode and authorised creators (inside the caller's transaction). */
export async function replaceMounting(
  db: Db,
  appid: string,
  mounting: { mode: MountingMode; creators: string[] },
  now: number,
): Promise<void> {
  await db
    .insertInto('app_mounting')
    .values({ appid, mode: mounting.mode, updated_at: now })
    .onConflict((oc) => oc.column('appid').doUpdateSet({ mode: mounting.mode, updated_at: now }))
    .execute();
  await db.deleteFrom('mount_grant').where('appid', '=', appid).execute();
  if (mounting.creators.length > 0)
    await db
      .insertInto('mount_grant')
      .values(mounting.creators.map((creator_id) => ({ appid, creator_id, created_at: now })))
      .execute();
}
