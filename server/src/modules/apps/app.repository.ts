import type { Db } from '../../db/database.ts';
import type { AppRow, AppTable } from './apps.table.ts';

export async function insertApp(db: Db, row: AppRow): Promise<void> {
  await db.insertInto('app').values(row).execute();
}

export function findAppById(db: Db, id: string): Promise<AppRow | undefined> {
  return db.selectFrom('app').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findAppByAppid(db: Db, appid: string): Promise<AppRow | undefined> {
  return db.selectFrom('app').selectAll().where('appid', '=', appid).executeTakeFirst();
}

export function listAppsOfOrg(db: Db, orgId: string): Promise<AppRow[]> {
  return db
    .selectFrom('app')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function updateApp(
  db: Db,
  id: string,
  set: Partial<Omit<AppTable, 'id' | 'appid'>>,
): Promise<void> {
  await db.updateTable('app').set(set).where('id', '=', id).execute();
}
