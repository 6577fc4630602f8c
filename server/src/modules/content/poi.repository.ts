import type { Db } from '../../db/database.ts';
import type { PoiRow } from './content.table.ts';

export async function insertPoi(db: Db, row: PoiRow): Promise<void> {
  await db.insertInto('poi').values(row).execute();
}

export function findPoi(db: Db, id: string): Promise<PoiRow | undefined> {
  return db.selectFrom('poi').selectAll().where('id', '=', id).executeTakeFirst();
}
