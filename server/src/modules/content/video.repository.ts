import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { NewVideoRow, VideoRow } from './content.table.ts';

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

/** A video with what its card shows: the creator's name and its anchor, if any. */
export type VideoCardRow = Pick<
  VideoRow,
  'id' | 'creator_id' | 'caption' | 'video_type' | 'likes' | 'plays' | 'created_at' | 'hot' | 'status'
> & {
  creator_name: string;
  anchor_appid: string | null;
  anchor_title: string | null;
  anchor_path: string | null;
  place_id: string | null;
  place_name: string | null;
};

function cards(db: Db) {
  return db
    .selectFrom('video')
    .innerJoin('creator', 'creator.user_id', 'video.creator_id')
    .leftJoin('anchor', (join) =>
      join.onRef('anchor.owner_id', '=', 'video.id').on('anchor.owner_kind', '=', 'video'),
    )
    .leftJoin('poi', 'poi.id', 'video.poi_id')
    .select([
      'video.id',
      'video.creator_id',
      'video.caption',
      'video.video_type',
      'video.likes',
      'video.plays',
      'video.created_at',
      'video.hot',
      'video.status',
      'creator.display_name as creator_name',
      'anchor.appid as anchor_appid',
      'anchor.title as anchor_title',
      'anchor.path as anchor_path',
      'poi.id as place_id',
      'poi.name as place_name',
    ]);
}

export function findVideoCard(db: Db, id: string): Promise<VideoCardRow | undefined> {
  return cards(db).where('video.id', '=', id).executeTakeFirst();
}

/** Cards of published videos, in the order of `ids` (removed or unknown ones left out). */
export async function publishedCards(db: Db, ids: readonly string[]): Promise<VideoCardRow[]> {
  if (ids.length === 0) return [];
  // Published is checked on the rows, not in SQL: with `status = ?` beside the ids, SQLite
  // chose the status index and walked every published video instead of the ids' keys.
  const rows = await cards(db)
    .where('video.id', 'in', [...ids])
    .execute();
  const byId = new Map(rows.filter((r) => r.status === 'published').map((r) => [r.id, r as VideoCardRow]));
  return ids.flatMap((id) => byId.get(id) ?? []);
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

export async function blobInUse(db: Db, sha256: string): Promise<boolean> {
  const row = await db
    .selectFrom('video')
    .select('id')
    .where((eb) => eb.or([eb('video_blob', '=', sha256), eb('cover_blob', '=', sha256)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function setVideoStatus(db: Db, id: string, status: VideoRow['status']): Promise<void> {
  await db.updateTable('video').set({ status }).where('id', '=', id).execute();
}

/** Which of these ids name a video (any status). */
export async function knownVideoIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('video').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** The user's videos, oldest first, as their export shows them. */
export function videosOf(db: Db, creatorId: string) {
  return db
    .selectFrom('video')
    .select(['id', 'caption', 'status', 'created_at', 'likes', 'plays'])
    .where('creator_id', '=', creatorId)
    .orderBy('created_at')
    .execute();
}

/** Takes every video of a creator out of the feeds and forgets its caption. */
export async function removeVideosOf(db: Db, creatorId: string): Promise<void> {
  await db
    .updateTable('video')
    .set({ status: 'removed', caption: '' })
    .where('creator_id', '=', creatorId)
    .execute();
}

/** Records a like; false when the user already liked the video. */
export async function insertLike(db: Db, videoId: string, userId: string, now: number): Promise<boolean> {
  const result = await db
    .insertInto('video_like')
    .values({ video_id: videoId, user_id: userId, created_at: now })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Takes a like back; false when there was none. */
export async function deleteLike(db: Db, videoId: string, userId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('video_like')
    .where('video_id', '=', videoId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export function likesOf(db: Db, userId: string) {
  return db
    .selectFrom('video_like')
    .select(['video_id', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

/** Deletes every like of the user; the videos they were on. */
export async function deleteLikesOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .deleteFrom('video_like')
    .where('user_id', '=', userId)
    .returning('video_id')
    .execute();
  return rows.map((r) => r.video_id);
}

/** Takes a published video down, or puts a taken-down one back; false when it was not in that state. */
export async function setTakedown(db: Db, id: string, reason: string | null): Promise<boolean> {
  const result = await db
    .updateTable('video')
    .set({ status: reason === null ? 'published' : 'taken_down', takedown_reason: reason })
    .where('id', '=', id)
    .where('status', '=', reason === null ? 'taken_down' : 'published')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface VideoListFilter {
  id?: string;
  status?: VideoRow['status'];
  creatorId?: string;
  /** Newest first; the last id of a page gives the next one. */
  before?: string;
  limit: number;
}

/** Videos of every status with their cards' facts, for the operator, newest first. */
export function listVideoCards(db: Db, f: VideoListFilter) {
  return cards(db)
    .select(['video.takedown_reason', 'video.impressions'])
    .$if(f.id !== undefined, (qb) => qb.where('video.id', '=', f.id as string))
    .$if(f.status !== undefined, (qb) => qb.where('video.status', '=', f.status as VideoRow['status']))
    .$if(f.creatorId !== undefined, (qb) => qb.where('video.creator_id', '=', f.creatorId as string))
    .$if(f.before !== undefined, (qb) => qb.where('video.id', '<', f.before as string))
    .orderBy('video.id', 'desc')
    .limit(f.limit)
    .execute();
}
