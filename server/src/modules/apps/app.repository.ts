import type { Db } from '../../db/database.ts';
import { preparedQuery } from '../../db/prepared-query.ts';
import type { AppRow, AppTable } from './apps.table.ts';

export async function insertApp(db: Db, row: AppRow): Promise<void> {
  await db.insertInto('app').values(row).execute();
}

// Both run on every server-to-server call (credentials, client tokens, orders): built once.
const appById = preparedQuery((db, a: { id: string }) =>
  db.selectFrom('app').selectAll().where('id', '=', a.id),
);
const appByAppid = preparedQuery((db, a: { appid: string }) =>
  db.selectFrom('app').selectAll().where('appid', '=', a.appid),
);

export async function findAppById(db: Db, id: string): Promise<AppRow | undefined> {
  return (await appById(db, 'by-id', { id }))[0];
}

export async function findAppByAppid(db: Db, appid: string): Promise<AppRow | undefined> {
  return (await appByAppid(db, 'by-appid', { appid }))[0];
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
