import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AppReleaseEventTable, AppReleaseRow, AppReleaseTable } from './versions.table.ts';

/** SQL of the release state and its history. */
export async function findRelease(db: Db, appId: string): Promise<AppReleaseRow | undefined> {
  return db.selectFrom('app_release').selectAll().where('app_id', '=', appId).executeTakeFirst();
}

/** The release rows of many apps at once (mountable apps for the feed). */
export async function findReleases(db: Db, appIds: readonly string[]): Promise<AppReleaseRow[]> {
  if (appIds.length === 0) return [];
  return db.selectFrom('app_release').selectAll().where('app_id', 'in', appIds).execute();
}

/** Locks the app's release row for the rest of the transaction (PostgreSQL; SQLite serialises writers). */
export async function lockRelease(db: Db, appId: string, engine: 'sqlite' | 'postgres') {
  const q = db.selectFrom('app_release').selectAll().where('app_id', '=', appId);
  return (engine === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
}

export async function saveRelease(db: Db, row: AppReleaseTable, exists: boolean): Promise<void> {
  if (exists) {
    const { app_id, ...rest } = row;
    await db.updateTable('app_release').set(rest).where('app_id', '=', app_id).execute();
  } else {
    await db.insertInto('app_release').values(row).execute();
  }
}

export async function insertReleaseEvent(db: Db, row: Insertable<AppReleaseEventTable>): Promise<void> {
  await db.insertInto('app_release_event').values(row).execute();
}

/** Versions that were fully released (100%) at some point, newest event first. */
export async function listFullReleases(db: Db, appId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('app_release_event')
    .select('version_id')
    .where('app_id', '=', appId)
    .where('percentage', '=', 100)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => r.version_id);
}
