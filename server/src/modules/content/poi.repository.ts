import type { Db } from '../../db/database.ts';
import type { PoiRow } from './content.table.ts';

export async function insertPoi(db: Db, row: PoiRow): Promise<void> {
  await db.insertInto('poi').values(row).execute();
}

export function findPoi(db: Db, id: string): Promise<PoiRow | undefined> {
  return db.selectFrom('poi').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Changes a POI's name, address and place; false when there is no such POI. */
export async function updatePoi(
  db: Db,
  id: string,
  values: { name: string; address: string; lat_e6: number; lng_e6: number },
): Promise<boolean> {
  const r = await db.updateTable('poi').set(values).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Removes what one app mounts on a POI (before the sync adds its anchors again); other apps' anchors stay. */
export async function removeAppAnchorsOfPoi(db: Db, poiId: string, appid: string): Promise<void> {
  await db
    .deleteFrom('anchor')
    .where('owner_kind', '=', 'poi')
    .where('owner_id', '=', poiId)
    .where('appid', '=', appid)
    .execute();
}
