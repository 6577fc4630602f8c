import type { Selectable } from 'kysely';

export type RoomStatus = 'live' | 'ended';

/** A creator's live room: live while they stream, a replay once ended. */
export interface LiveRoomTable {
  id: string;
  creator_id: string;
  title: string;
  status: RoomStatus;
  /** SHA-256 of the ingest token (base64url); the token itself is shown once. */
  token_hash: string;
  started_at: number;
  ended_at: number | null;
  likes: number;
  /** How many times a viewer joined (the funnel's first step). */
  joins: number;
  /** The mini-program card pinned now, if any. */
  pinned_appid: string | null;
  pinned_title: string | null;
  pinned_path: string | null;
}

/** One pushed HLS segment; its duration is known once a pushed playlist lists it. */
export interface LiveSegmentTable {
  room_id: string;
  name: string;
  /** Arrival order in the room. */
  seq: number;
  blob: string;
  size: number;
  duration_ms: number | null;
  created_at: number;
}

export const liveEventKinds = ['comment', 'like', 'pin', 'viewers', 'ended'] as const;
export type LiveEventKind = (typeof liveEventKinds)[number];

/** What happened in a room, in order: what its event stream sends. */
export interface LiveEventTable {
  id: string;
  room_id: string;
  kind: LiveEventKind;
  user_id: string | null;
  /** The event's data as JSON. */
  body: string;
  at: number;
}

/** An open viewer connection (its event stream), for the viewer count across processes. */
export interface LiveViewerTable {
  id: string;
  room_id: string;
  joined_at: number;
}

export interface LiveTables {
  live_room: LiveRoomTable;
  live_segment: LiveSegmentTable;
  live_event: LiveEventTable;
  live_viewer: LiveViewerTable;
}

export type LiveRoomRow = Selectable<LiveRoomTable>;
export type LiveSegmentRow = Selectable<LiveSegmentTable>;
export type LiveEventRow = Selectable<LiveEventTable>;
