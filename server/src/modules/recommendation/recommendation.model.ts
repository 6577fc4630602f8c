/** The recommendation module's domain types: what ranking reads, whatever stores it. */

/** Where a candidate came from: also what "why am I seeing this" shows. */
export const candidateSources = [
  'followed',
  'covisit',
  'creator',
  'app',
  'category',
  'poi',
  'fresh',
  /** For a guest: a category everyone watches at this time of day. */
  'daytime',
  'popular',
] as const;
export type CandidateSource = (typeof candidateSources)[number];

/** What is known of a video apart from its counts. */
export interface ItemFacts {
  id: string;
  creatorId: string;
  /** The mounted app (the merchant), if any. */
  appid: string | null;
  category: string | null;
  poiId: string | null;
  createdAt: number;
}

/** Counts learned from events, per video. */
export interface ItemStats {
  impressions: number;
  /** Impressions that were watched to the end (or nearly): the engagement rate's successes. */
  completes: number;
  likes: number;
  orders: number;
}

/** What a provider's service record says: refunds and complaints against its orders. */
export interface ServiceRecord {
  orders: number;
  refunds: number;
  complaints: number;
}

/** A user's learned taste: per feature (`category:food`, `creator:u1`, `app:a1`), shows and positives. */
export interface FeatureCounts {
  shows: number;
  positives: number;
}

export interface UserProfile {
  /** Absent for a guest. */
  userId: string | null;
  features: ReadonlyMap<string, FeatureCounts>;
  /** Overall shows and positives, the base a feature's lift is measured against. */
  overall: FeatureCounts;
  followed: ReadonlySet<string>;
  /** Recently engaged items, newest first: the seeds of co-visitation. */
  recent: readonly string[];
  /** Items already shown to this user (or in this session): never shown again. */
  seen: ReadonlySet<string>;
}

export interface Candidate {
  item: ItemFacts;
  stats: ItemStats;
  service: ServiceRecord;
  sources: readonly CandidateSource[];
  /** Co-visitation count with the user's recent items (0 when none). */
  covisits: number;
}

/** Each provider's share of recent exposure, and how many providers share it. */
export interface ProviderExposure {
  shareOf(provider: string): number;
  providers: number;
}

/** What the operator tunes and what the offline comparison switches off. */
export interface RankSettings {
  pageSize: number;
  /** Share of each page reserved for new items among users likely to want them (0..1). */
  explorationShare: number;
  /** Impressions each new item is guaranteed before it is judged on what it earned alone. */
  explorationImpressions: number;
  /** How long an item counts as new. */
  newForMs: number;
  /** No more than this many of one creator or one app in a row. */
  maxInARow: number;
  /** Strength of the provider-exposure regulator (0 turns it off). */
  fairnessStrength: number;
  /** Thompson sampling, the exploration budget, fairness and service quality: off for the "without fairness" baseline. */
  fairGrowth: boolean;
}

export const defaultRankSettings: RankSettings = {
  pageSize: 10,
  explorationShare: 0.2,
  explorationImpressions: 100,
  newForMs: 3 * 24 * 3600_000,
  maxInARow: 2,
  fairnessStrength: 0.5,
  fairGrowth: true,
};

export interface RankedItem {
  item: ItemFacts;
  /** Why it is here: the source that proposed it, or `fresh` for an exploration slot. */
  source: CandidateSource;
  score: number;
}

/** The provider of an item: its merchant (app) when it carries one, else its creator. */
export const providerOf = (item: Pick<ItemFacts, 'appid' | 'creatorId'>): string =>
  item.appid ? `app:${item.appid}` : `creator:${item.creatorId}`;
