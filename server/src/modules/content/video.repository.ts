import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AnchorRow, NewVideoRow, VideoRow } from './content.table.ts';

export async function insertVideo(db: Db, row: NewVideoRow): Promise<void> {
  await db.insertInto('video').values(row).execute();
}

export function findVideo(db: Db, id: string): Promise<VideoRow | undefined> {
  return db.selectFrom('video').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countVideosOf(db: Db, creatorId: string): Promise<number> {
  const row = await db
    .selectFrom('video')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('creator_id', '=', creatorId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The ranked list after a position, by score then id, excluding fresh videos (they have their own slots). */
export function rankedAfter(
  db: Db,
  after: { hot?: number; id?: string },
  limit: number,
): Promise<VideoRow[]> {
  let q = db.selectFrom('video').selectAll().where('status', '=', 'published').where('fresh', '=', 0);
  if (after.hot !== undefined && after.id !== undefined) {
    const { hot, id } = after;
    q = q.where((eb) => eb.or([eb('hot', '<', hot), eb.and([eb('hot', '=', hot), eb('id', '<', id)])]));
  }
  return q.orderBy('hot', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Fresh videos (new creators, new apps) after a position, newest first. */
export function freshAfter(
  db: Db,
  after: { createdAt?: number; id?: string },
  limit: number,
): Promise<VideoRow[]> {
  let q = db.selectFrom('video').selectAll().where('status', '=', 'published').where('fresh', '=', 1);
  if (after.createdAt !== undefined && after.id !== undefined) {
    const { createdAt, id } = after;
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', createdAt),
        eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)]),
      ]),
    );
  }
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Fresh videos stop being fresh after a while and join the ranked list. */
export async function ageFreshVideos(db: Db, olderThan: number): Promise<void> {
  await db
    .updateTable('video')
    .set({ fresh: 0 })
    .where('fresh', '=', 1)
    .where('created_at', '<', olderThan)
    .execute();
}

export async function addCounters(
  db: Db,
  id: string,
  delta: { impressions?: number; plays?: number; completes?: number; likes?: number },
): Promise<VideoRow | undefined> {
  return db
    .updateTable('video')
    .set({
      impressions: sql`impressions + ${delta.impressions ?? 0}`,
      plays: sql`plays + ${delta.plays ?? 0}`,
      completes: sql`completes + ${delta.completes ?? 0}`,
      likes: sql`likes + ${delta.likes ?? 0}`,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function setHot(db: Db, id: string, hot: number): Promise<void> {
  await db.updateTable('video').set({ hot }).where('id', '=', id).execute();
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

export async function blobInUse(db: Db, sha256: string): Promise<boolean> {
  const row = await db
    .selectFrom('video')
    .select('id')
    .where((eb) => eb.or([eb('video_blob', '=', sha256), eb('cover_blob', '=', sha256)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
