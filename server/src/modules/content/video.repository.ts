import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { preparedQuery } from '../../db/prepared-query.ts';
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

/** A video with what its card shows: the creator's name and its anchor, if any. */
export type VideoCardRow = Pick<
  VideoRow,
  'id' | 'creator_id' | 'caption' | 'video_type' | 'likes' | 'plays' | 'created_at' | 'hot' | 'status'
> & {
  creator_name: string;
  anchor_appid: string | null;
  anchor_title: string | null;
  anchor_path: string | null;
};

function cards(db: Db) {
  return db
    .selectFrom('video')
    .innerJoin('creator', 'creator.user_id', 'video.creator_id')
    .leftJoin('anchor', (join) =>
      join.onRef('anchor.owner_id', '=', 'video.id').on('anchor.owner_kind', '=', 'video'),
    )
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
