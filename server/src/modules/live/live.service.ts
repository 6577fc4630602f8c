import { newId, newSecret } from '../../db/ids.ts';
import type { AnchorInput } from '../content/index.ts';
import { liveErrors } from './errors.ts';
import { addViewer, countViewers, findEvent, recentComments, removeViewer } from './event.repository.ts';
import { createIngestService, type IngestService, tokenHash } from './ingest.service.ts';
import type { LiveComment, LiveEvent, LiveRoom, LiveStep, RoomFunnel } from './live.model.ts';
import type { LiveEventRow, RoomStatus } from './live.table.ts';
import { type LiveContext, type LiveDeps, liveContext } from './live-context.ts';
import {
  addLikes,
  countJoin,
  endRoom,
  insertRoom,
  listRooms,
  liveRoomOf,
  setPinned,
} from './room.repository.ts';

/** A viewer's name in comments: the platform shows no phone number or real name. */
const viewerName = (userId: string) => `观众${userId.slice(-4)}`;

/**
 * Live rooms: a creator starts one and pushes HLS to its ingest URL; viewers watch, comment
 * and like over the room's event stream (fanned out across processes like the inbox); the
 * creator pins mini-program cards under the anchor rules of videos; an ended room is a replay.
 *
 * @example
 * const { room, token } = await live.startRoom(userId, { title: '今晚吃面' });
 */
export interface LiveService extends IngestService {
  startRoom(
    userId: string,
    input: { title: string; anchor?: AnchorInput },
  ): Promise<{ room: LiveRoom; token: string }>;
  room(id: string): Promise<LiveRoom>;
  rooms(status: RoomStatus, limit: number): Promise<LiveRoom[]>;
  comments(id: string, limit: number): Promise<LiveComment[]>;
  endRoom(userId: string, id: string): Promise<LiveRoom>;
  /** Pins a card (or unpins with null) while live; viewers see it at once. */
  pin(userId: string, id: string, anchor: AnchorInput | null): Promise<LiveRoom>;
  comment(userId: string, id: string, text: string): Promise<LiveComment>;
  like(userId: string, id: string, count: number): Promise<{ likes: number }>;
  /** A viewer's funnel step on the pinned card; whether it counted (signed in, once a day). */
  reportStep(userId: string | null, id: string, step: LiveStep, appid: string): Promise<boolean>;
  funnel(userId: string, id: string): Promise<RoomFunnel>;
  /**
   * A viewer's event stream: counts them in, calls `onEvent` for each room event from any
   * process, and returns what counts them out again.
   */
  watch(
    id: string,
    onEvent: (event: LiveEvent) => void,
    onError: (error: Error) => void,
  ): Promise<() => void>;
}

function toComment(row: LiveEventRow): LiveComment {
  const body = JSON.parse(row.body) as { text: string; name: string };
  return {
    id: row.id,
    user: { id: row.user_id ?? '', name: body.name },
    text: body.text,
    at: Number(row.at),
  };
}

async function toEvent(ctx: LiveContext, row: LiveEventRow): Promise<LiveEvent> {
  const body = JSON.parse(row.body) as Record<string, unknown>;
  switch (row.kind) {
    case 'comment':
      return { id: row.id, kind: 'comment', comment: toComment(row) };
    case 'like':
      return { id: row.id, kind: 'like', likes: Number(body.likes), count: Number(body.count) };
    case 'viewers':
      return { id: row.id, kind: 'viewers', viewers: Number(body.viewers) };
    case 'ended':
      return { id: row.id, kind: 'ended' };
    case 'pin': {
      // The room as it is now: a later pin's event may arrive first, and must not be undone.
      const room = await ctx.requireRoom(ctx.db, row.room_id);
      const cards = await ctx.content.mountable(room.pinned_appid ? [room.pinned_appid] : []);
      return { id: row.id, kind: 'pin', pinned: ctx.pinnedOf(room, cards) };
    }
  }
}

