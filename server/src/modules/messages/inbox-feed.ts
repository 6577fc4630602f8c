import type { DatabaseTarget, Db } from '../../db/database.ts';
import { type Fanout, type FanoutOptions, fanoutFor } from '../../fanout/index.ts';
import { listDeliveredSince } from './message.repository.ts';

/** One delivered message, announced to the inboxes its user has open. */
export interface InboxNote {
  userId: string;
  messageId: string;
}

/** Tells open inboxes of every server process that a message was delivered (keyed by user). */
export type InboxFeed = Fanout<InboxNote>;

/** The feed for the platform's engine: NOTIFY on PostgreSQL, polling delivered messages on SQLite. */
export function inboxFeedFor(target: DatabaseTarget, db: Db, options: FanoutOptions): InboxFeed {
  return fanoutFor<InboxNote>(
    target,
    db,
    {
      channel: 'plaza_inbox',
      keyOf: (note) => note.userId,
      since: async (exec, after, limit) =>
        (await listDeliveredSince(exec, after, limit)).map((row) => ({
          id: row.id,
          at: Number(row.delivered_at),
          note: { userId: row.user_id, messageId: row.id },
        })),
    },
    options,
  );
}
