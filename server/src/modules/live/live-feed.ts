import type { DatabaseTarget, Db } from '../../db/database.ts';
import { type Fanout, type FanoutOptions, fanoutFor } from '../../fanout/index.ts';
import { eventsSince } from './event.repository.ts';

/** One room event, announced to the room's viewers in every process. */
export interface LiveNote {
  roomId: string;
  eventId: string;
}

/** Room events fanned out the way the inbox's are (keyed by room). */
export type LiveFeed = Fanout<LiveNote>;

export function liveFeedFor(target: DatabaseTarget, db: Db, options: FanoutOptions): LiveFeed {
  return fanoutFor<LiveNote>(
    target,
    db,
    {
      channel: 'plaza_live',
      keyOf: (note) => note.roomId,
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
