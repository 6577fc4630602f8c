import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import type { AnchorInput } from './content.model.ts';
import type { AnchorRow } from './content.table.ts';

/** Attaches an anchor to a video or a POI; its path is stored without a leading slash. */
export async function addAnchor(
  db: Db,
  owner: { kind: AnchorRow['owner_kind']; id: string },
  anchor: AnchorInput,
  now: number,
): Promise<void> {
  await db
    .insertInto('anchor')
    .values({
      id: newId('anc'),
      owner_kind: owner.kind,
      owner_id: owner.id,
      appid: anchor.appid,
      title: anchor.title,
      path: anchor.path.replace(/^\//, ''),
      created_at: now,
    })
    .execute();
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
