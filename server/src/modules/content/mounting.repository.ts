import type { Db } from '../../db/database.ts';
import type { MountingMode } from './content.table.ts';

/** The app's mounting mode and the creators it authorised (`ugc` when never set). */
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
  return { mode: row?.mode ?? 'ugc', creators: grants.map((g) => g.creator_id) };
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

/** An org's own creator accounts, confirmed or still waiting for the creator. */
export async function orgAccounts(
  db: Db,
  orgId: string,
): Promise<{ creator_id: string; created_at: number; confirmed_at: number | null }[]> {
  return db
    .selectFrom('org_creator_account')
    .select(['creator_id', 'created_at', 'confirmed_at'])
    .where('org_id', '=', orgId)
    .orderBy('creator_id')
    .execute();
}

/** Names a creator as the org's own, unconfirmed; a confirmed one stays confirmed. */
export async function nameOrgAccount(db: Db, orgId: string, creatorId: string, now: number): Promise<void> {
  await db
    .insertInto('org_creator_account')
    .values({ org_id: orgId, creator_id: creatorId, created_at: now, confirmed_at: null })
    .onConflict((oc) => oc.columns(['org_id', 'creator_id']).doNothing())
    .execute();
}

export async function removeOrgAccount(db: Db, orgId: string, creatorId: string): Promise<void> {
  await db
    .deleteFrom('org_creator_account')
    .where('org_id', '=', orgId)
    .where('creator_id', '=', creatorId)
    .execute();
}

/** The creator's confirmation; false when the org never named them. */
export async function confirmOrgAccount(
  db: Db,
  orgId: string,
  creatorId: string,
  now: number,
): Promise<boolean> {
  const named = await db
    .selectFrom('org_creator_account')
    .select('confirmed_at')
    .where('org_id', '=', orgId)
    .where('creator_id', '=', creatorId)
    .executeTakeFirst();
  if (!named) return false;
  if (named.confirmed_at === null)
    await db
      .updateTable('org_creator_account')
      .set({ confirmed_at: now })
      .where('org_id', '=', orgId)
      .where('creator_id', '=', creatorId)
      .execute();
  return true;
}

/** Whether the creator is a confirmed account of the org. */
export async function isOrgAccount(db: Db, orgId: string, creatorId: string): Promise<boolean> {
  const row = await db
    .selectFrom('org_creator_account')
    .select('org_id')
    .where('org_id', '=', orgId)
    .where('creator_id', '=', creatorId)
    .where('confirmed_at', 'is not', null)
    .executeTakeFirst();
  return row !== undefined;
}
