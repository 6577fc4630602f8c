import type { Clock } from '../../db/clock.ts';
import type { Db, Executor } from '../../db/database.ts';
import type { FeedRanker } from '../content/index.ts';
import { candidatesFor } from './candidate.repository.ts';
import { recommendationErrors } from './errors.ts';
import { decayed } from './exposure-decay.ts';
import { type FairnessFigures, fairnessFigures, firstDayMs } from './fairness-figures.ts';
import {
  candidatePlan,
  changeFor,
  daytimeBandOf,
  recentKept,
  type SignalKind,
  serviceChangeFor,
  signalKinds,
} from './learning.ts';
import * as state from './model-state.repository.ts';
import { rankPage } from './page-ranking.ts';
import {
  defaultRankSettings,
  type FeatureCounts,
  providerOf,
  type RankedItem,
  type RankSettings,
} from './recommendation.model.ts';

/** How long a served item stays out of a viewer's pages. */
const seenForMs = 2 * 24 * 3600_000;
/** Apps near a guest whose videos are looked up for one page. */
const maxNearApps = 5;
/** Followed creators whose videos are looked up for one page (each is one index scan). */
const maxFollowedSources = 5;
/** How long a process keeps the operator's settings and the number of providers before reading them again. */
const settingsFreshMs = 5_000;

/** A video's category: the first hashtag of its caption (`#noodles`), lower-cased. */
export function categoryOf(caption: string): string | null {
  const tag = /#([\p{L}\p{N}_]{1,32})/u.exec(caption);
  return tag?.[1] ? tag[1].toLowerCase() : null;
}

/** The personalised feed's ranking and the model state it learns into, shared by every process. */
export interface RecommendationService extends FeedRanker {
  /** Signals from a user (null: a guest); the next page reflects them. Unknown kinds are ignored. */
  learn(userId: string | null, signals: ReadonlyArray<{ kind: string; videoId: string }>): Promise<void>;
  /**
   * One page for a signed-in user (personalised) or a guest session: popular with fairness,
   * leaning to what everyone watches at this time of day and to the apps of places near the
   * guest when they shared a location (`nearApps`).
   */
  page(input: {
    userId: string | null;
    session: string;
    limit: number;
    nearApps?: readonly string[];
  }): Promise<RankedItem[]>;
  /**
   * A merchant's service record as it happens: a paid order, a refund, or a user's complaint
   * against the app. Every item mounting that app is judged by it from the next page on;
   * an order also counts in the user's taste for the app. Runs in the caller's transaction.
   */
  serviceRecorded(executor: Executor, event: ServiceEvent): Promise<void>;
  fairness(): Promise<FairnessFigures & { explorationShare: number }>;
  setExplorationShare(share: number): Promise<void>;
}

export interface ServiceEvent {
  appid: string;
  kind: 'order' | 'refund' | 'complaint';
  /** Who ordered, asked for the refund or complained (null when unknown). */
  userId: string | null;
}

export interface RecommendationDeps {
  db: Db;
  clock: Clock;
  settings?: Partial<RankSettings>;
  random?: () => number;
}

const isSignal = (kind: string): kind is SignalKind => (signalKinds as readonly string[]).includes(kind);

/**
 * @example
 * const recommendation = createRecommendationService({ db, clock });
 * const items = await recommendation.page({ userId: 'usr_1', session: 's1', limit: 10 });
 */
