import type { BlobStore } from '../../blobs/index.ts';
import type { Clock } from '../../db/clock.ts';
import type { Db, Executor } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import type { Anchor, AppCard } from '../content/index.ts';
import type { FunnelService } from '../funnel/index.ts';
import { liveErrors } from './errors.ts';
import { countViewers, insertEvent } from './event.repository.ts';
import type { LiveContent, LiveRoom } from './live.model.ts';
import type { LiveEventKind, LiveRoomRow } from './live.table.ts';
import type { RoomFeed } from './live-feed.ts';
import { findRoom } from './room.repository.ts';

export interface LiveDeps {
  db: Db;
  clock: Clock;
  blobs: BlobStore;
  feed: RoomFeed;
  content: LiveContent;
  funnel: Pick<FunnelService, 'recordReported' | 'bySource'>;
  /** Refuses (coded) pinning an app whose categories do not allow live mounting now. */
  requireLiveMounting(appid: string): Promise<void>;
  limits?: { segmentBytes?: number; playlistBytes?: number };
}

/** What the parts of the live service share: deps, limits, rooms as viewers see them, events. */
export function liveContext(deps: LiveDeps) {
  const { db, clock, content, feed } = deps;

  function pinnedOf(row: LiveRoomRow, cards: Map<string, AppCard>): Anchor | null {
    const card = row.pinned_appid ? cards.get(row.pinned_appid) : undefined;
    if (!card || !row.pinned_appid) return null;
    return {
      appid: row.pinned_appid,
      appName: card.name,
      appIconUrl: card.iconUrl,
      title: row.pinned_title ?? '',
      path: row.pinned_path ?? '',
    };
  }

  return {
    ...deps,
    segmentBytes: deps.limits?.segmentBytes ?? 4 * 1024 * 1024,
    playlistBytes: deps.limits?.playlistBytes ?? 64 * 1024,

    async requireRoom(exec: Executor, id: string): Promise<LiveRoomRow> {
      const row = await findRoom(exec, id);
      if (!row) throw liveErrors.ROOM_NOT_FOUND();
      return row;
    },

    /** The creator's own room; another user is told it does not exist. */
    async requireOwnRoom(exec: Executor, userId: string, id: string): Promise<LiveRoomRow> {
      const row = await findRoom(exec, id);
      if (!row || row.creator_id !== userId) throw liveErrors.ROOM_NOT_FOUND();
      return row;
    },

    async toRooms(rows: LiveRoomRow[]): Promise<LiveRoom[]> {
      const cards = await content.mountable([
        ...new Set(rows.flatMap((r) => (r.pinned_appid ? [r.pinned_appid] : []))),
      ]);
      return Promise.all(
        rows.map(async (r) => ({
          id: r.id,
          title: r.title,
          creator: { id: r.creator_id, name: (await content.creatorName(r.creator_id)) ?? 'Creator' },
          status: r.status,
          startedAt: Number(r.started_at),
          endedAt: r.ended_at === null ? null : Number(r.ended_at),
          likes: Number(r.likes),
          joins: Number(r.joins),
          viewers: r.status === 'live' ? await countViewers(db, r.id) : 0,
          pinned: pinnedOf(r, cards),
        })),
      );
    },

    pinnedOf,

    /** Stores a room event and announces it when the transaction commits. */
    async emit(trx: Executor, roomId: string, kind: LiveEventKind, userId: string | null, body: object) {
      const id = newId('lev');
      await insertEvent(trx, {
        id,
        room_id: roomId,
        kind,
        user_id: userId,
        body: JSON.stringify(body),
        at: clock.now(),
      });
      await feed.announce(trx, { roomId, eventId: id });
      return id;
    },
  };
}

export type LiveContext = ReturnType<typeof liveContext>;
