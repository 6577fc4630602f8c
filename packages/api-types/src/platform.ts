/**
 * The platform's HTTP answers as clients read them (snake_case, as /openapi.json describes
 * them). The server's response schemas are checked against these types at compile time, so
 * the super app, the console and the tests read one definition instead of copies.
 */

/** A service anchor on a video or a POI: the app's card and the page it opens. */
export interface Anchor {
  appid: string;
  app_name: string;
  app_icon_url: string | null;
  title: string;
  path: string;
}

/** `GET /api/videos/:id`, and each item of the feed. */
export interface FeedVideo {
  video_id: string;
  caption: string;
  creator: { id: string; name: string };
  video_url: string;
  cover_url: string;
  video_type: string;
  likes: number;
  plays: number;
  /** ISO 8601. */
  created_at: string;
  anchor: Anchor | null;
  /** The place (POI) the video points to; its page lists the services mounted there. */
  place: { poi_id: string; name: string } | null;
}

/** Why a feed item is shown: the source that proposed it (docs/recommendation.md). */
export type FeedReason =
  | 'followed'
  | 'covisit'
  | 'creator'
  | 'app'
  | 'category'
  | 'poi'
  | 'fresh'
  | 'daytime'
  | 'popular';

/** `GET /api/feed`. */
export interface FeedPage {
  items: Array<FeedVideo & { why: FeedReason }>;
  next_cursor: string | null;
}

/** `GET /api/pois/:id`. */
export interface Poi {
  poi_id: string;
  name: string;
  address: string;
  lat: number;
  lng: number;
  anchors: Anchor[];
}

/** One day of `GET /api/apps/:appid/funnel`: how many of each step, and the amount settled. */
export interface FunnelDay {
  /** `YYYY-MM-DD`, UTC. */
  date: string;
  anchor_exposure: number;
  anchor_click: number;
  app_open: number;
  login: number;
  paid: number;
  settled: number;
  settled_amount: number;
}

/** `GET /api/apps/:appid/funnel`. */
export interface FunnelReport {
  appid: string;
  days: FunnelDay[];
}

/** True when two types are the same both ways: `const check: SameShape<A, B> = true`. */
export type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
