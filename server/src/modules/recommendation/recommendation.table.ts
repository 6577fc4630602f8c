/**
 * The recommender's model state: counters only, each updated by increments from events,
 * so several server processes share one state and nothing waits for a batch.
 */
export interface RecItemTable {
  video_id: string;
  creator_id: string;
  appid: string | null;
  category: string | null;
  poi_id: string | null;
  created_at: number;
  impressions: number;
  completes: number;
  likes: number;
  orders: number;
  /** The posterior mean of completion, kept with the counts so "best first" is an index scan. */
  popularity: number;
  /** 1 while the item is new and short of its guaranteed impressions: the exploration pool. */
  exploring: number;
  /** 0 while the video may be recommended. */
  removed: number;
}

/** Per provider (`app:<appid>` or `creator:<id>`); the row `*` holds the total. */
export interface RecProviderTable {
  key: string;
  /** Exposure decayed with a one-day half-life, as of `exposure_at`. */
  exposure: number;
  exposure_at: number;
  impressions: number;
  /** When the provider was first served, and its impressions within that first day. */
  first_at: number;
  first_day_impressions: number;
  orders: number;
  refunds: number;
  complaints: number;
}

export interface RecUserFeatureTable {
  user_id: string;
  feature: string;
  shows: number;
  positives: number;
}

export interface RecCovisitTable {
  item_id: string;
  other_id: string;
  count: number;
}

export interface RecUserRecentTable {
  user_id: string;
  item_id: string;
  at: number;
}

export interface RecFollowTable {
  user_id: string;
  creator_id: string;
}

/** What a viewer (`user:<id>` or `session:<id>`) was served, so pages never repeat. */
export interface RecSeenTable {
  viewer: string;
  item_id: string;
  at: number;
}

/** What everyone did per category in one four-hour band of the day (no user in it). */
export interface RecDaytimeFeatureTable {
  band: number;
  feature: string;
  shows: number;
  positives: number;
}

export interface RecSettingTable {
  name: string;
  value: number;
}

export interface RecommendationTables {
  rec_item: RecItemTable;
  rec_provider: RecProviderTable;
  rec_user_feature: RecUserFeatureTable;
  rec_covisit: RecCovisitTable;
  rec_user_recent: RecUserRecentTable;
  rec_follow: RecFollowTable;
  rec_seen: RecSeenTable;
  rec_setting: RecSettingTable;
  rec_daytime_feature: RecDaytimeFeatureTable;
}
