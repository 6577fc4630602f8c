import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { FeedEventTable } from './content.table.ts';

export async function insertFeedEvent(db: Db, row: FeedEventTable): Promise<void> {
  await db.insertInto('feed_event').values(row).execute();
}

export function feedEventsOf(db: Db, userId: string) {
  return db
    .selectFrom('feed_event')
    .select(['type', 'video_id', 'appid', 'at'])
    .where('user_id', '=', userId)
    .orderBy('at')
    .execute();
}

/** The events stay counted in the rankings; they no longer point at a person. */
export async function unlinkFeedEventsOf(db: Db, userId: string): Promise<void> {
  await db.updateTable('feed_event').set({ user_id: null }).where('user_id', '=', userId).execute();
}

/** The key that signs feed cursors: made once, by whichever process asks first. */
export async function feedCursorSecret(db: Db): Promise<Buffer> {
  await db
    .insertInto('content_key')
    .values({ name: 'feed_cursor', secret: randomBytes(32).toString('base64') })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const row = await db
    .selectFrom('content_key')
    .select('secret')
    .where('name', '=', 'feed_cursor')
    .executeTakeFirstOrThrow();
  return Buffer.from(row.secret, 'base64');
}
