import type { Insertable, Selectable } from 'kysely';

export interface CreatorTable {
  user_id: string;
  display_name: string;
  created_at: number;
}

export interface VideoTable {
  id: string;
  creator_id: string;
  caption: string;
  video_blob: string;
  video_type: string;
  video_size: number;
  cover_blob: string;
  cover_type: string;
  /** `taken_down` by an operator (reversible), `removed` by its creator or an erasure (final). */
  status: 'published' | 'removed' | 'taken_down';
  /** Why an operator took it down; null otherwise. */
  takedown_reason: string | null;
  created_at: number;
  /** Engagement counters, kept beside the row so the feed reads one index. */
  impressions: number;
  plays: number;
  completes: number;
  likes: number;
  /** Ranking score: engagement on a log scale plus creation time (see ranking.ts). */
  hot: number;
  /** 1 while the video is one of a new creator's or carries a new app: eligible for exploration slots. */
  fresh: number;
  /** The place (POI) the video points to: its page lists the services mounted there. */
  poi_id: string | null;
}

export interface AnchorTable {
  id: string;
  /** What carries it: a video or a POI. A video carries at most one. */
  owner_kind: 'video' | 'poi';
  owner_id: string;
  appid: string;
  title: string;
  /** Page path and query inside the mini program, e.g. `pages/shop/shop?from=video`. */
  path: string;
  created_at: number;
}

export interface PoiTable {
  id: string;
  name: string;
  address: string;
  /** Coordinates in microdegrees (integers, identical on both engines). */
  lat_e6: number;
  lng_e6: number;
  created_by: string;
  created_at: number;
}

export interface VideoLikeTable {
  video_id: string;
  user_id: string;
  created_at: number;
}

export interface FeedEventTable {
  id: string;
  type: string;
  video_id: string | null;
  appid: string | null;
  user_id: string | null;
  at: number;
  received_at: number;
}

export interface ContentKeyTable {
  name: string;
  secret: string;
}

/**
 * Who may mount an app, as on Douyin: only its own org's creator accounts (`self_operated`),
 * those and the creators it authorised (`influencer`), or any creator (`ugc`).
 */
export const mountingModes = ['self_operated', 'influencer', 'ugc'] as const;
export type MountingMode = (typeof mountingModes)[number];
export interface AppMountingTable {
  appid: string;
  mode: MountingMode;
  updated_at: number;
}

/** A creator an app authorised to mount it. */
export interface MountGrantTable {
  appid: string;
  creator_id: string;
  created_at: number;
}

/**
 * A creator account an org names as its own (the merchant's account): it counts for
 * self-operated mounting once the creator confirmed it.
 */
export interface OrgCreatorAccountTable {
  org_id: string;
  creator_id: string;
  created_at: number;
  confirmed_at: number | null;
}

export interface ContentTables {
  creator: CreatorTable;
  video: VideoTable;
  anchor: AnchorTable;
  poi: PoiTable;
  video_like: VideoLikeTable;
  feed_event: FeedEventTable;
  content_key: ContentKeyTable;
  app_mounting: AppMountingTable;
  mount_grant: MountGrantTable;
  org_creator_account: OrgCreatorAccountTable;
}

export type VideoRow = Selectable<VideoTable>;
export type NewVideoRow = Insertable<VideoTable>;
export type AnchorRow = Selectable<AnchorTable>;
export type PoiRow = Selectable<PoiTable>;
