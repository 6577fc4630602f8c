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

/**
 * The apps with a service anchor on a place within `km` of a point (a box, which is all a
 * coarse, city-level location deserves), most-anchored first, at most `limit`.
 */
export async function appsNear(
  db: Db,
  at: { lat: number; lng: number },
  km: number,
  limit: number,
): Promise<string[]> {
  const dLat = km / 111;
  const dLng = km / (111 * Math.max(0.1, Math.cos((at.lat * Math.PI) / 180)));
  const rows = await db
    .selectFrom('poi')
    .innerJoin('anchor', (join) =>
      join.onRef('anchor.owner_id', '=', 'poi.id').on('anchor.owner_kind', '=', 'poi'),
    )
    .select(['anchor.appid', (eb) => eb.fn.countAll<number>().as('n')])
    .where('poi.lat_e6', '>=', Math.round((at.lat - dLat) * 1e6))
    .where('poi.lat_e6', '<=', Math.round((at.lat + dLat) * 1e6))
    .where('poi.lng_e6', '>=', Math.round((at.lng - dLng) * 1e6))
    .where('poi.lng_e6', '<=', Math.round((at.lng + dLng) * 1e6))
    .groupBy('anchor.appid')
    .orderBy('n', 'desc')
    .orderBy('anchor.appid')
    .limit(limit)
    .execute();
  return rows.map((r) => r.appid);
}
