import type { Db, Executor } from '../../db/database.ts';
import type { LiveEventRow, LiveEventTable } from './live.table.ts';

export async function insertEvent(db: Executor, row: LiveEventTable): Promise<void> {
  await db.insertInto('live_event').values(row).execute();
}

export function findEvent(db: Executor, id: string): Promise<LiveEventRow | undefined> {
  return db.selectFrom('live_event').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Events of every room after `after` (ms), oldest first: what SQLite's poll reads. */
export function eventsSince(db: Db, after: number, limit: number): Promise<LiveEventRow[]> {
  return db
    .selectFrom('live_event')
    .selectAll()
    .where('at', '>', after)
    .orderBy('at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** A room's latest comments, newest last. */
export async function recentComments(db: Executor, roomId: string, limit: number): Promise<LiveEventRow[]> {
  const rows = await db
    .selectFrom('live_event')
    .selectAll()
    .where('room_id', '=', roomId)
    .where('kind', '=', 'comment')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse();
}

export async function addViewer(db: Executor, row: { id: string; room_id: string; joined_at: number }) {
  await db.insertInto('live_viewer').values(row).execute();
}

export async function removeViewer(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('live_viewer').where('id', '=', id).execute();
}

export async function countViewers(db: Executor, roomId: string): Promise<number> {
  const row = await db
    .selectFrom('live_viewer')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('room_id', '=', roomId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
