/** The content module's domain types (camelCase); routes map them to the wire. */

/** What content needs to know of an app: whether an anchor may open it now, and its card. */
export interface AppCard {
  appid: string;
  name: string;
  iconUrl: string | null;
  /** The org that owns the app: its own creator accounts may always mount it. */
  orgId: string;
  /** When the app was created: a new app's videos get exploration slots. */
  createdAt: number;
}
export interface MountableApps {
  /** The cards of the apps that may be mounted now (released, mounting allowed, not taken down). */
  mountable(appids: string[]): Promise<Map<string, AppCard>>;
}

export interface StoredMedia {
  sha256: string;
  size: number;
  type: string;
}

export interface AnchorInput {
  appid: string;
  title: string;
  path: string;
}

/** A service anchor as viewers see it: the app's card and the page it opens. */
export interface Anchor {
  appid: string;
  appName: string;
  appIconUrl: string | null;
  title: string;
  path: string;
}

/** A published video as its card shows it. */
export interface Video {
  id: string;
  caption: string;
  creator: { id: string; name: string };
  videoType: string;
  likes: number;
  plays: number;
  createdAt: number;
  anchor: Anchor | null;
  /** The place the video points to; a tap opens its page. */
  place: { poiId: string; name: string } | null;
}

/** A feed card: the video and why it was recommended (the source that proposed it). */
export interface FeedItem extends Video {
  why: string;
}

export interface FeedPage {
  items: FeedItem[];
  nextCursor: string | null;
}

/**
 * What ranks the feed (the recommendation module, wired by the platform): content tells it
 * what is published and what viewers did, and asks it for pages.
 */
export interface FeedRanker {
  page(input: {
    userId: string | null;
    session: string;
    limit: number;
    /** Apps with a place near the viewer, when the viewer shared a location. */
    nearApps?: readonly string[];
  }): Promise<Array<{ item: { id: string }; source: string }>>;
  learn(userId: string | null, signals: ReadonlyArray<{ kind: string; videoId: string }>): Promise<void>;
  itemPublished(item: {
    videoId: string;
    creatorId: string;
    appid: string | null;
    caption: string;
    createdAt: number;
  }): Promise<void>;
  itemRemoved(videoId: string): Promise<void>;
}

/** A point of interest (a store) carrying service anchors. */
export interface Poi {
  id: string;
  name: string;
  address: string;
  lat: number;
  lng: number;
  anchors: Anchor[];
}

export interface PoiInput {
  name: string;
  address: string;
  lat: number;
  lng: number;
  createdBy: string;
  anchors: AnchorInput[];
}

export const feedEventTypes = [
  'impression',
  'play',
  'complete',
  'like',
  /** The viewer shared the video (counts as engagement in their taste). */
  'share',
  /** The viewer followed the video's creator (their videos become a candidate source). */
  'follow',
  'anchor_exposure',
  'anchor_click',
  'app_open',
] as const;
export type FeedEventType = (typeof feedEventTypes)[number];
export interface FeedEventInput {
  type: FeedEventType;
  videoId?: string;
  appid?: string;
  at: number;
}
