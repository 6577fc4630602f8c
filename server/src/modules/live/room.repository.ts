import { sql } from 'kysely';
import type { Db, Executor } from '../../db/database.ts';
import type { LiveRoomRow, LiveRoomTable } from './live.table.ts';

export async function insertRoom(db: Executor, row: LiveRoomTable): Promise<void> {
  await db.insertInto('live_room').values(row).execute();
}

export function findRoom(db: Executor, id: string): Promise<LiveRoomRow | undefined> {
  return db.selectFrom('live_room').selectAll().where('id', '=', id).executeTakeFirst();
}

export function liveRoomOf(db: Executor, creatorId: string): Promise<LiveRoomRow | undefined> {
  return db
    .selectFrom('live_room')
    .selectAll()
    .where('creator_id', '=', creatorId)
    .where('status', '=', 'live')
    .executeTakeFirst();
}

/** Rooms of one status, newest first. */
export function listRooms(db: Db, status: LiveRoomRow['status'], limit: number): Promise<LiveRoomRow[]> {
  return db
    .selectFrom('live_room')
    .selectAll()
    .where('status', '=', status)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Ends a live room; whether it was live. */
export async function endRoom(db: Executor, id: string, now: number): Promise<boolean> {
  const r = await db
    .updateTable('live_room')
    .set({ status: 'ended', ended_at: now })
    .where('id', '=', id)
    .where('status', '=', 'live')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setPinned(
  db: Executor,
  id: string,
  pin: { appid: string; title: string; path: string } | null,
): Promise<void> {
  await db
    .updateTable('live_room')
    .set({
      pinned_appid: pin?.appid ?? null,
      pinned_title: pin?.title ?? null,
      pinned_path: pin?.path ?? null,
    })
    .where('id', '=', id)
    .execute();
}

/** Adds likes; the room's new total. */
export async function addLikes(db: Executor, id: string, count: number): Promise<number> {
  await db
    .updateTable('live_room')
    .set({ likes: sql`likes + ${count}` })
    .where('id', '=', id)
    .execute();
  const row = await db.selectFrom('live_room').select('likes').where('id', '=', id).executeTakeFirstOrThrow();
  return Number(row.likes);
}

export async function countJoin(db: Executor, id: string): Promise<void> {
  await db.updateTable('live_room').set({ joins: sql`joins + 1` }).where('id', '=', id).execute();
}
