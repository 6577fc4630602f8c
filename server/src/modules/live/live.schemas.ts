import { z } from 'zod';
import type { Anchor } from '../content/index.ts';
import type { LiveComment, LiveEvent, LiveRoom } from './live.model.ts';

/** HTTP shapes of the live routes (snake_case on the wire) and the mapping to them. */
export const roomParam = z.strictObject({ room_id: z.string().min(1).max(64) });

export const anchorInput = z.strictObject({
  appid: z.string().min(1).max(64),
  title: z.string().min(1).max(60),
  path: z.string().min(1).max(512),
});

const anchorJson = z.object({
  appid: z.string(),
  app_name: z.string(),
  app_icon_url: z.string().nullable(),
  title: z.string(),
  path: z.string(),
});

export const roomJson = z.object({
  room_id: z.string(),
  title: z.string(),
  creator: z.object({ id: z.string(), name: z.string() }),
  status: z.enum(['live', 'ended']),
  started_at: z.string(),
  ended_at: z.string().nullable(),
  likes: z.number(),
  joins: z.number(),
  viewers: z.number(),
  pinned: anchorJson.nullable(),
  playlist_url: z.string(),
});

export const commentJson = z.object({
  comment_id: z.string(),
  user: z.object({ id: z.string(), name: z.string() }),
  text: z.string(),
  at: z.string(),
});

const iso = (ms: number) => new Date(ms).toISOString();

export function toAnchorJson(a: Anchor | null): z.infer<typeof anchorJson> | null {
  return a
    ? { appid: a.appid, app_name: a.appName, app_icon_url: a.appIconUrl, title: a.title, path: a.path }
    : null;
}

export function toRoomJson(r: LiveRoom): z.infer<typeof roomJson> {
  return {
    room_id: r.id,
    title: r.title,
    creator: r.creator,
    status: r.status,
    started_at: iso(r.startedAt),
    ended_at: r.endedAt === null ? null : iso(r.endedAt),
    likes: r.likes,
    joins: r.joins,
    viewers: r.viewers,
    pinned: toAnchorJson(r.pinned),
    playlist_url: `/api/live/rooms/${r.id}/playlist.m3u8`,
  };
}

export function toCommentJson(c: LiveComment): z.infer<typeof commentJson> {
  return { comment_id: c.id, user: c.user, text: c.text, at: iso(c.at) };
}

/** A room event as its event stream sends it: the SSE event name and its data. */
export function toEventJson(e: LiveEvent): { event: string; data: unknown } {
  switch (e.kind) {
    case 'comment':
      return { event: 'comment', data: toCommentJson(e.comment) };
    case 'like':
      return { event: 'like', data: { likes: e.likes, count: e.count } };
    case 'pin':
      return { event: 'pin', data: { pinned: toAnchorJson(e.pinned) } };
    case 'viewers':
      return { event: 'viewers', data: { viewers: e.viewers } };
    case 'ended':
      return { event: 'ended', data: {} };
  }
}
