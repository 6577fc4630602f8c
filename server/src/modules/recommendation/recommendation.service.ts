import type { Clock } from '../../db/clock.ts';
import type { Db } from '../../db/database.ts';
import type { FeedRanker } from '../content/index.ts';
import { recommendationErrors } from './errors.ts';
import { decayed } from './exposure-decay.ts';
import { type FairnessFigures, fairnessFigures, firstDayMs } from './fairness-figures.ts';
import { candidatePlan, changeFor, recentKept, type SignalKind, signalKinds } from './learning.ts';
import * as state from './model-state.repository.ts';
import { rankPage } from './page-ranking.ts';
import {
  defaultRankSettings,
  type ItemFacts,
  providerOf,
  type RankedItem,
  type RankSettings,
} from './recommendation.model.ts';

/** How long a served item stays out of a viewer's pages. */
const seenForMs = 2 * 24 * 3600_000;

/** A video's category: the first hashtag of its caption (`#noodles`), lower-cased. */
export function categoryOf(caption: string): string | null {
  const tag = /#([\p{L}\p{N}_]{1,32})/u.exec(caption);
  return tag?.[1] ? tag[1].toLowerCase() : null;
}

/** The personalised feed's ranking and the model state it learns into, shared by every process. */
export interface RecommendationService extends FeedRanker {
  /** Signals from a user (null: a guest); the next page reflects them. Unknown kinds are ignored. */
  learn(userId: string | null, signals: ReadonlyArray<{ kind: string; videoId: string }>): Promise<void>;
  /** One page for a signed-in user (personalised) or a guest session (popular, with fairness). */
  page(input: { userId: string | null; session: string; limit: number }): Promise<RankedItem[]>;
  fairness(): Promise<FairnessFigures & { explorationShare: number }>;
  setExplorationShare(share: number): Promise<void>;
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
  const decayTo = (now: number) => (value: number, at: number) => decayed(value, at, now);

  async function settings(): Promise<RankSettings> {
    const share = await state.settingOf(db, 'exploration_share');
    return share === undefined ? base : { ...base, explorationShare: share };
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
        for (const s of wanted) {
          const item = items.get(s.videoId);
          if (!item) continue;
          const recent = userId ? (await state.profileOf(trx, userId, recentKept)).recent : [];
          const change = changeFor(s.kind as SignalKind, item, userId, recent);
          await state.applyChange(trx, userId, item.id, change, now, firstDayMs, decayTo(now));
        }
      });
    },

    async page({ userId, session, limit }) {
      const now = clock.now();
      if (now - prunedAt > 60_000) {
        prunedAt = now;
        await state.forgetSeenBefore(db, now - seenForMs);
      }
      const viewer = userId ? `user:${userId}` : `session:${session}`;
      const current = { ...(await settings()), pageSize: limit };
      const [seen, stored] = await Promise.all([
        state.seenBy(db, viewer, now - seenForMs),
        userId ? state.profileOf(db, userId, recentKept) : undefined,
      ]);
      const features = stored?.features ?? new Map();
      const overall = { shows: 0, positives: 0 };
      // Every item has exactly one creator feature, so their sums are the user's totals.
      for (const [feature, c] of features) {
        if (!feature.startsWith('creator:')) continue;
        overall.shows += c.shows;
        overall.positives += c.positives;
      }
      const plan = candidatePlan(features);
      const candidates = await state.candidatesFor(db, {
        recent: stored?.recent ?? [],
        categories: plan.categories,
        creators: plan.creators,
        apps: plan.apps,
        followed: [...(stored?.followed ?? [])],
        newSince: now - current.newForMs,
        newBelowImpressions: current.explorationImpressions,
        perSource: Math.max(50, limit * 3),
        seen,
        createdBy: now,
      });
      const exposure = await state.providerExposure(db, [
        ...new Set(candidates.map((c) => providerOf(c.item))),
      ]);
      const value = new Map(
        exposure.rows.map((r) => [r.key, decayed(Number(r.exposure), Number(r.exposure_at), now)]),
      );
      const total = value.get('*') ?? 0;
      const ranked = rankPage({
        profile: {
          userId,
          features,
          overall,
          followed: stored?.followed ?? new Set(),
          recent: stored?.recent ?? [],
          seen,
        },
        candidates,
        exposure: {
          providers: exposure.providers,
          shareOf: (key) => (total > 0 ? (value.get(key) ?? 0) / total : 0),
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
        for (const r of ranked) {
          const change = changeFor('impression', r.item as ItemFacts, userId, []);
          await state.applyChange(trx, userId, r.item.id, change, now, firstDayMs, decayTo(now));
        }
      });
      return ranked;
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
      return { ...figures, explorationShare: (await settings()).explorationShare };
    },

    async setExplorationShare(share) {
      if (!(share >= 0 && share <= 0.5)) throw recommendationErrors.SETTING_INVALID({ share });
      await state.setSetting(db, 'exploration_share', share);
    },
  };
}
