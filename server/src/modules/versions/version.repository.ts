import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AppVersionRow, AppVersionTable, VersionStatus } from './versions.table.ts';

/** SQL of the app_version table: plain functions taking the db or the caller's transaction. */
export async function insertVersion(db: Db, row: Insertable<AppVersionTable>): Promise<void> {
  await db.insertInto('app_version').values(row).execute();
}

export async function findVersion(db: Db, id: string): Promise<AppVersionRow | undefined> {
  return db.selectFrom('app_version').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The newest version of an app by number (what a new upload must exceed). */
export async function findNewestVersion(db: Db, appId: string): Promise<AppVersionRow | undefined> {
  return db
    .selectFrom('app_version')
    .selectAll()
    .where('app_id', '=', appId)
    .orderBy('major', 'desc')
    .orderBy('minor', 'desc')
    .orderBy('patch', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findVersionByNumber(
  db: Db,
  appId: string,
  version: string,
): Promise<AppVersionRow | undefined> {
  return db
    .selectFrom('app_version')
    .selectAll()
    .where('app_id', '=', appId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function listVersionsOfApp(db: Db, appId: string): Promise<AppVersionRow[]> {
  return db
    .selectFrom('app_version')
    .selectAll()
    .where('app_id', '=', appId)
    .orderBy('major', 'desc')
    .orderBy('minor', 'desc')
    .orderBy('patch', 'desc')
    .execute();
}

/** The review queue: versions in review, oldest submission first. */
export async function listVersionsInReview(db: Db, limit: number): Promise<AppVersionRow[]> {
  return db
    .selectFrom('app_version')
    .selectAll()
    .where('status', '=', 'in_review')
    .orderBy('submitted_at', 'asc')
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
}

/**
 * Changes a version only if it is still in `from`: a concurrent change loses cleanly
 * (false) instead of overwriting the other's decision.
 */
export async function updateVersionIf(
  db: Db,
  id: string,
  from: readonly VersionStatus[],
  patch: Updateable<AppVersionTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('app_version')
    .set(patch)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Stores the checks' report once: a second run of the same job finds it done. */
export async function recordChecks(
  db: Db,
  id: string,
  patch: Pick<AppVersionTable, 'check_status' | 'check_report' | 'updated_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('app_version')
    .set(patch)
    .where('id', '=', id)
    .where('check_status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Versions whose package is this blob (the runtime's file routes resolve through it). */
export async function findVersionsByPackage(db: Db, sha256: string): Promise<AppVersionRow[]> {
  return db.selectFrom('app_version').selectAll().where('package_sha256', '=', sha256).execute();
}
