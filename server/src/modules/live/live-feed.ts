import type { DatabaseTarget, Db } from '../../db/database.ts';
import { type LiveFeed, liveFeedFor } from '../../live-feed/index.ts';
import { eventsSince } from './event.repository.ts';

/** One room event, announced to the room's viewers in every process. */
export interface LiveNote {
  roomId: string;
  eventId: string;
}

/** Room events carried by the shared live feed, keyed by room. */
export type RoomFeed = LiveFeed<LiveNote>;

export function roomFeedFor(
  target: DatabaseTarget,
  db: Db,
  options: { now(): number; onError(error: Error): void },
): RoomFeed {
  return liveFeedFor<LiveNote>(
    target,
    db,
    {
      channel: 'plaza_live',
      keysOf: (note) => [note.roomId],
      since: async (exec, after, limit) =>
        (await eventsSince(exec, after, limit)).map((row) => ({
          id: row.id,
          at: Number(row.at),
          note: { roomId: row.room_id, eventId: row.id },
        })),
    },
    options,
  );
}