export function createRecommendationService(deps: RecommendationDeps): RecommendationService {
  const { db, clock } = deps;
  const random = deps.random ?? Math.random;
  const base = { ...defaultRankSettings, ...deps.settings };
  let prunedAt = 0;

  // Read again every few seconds, so an operator's change reaches every process quickly
  // without a read on each page.
  let known: { at: number; settings: RankSettings } | undefined;
  async function settings(now: number): Promise<RankSettings> {
    if (!known || now - known.at > settingsFreshMs || now < known.at) {
      const share = await state.settingOf(db, 'exploration_share');
      known = { at: now, settings: share === undefined ? base : { ...base, explorationShare: share } };
    }
    return { ...known.settings };
  }
  const daytimeKnown = new Map<number, { at: number; features: Map<string, FeatureCounts> }>();
  async function daytime(now: number): Promise<Map<string, FeatureCounts>> {
    const band = daytimeBandOf(now);
    let known = daytimeKnown.get(band);
    if (!known || now - known.at > settingsFreshMs || now < known.at) {
      known = { at: now, features: await state.daytimeFeatures(db, band) };
      daytimeKnown.set(band, known);
    }
    return known.features;
  }
  let counted: { at: number; providers: number } | undefined;
  async function providerCount(now: number): Promise<number> {
    if (!counted || now - counted.at > settingsFreshMs || now < counted.at)
      counted = { at: now, providers: await state.providerCount(db) };
    return counted.providers;
  }

  return {
    async itemPublished(item) {
      await state.upsertItem(db, {
        id: item.videoId,
        creatorId: item.creatorId,
        appid: item.appid,
        category: categoryOf(item.caption),
        poiId: null,
        createdAt: item.createdAt,
      });
    },

    async itemRemoved(videoId) {
      await state.markRemoved(db, videoId);
    },

    async learn(userId, signals) {
      const wanted = signals.filter((s) => isSignal(s.kind) && s.kind !== 'impression');
      if (wanted.length === 0) return;
      const now = clock.now();
      const items = await state.itemsByIds(db, [...new Set(wanted.map((s) => s.videoId))]);
      await db.transaction().execute(async (trx) => {
        // One signal at a time: a completion pairs with the items engaged just before it.
        for (const s of wanted) {
          const item = items.get(s.videoId);
          if (!item) continue;
          const recent = userId ? (await state.profileOf(trx, userId, recentKept)).recent : [];
          const change = changeFor(s.kind as SignalKind, item, userId, recent);
          await state.applyChanges(trx, userId, [{ itemId: item.id, change }], now, firstDayMs);
        }
      });
    },

    async page({ userId, session, limit, nearApps }) {
      const now = clock.now();
      if (now - prunedAt > 60_000) {
        prunedAt = now;
        await state.forgetSeenBefore(db, now - seenForMs);
        await state.retireExplored(db, now - base.newForMs, base.explorationImpressions);
      }
      const viewer = userId ? `user:${userId}` : `session:${session}`;
      const [current, stored, total, providers] = await Promise.all([
        settings(now),
        userId ? state.profileOf(db, userId, recentKept) : undefined,
        state.totalExposure(db),
        providerCount(now),
      ]);
      current.pageSize = limit;
      // A guest is judged by what everyone watches at this time of day.
      const features = stored?.features ?? (userId === null ? await daytime(now) : new Map());
      const overall = { shows: 0, positives: 0 };
      // Every item has one creator feature (and the day's counts one category), so their
      // sums are the totals a feature's lift is measured against.
      const totalOf = stored ? 'creator:' : 'category:';
      for (const [feature, c] of features) {
        if (!feature.startsWith(totalOf)) continue;
        overall.shows += c.shows;
        overall.positives += c.positives;
      }
      const plan = candidatePlan(features);
      const candidates = await candidatesFor(db, {
        viewer,
        seenSince: now - seenForMs,
        recent: stored?.recent ?? [],
        categories: stored ? plan.categories : [],
        daytimeCategories: stored ? [] : plan.categories,
        creators: plan.creators,
        apps: plan.apps,
        followed: [...(stored?.followed ?? [])].slice(0, maxFollowedSources),
        nearApps: userId === null ? (nearApps ?? []).slice(0, maxNearApps) : [],
        newSince: now - current.newForMs,
        newBelowImpressions: current.explorationImpressions,
        // Enough to fill a page from any one source, and no more: every row costs.
        perSource: limit * 2,
        perKey: limit,
        createdBy: now,
        now,
      });
      const exposureOf = new Map(candidates.map((c) => [providerOf(c.item), c.providerExposure]));
      const all = total ? decayed(total.exposure, total.at, now) : 0;
      const ranked = rankPage({
        profile: {
          userId,
          features,
          overall,
          followed: stored?.followed ?? new Set(),
          recent: stored?.recent ?? [],
          // The candidates' query already left out what this viewer was served.
          seen: new Set(),
        },
        candidates,
        exposure: {
          providers,
          shareOf: (key) => (all > 0 ? (exposureOf.get(key) ?? 0) / all : 0),
        },
        settings: current,
        now,
        random,
      });
      await db.transaction().execute(async (trx) => {
        await state.markSeen(
          trx,
          viewer,
          ranked.map((r) => r.item.id),
          now,
        );
        await state.applyChanges(
          trx,
          userId,
          ranked.map((r) => ({ itemId: r.item.id, change: changeFor('impression', r.item, userId, []) })),
          now,
          firstDayMs,
        );
      });
      return ranked;
    },

    async serviceRecorded(executor, event) {
      await state.applyServiceChange(
        executor,
        event.userId,
        serviceChangeFor(event),
        clock.now(),
        firstDayMs,
      );
    },

    async fairness() {
      const now = clock.now();
      const rows = await state.providerTotals(db);
      const figures = fairnessFigures(
        rows.map((r) => ({
          impressions: Number(r.impressions),
          firstAt: Number(r.first_at),
          firstDayImpressions: Number(r.first_day_impressions),
        })),
        now,
      );
      return { ...figures, explorationShare: (await settings(now)).explorationShare };
    },

    async setExplorationShare(share) {
      if (!(share >= 0 && share <= 0.5)) throw recommendationErrors.SETTING_INVALID({ share });
      await state.setSetting(db, 'exploration_share', share);
      known = undefined;
    },
  };
}
