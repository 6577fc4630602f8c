import type { DatabaseTarget, Db } from '../../db/database.ts';
import { type LiveFeed, liveFeedFor } from '../../live-feed/index.ts';
import { listDeliveredSince } from './message.repository.ts';

/** One delivered message, announced to the inboxes its user has open. */
export interface InboxNote {
  userId: string;
  messageId: string;
}

/**
 * Tells open inboxes of every server process that a message was delivered (keyed by the
 * user's id); the shared live feed carries it.
 */
export type InboxFeed = LiveFeed<InboxNote>;

/** The feed for the platform's engine. */
export function inboxFeedFor(
  target: DatabaseTarget,
  db: Db,
  options: { now(): number; onError(error: Error): void },
): InboxFeed {
  return liveFeedFor<InboxNote>(
    target,
    db,
    {
      channel: 'plaza_inbox',
      keysOf: (note) => [note.userId],
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
