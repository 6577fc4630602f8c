/** The live module's domain types (camelCase); routes map them to the wire. */
import type { Anchor, AnchorInput, AppCard } from '../content/index.ts';
import type { RoomStatus } from './live.table.ts';

export interface LiveRoom {
  id: string;
  title: string;
  creator: { id: string; name: string };
  status: RoomStatus;
  startedAt: number;
  endedAt: number | null;
  likes: number;
  joins: number;
  /** Viewers watching now (open event streams, every process). */
  viewers: number;
  /** The card pinned now; null when none, or when its app may no longer be mounted. */
  pinned: Anchor | null;
}

export interface LiveComment {
  id: string;
  user: { id: string; name: string };
  text: string;
  at: number;
}

/** One thing that happened in a room, as its event stream sends it. */
export type LiveEvent =
  | { id: string; kind: 'comment'; comment: LiveComment }
  | { id: string; kind: 'like'; likes: number; count: number }
  | { id: string; kind: 'pin'; pinned: Anchor | null }
  | { id: string; kind: 'viewers'; viewers: number }
  | { id: string; kind: 'ended' };

/** What live rooms need of content: creators' names and the anchor rules of videos. */
export interface LiveContent {
  creatorName(userId: string): Promise<string | undefined>;
  /** Refuses (coded) an anchor this creator may not mount; the app's card. */
  requireAnchorBy(creatorId: string, anchor: AnchorInput): Promise<AppCard>;
  /** The cards of the apps that may be mounted now. */
  mountable(appids: string[]): Promise<Map<string, AppCard>>;
}

/** A viewer's funnel step in a room. */
export type LiveStep = 'anchor_exposure' | 'anchor_click' | 'app_open';

/** One room's funnel: joins → card seen → tapped → app opened → orders paid. */
export interface RoomFunnel {
  joins: number;
  anchorExposure: number;
  anchorClick: number;
  appOpen: number;
  paid: number;
}
