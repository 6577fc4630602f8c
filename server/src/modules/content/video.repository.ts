import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { preparedQuery } from '../../db/prepared-query.ts';
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

/**
 * Both candidate lists of a feed page in one round trip: the ranked list after its
 * position (by score then id, fresh videos excluded: they have their own slots) and
 * the fresh list (new creators, new apps) after its position, newest first.
 */
interface FeedCursorArgs {
  hot?: number;
  hotId?: string;
  createdAt?: number;
  createdId?: string;
  limit: number;
}

// The feed's query is wide (two lists, two joins each, a union): built once per shape.
const feedQuery = preparedQuery((db, a: FeedCursorArgs) => {
  let ranked = cards(db)
    .select(sql<string>`'ranked'`.as('list'))
    .where('video.status', '=', 'published')
    .where('video.fresh', '=', 0);
  if (a.hot !== undefined && a.hotId !== undefined) {
    const { hot, hotId } = a;
    ranked = ranked.where((eb) =>
      eb.or([eb('video.hot', '<', hot), eb.and([eb('video.hot', '=', hot), eb('video.id', '<', hotId)])]),
    );
  }
  let fresh = cards(db)
    .select(sql<string>`'fresh'`.as('list'))
    .where('video.status', '=', 'published')
    .where('video.fresh', '=', 1);
  if (a.createdAt !== undefined && a.createdId !== undefined) {
    const { createdAt, createdId } = a;
    fresh = fresh.where((eb) =>
      eb.or([
        eb('video.created_at', '<', createdAt),
        eb.and([eb('video.created_at', '=', createdAt), eb('video.id', '<', createdId)]),
      ]),
    );
  }
  return db
    .selectFrom(ranked.orderBy('video.hot', 'desc').orderBy('video.id', 'desc').limit(a.limit).as('r'))
    .selectAll()
    .unionAll(
      db
        .selectFrom(
          fresh.orderBy('video.created_at', 'desc').orderBy('video.id', 'desc').limit(a.limit).as('f'),
        )
        .selectAll(),
    );
});

/**
 * Both candidate lists of a feed page in one round trip: the ranked list after its
 * position (by score then id, fresh videos excluded: they have their own slots) and
 * the fresh list (new creators, new apps) after its position, newest first.
 */
export async function feedCandidates(
  db: Db,
  after: { hot?: number; hotId?: string; createdAt?: number; createdId?: string },
  limit: number,
): Promise<{ ranked: VideoCardRow[]; fresh: VideoCardRow[] }> {
  const hasRank = after.hot !== undefined && after.hotId !== undefined;
  const hasTime = after.createdAt !== undefined && after.createdId !== undefined;
  const args: FeedCursorArgs = {
    limit,
    ...(hasRank ? { hot: after.hot, hotId: after.hotId } : {}),
    ...(hasTime ? { createdAt: after.createdAt, createdId: after.createdId } : {}),
  };
  const rows = (await feedQuery(db, `${hasRank}:${hasTime}`, args)) as Array<VideoCardRow & { list: string }>;
  // A UNION ALL keeps no order across its parts: each list is sorted again here.
  const byRank = (a: VideoCardRow, b: VideoCardRow) => b.hot - a.hot || (a.id < b.id ? 1 : -1);
  const byTime = (a: VideoCardRow, b: VideoCardRow) =>
    Number(b.created_at) - Number(a.created_at) || (a.id < b.id ? 1 : -1);
  return {
    ranked: rows.filter((r) => r.list === 'ranked').sort(byRank),
    fresh: rows.filter((r) => r.list === 'fresh').sort(byTime),
  };
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
