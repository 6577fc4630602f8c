import type { Executor } from '../../db/database.ts';
import type { PlaceProfileRow } from './places.table.ts';

export function find(db: Executor, poiId: string): Promise<PlaceProfileRow | undefined> {
  return db.selectFrom('place_profile').selectAll().where('poi_id', '=', poiId).executeTakeFirst();
}

export function findBySupplier(
  db: Executor,
  orgId: string,
  extId: string,
): Promise<PlaceProfileRow | undefined> {
  return db
    .selectFrom('place_profile')
    .selectAll()
    .where('supplier_org_id', '=', orgId)
    .where('supplier_ext_id', '=', extId)
    .executeTakeFirst();
}

export async function upsert(db: Executor, row: PlaceProfileRow): Promise<void> {
  const { poi_id, ...rest } = row;
  await db
    .insertInto('place_profile')
    .values(row)
    .onConflict((oc) => oc.column('poi_id').doUpdateSet(rest))
    .execute();
}
