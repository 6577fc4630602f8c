import type { Db } from '../../db/database.ts';
import type { AnchorRow } from './content.table.ts';

export async function insertAnchor(db: Db, row: AnchorRow): Promise<void> {
  await db.insertInto('anchor').values(row).execute();
}

export function anchorsOf(db: Db, kind: 'video' | 'poi', ownerIds: string[]): Promise<AnchorRow[]> {
  if (ownerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('anchor')
    .selectAll()
    .where('owner_kind', '=', kind)
    .where('owner_id', 'in', ownerIds)
    .execute();
}
