import type { DatabaseTarget, Db } from '../../db/database.ts';
import { type LiveFeed, liveFeedFor } from '../../live-feed/index.ts';
import { listLinesSince } from './support-message.repository.ts';

/** One line written to a conversation, announced to its user's chats and its app's agent inboxes. */
export interface SupportNote {
  messageId: string;
  userId: string;
  appId: string;
}

export type SupportFeed = LiveFeed<SupportNote>;

/** The stream keys: a user's open chats, an app's open agent inboxes. */
export const userKey = (userId: string) => `user:${userId}`;
export const appKey = (appId: string) => `app:${appId}`;

/** The feed for the platform's engine, on the shared live feed. */
export function supportFeedFor(
  target: DatabaseTarget,
  db: Db,
  options: { now(): number; onError(error: Error): void },
): SupportFeed {
  return liveFeedFor<SupportNote>(
    target,
    db,
    {
      channel: 'plaza_support',
      keysOf: (note) => [userKey(note.userId), appKey(note.appId)],
      since: async (exec, after, limit) =>
        (await listLinesSince(exec, after, limit)).map((row) => ({
          id: row.id,
          at: Number(row.created_at),
          note: { messageId: row.id, userId: row.user_id, appId: row.app_id },
        })),
    },
    options,
  );
}