export function createLiveService(deps: LiveDeps): LiveService {
  const ctx = liveContext(deps);
  const { db, clock, content, feed, funnel } = ctx;

  async function roomOf(id: string): Promise<LiveRoom> {
    return (await ctx.toRooms([await ctx.requireRoom(db, id)]))[0] as LiveRoom;
  }

  async function liveRoom(userId: string, id: string) {
    const row = await ctx.requireOwnRoom(db, userId, id);
    if (row.status !== 'live') throw liveErrors.ROOM_ENDED();
    return row;
  }

  async function announceViewers(roomId: string) {
    await db.transaction().execute(async (trx) => {
      await ctx.emit(trx, roomId, 'viewers', null, { viewers: await countViewers(trx, roomId) });
    });
  }

  /**
   * The rules of video anchors (the path's shape, the app mountable, this creator allowed),
   * then the app's industry: a lapsed licence stops live mounting.
   */
  async function mountable(userId: string, anchor: AnchorInput): Promise<void> {
    await content.requireAnchorBy(userId, anchor);
    await ctx.requireLiveMounting(anchor.appid);
  }

  return {
    ...createIngestService(ctx),

    async startRoom(userId, input) {
      if ((await content.creatorName(userId)) === undefined) throw liveErrors.NOT_CREATOR();
      if (input.anchor) await mountable(userId, input.anchor);
      const token = newSecret(32);
      const id = newId('live');
      await db.transaction().execute(async (trx) => {
        if (await liveRoomOf(trx, userId)) throw liveErrors.ALREADY_LIVE();
        await insertRoom(trx, {
          id,
          creator_id: userId,
          title: input.title,
          status: 'live',
          token_hash: tokenHash(token),
          started_at: clock.now(),
          ended_at: null,
          likes: 0,
          joins: 0,
          pinned_appid: input.anchor?.appid ?? null,
          pinned_title: input.anchor?.title ?? null,
          pinned_path: input.anchor?.path.replace(/^\//, '') ?? null,
        });
      });
      return { room: await roomOf(id), token };
    },

    room: roomOf,

    async rooms(status, limit) {
      return ctx.toRooms(await listRooms(db, status, limit));
    },

    async comments(id, limit) {
      await ctx.requireRoom(db, id);
      return (await recentComments(db, id, limit)).map(toComment);
    },

    async endRoom(userId, id) {
      await db.transaction().execute(async (trx) => {
        await ctx.requireOwnRoom(trx, userId, id);
        if (await endRoom(trx, id, clock.now())) await ctx.emit(trx, id, 'ended', null, {});
      });
      return roomOf(id);
    },

    async pin(userId, id, anchor) {
      await liveRoom(userId, id);
      if (anchor) await mountable(userId, anchor);
      await db.transaction().execute(async (trx) => {
        await setPinned(trx, id, anchor ? { ...anchor, path: anchor.path.replace(/^\//, '') } : null);
        await ctx.emit(trx, id, 'pin', userId, {});
      });
      return roomOf(id);
    },

    async comment(userId, id, text) {
      const room = await ctx.requireRoom(db, id);
      if (room.status !== 'live') throw liveErrors.ROOM_ENDED();
      const name = viewerName(userId);
      const eventId = await db
        .transaction()
        .execute((trx) => ctx.emit(trx, id, 'comment', userId, { text, name }));
      return { id: eventId, user: { id: userId, name }, text, at: clock.now() };
    },

    async like(userId, id, count) {
      const room = await ctx.requireRoom(db, id);
      if (room.status !== 'live') throw liveErrors.ROOM_ENDED();
      const likes = await db.transaction().execute(async (trx) => {
        const total = await addLikes(trx, id, count);
        await ctx.emit(trx, id, 'like', userId, { likes: total, count });
        return total;
      });
      return { likes };
    },

    async reportStep(userId, id, step, appid) {
      const room = await ctx.requireRoom(db, id);
      if (room.pinned_appid !== appid) throw liveErrors.STEP_INVALID({ appid });
      return funnel.recordReported(db, {
        appid,
        step,
        userId,
        videoId: null,
        source: { kind: 'live', id },
        at: clock.now(),
      });
    },

    async funnel(userId, id) {
      const room = await ctx.requireOwnRoom(db, userId, id);
      const steps = await funnel.bySource({ kind: 'live', id });
      return {
        joins: Number(room.joins),
        anchorExposure: steps.anchor_exposure,
        anchorClick: steps.anchor_click,
        appOpen: steps.app_open,
        paid: steps.paid,
      };
    },

    async watch(id, onEvent, onError) {
      const room = await ctx.requireRoom(db, id);
      const stop = feed.subscribe(id, (note) => {
        findEvent(db, note.eventId)
          .then(async (row) => {
            if (row) onEvent(await toEvent(ctx, row));
          })
          .catch(onError);
      });
      if (room.status !== 'live') return stop;
      const viewerId = newId('lvw');
      await addViewer(db, { id: viewerId, room_id: id, joined_at: clock.now() });
      await countJoin(db, id);
      await announceViewers(id);
      return () => {
        stop();
        removeViewer(db, viewerId)
          .then(() => announceViewers(id))
          .catch(onError);
      };
    },
  };
}
