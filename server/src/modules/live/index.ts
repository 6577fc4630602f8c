/**
 * Live rooms: a creator goes live and pushes HLS over HTTP to an authenticated ingest URL
 * (ffmpeg `-f hls -method PUT`, no RTMP); viewers play the stored segments, follow
 * comments, likes, the viewer count and the pinned mini-program card over the room's
 * event stream (fanned out across processes like the inbox); ended rooms are replays.
 *
 * @example
 * const live = createLiveService({ db, clock, blobs, feed, content, funnel });
 * const { room, token } = await live.startRoom(userId, { title: '今晚吃面' });
 */
export { liveErrors } from './errors.ts';
export type { LiveComment, LiveContent, LiveEvent, LiveRoom, RoomFunnel } from './live.model.ts';
export { livePlugin } from './live.plugin.ts';
export { createLiveService, type LiveService } from './live.service.ts';
export type { LiveTables } from './live.table.ts';
export type { LiveDeps } from './live-context.ts';
export { type LiveNote, type RoomFeed, roomFeedFor } from './live-feed.ts';
export { liveMigrations } from './migrations/index.ts';
