import { posteriorMean } from '../../../server/src/modules/recommendation/engagement-estimate.ts';
import { decayed } from '../../../server/src/modules/recommendation/exposure-decay.ts';
import {
  candidatePlan,
  changeFor,
  recentKept,
  type SignalKind,
} from '../../../server/src/modules/recommendation/learning.ts';
import { expectedScore, rankPage } from '../../../server/src/modules/recommendation/page-ranking.ts';
import {
  type Candidate,
  type CandidateSource,
  type FeatureCounts,
  type ItemFacts,
  type ItemStats,
  providerOf,
  type RankSettings,
  type ServiceRecord,
} from '../../../server/src/modules/recommendation/recommendation.model.ts';
import { msOf, type SimPolicy } from './policy.ts';
import { seeded } from './random.ts';
import type { SimEvent, World } from './world.ts';

interface SimProfile {
  features: Map<string, FeatureCounts>;
  overall: FeatureCounts;
  followed: Set<string>;
  recent: string[];
  seen: Set<string>;
  seenOrder: string[];
}

/** How many past impressions a user is not shown again (the server keeps a window of days). */
const seenKept = 400;

/**
 * The new recommender in the simulator: the server's pure ranking and learning code, with
 * the model state in memory instead of tables. Candidates come from the same sources the
 * server queries (co-visitation, category, creator, app, followed, fresh, popular).
 */
export function recommenderPolicy(
  world: World,
  name: string,
  settings: RankSettings,
  seed: number,
): SimPolicy {
  const random = seeded(seed);
  const facts: ItemFacts[] = world.items.map((i) => ({
    id: i.id,
    creatorId: i.creator,
    appid: world.merchants[i.merchant]?.id ?? null,
    category: `c${i.category}`,
    poiId: null,
    createdAt: msOf(i.createdHour),
  }));
  const indexOf = new Map(facts.map((f, k) => [f.id, k]));
  const stats: ItemStats[] = facts.map(() => ({ impressions: 0, completes: 0, likes: 0, orders: 0 }));
  const service = new Map<string, ServiceRecord>();
  const exposure = new Map<string, { value: number; at: number }>();
  let total = { value: 0, at: 0 };
  const covisit = new Map<string, Map<string, number>>();
  const profiles = world.users.map(
    (): SimProfile => ({
      features: new Map(),
      overall: { shows: 0, positives: 0 },
      followed: new Set(),
      recent: [],
      seen: new Set(),
      seenOrder: [],
    }),
  );
  const byCreator = new Map<string, number[]>();
  const byApp = new Map<string, number[]>();
  /** Each item's strongest co-visits, sorted once an hour (the server reads them by index). */
  const neighbours = new Map<string, number[]>();
  const neighboursOf = (id: string) => {
    let found = neighbours.get(id);
    if (!found) {
      found = [...(covisit.get(id) ?? [])]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 20)
        .flatMap(([other]) => {
          const k = indexOf.get(other);
          return k === undefined ? [] : [k];
        });
      neighbours.set(id, found);
    }
    return found;
  };
  let visible: number[] = [];
  let topOfCategory = new Map<string, number[]>();
  let popular: number[] = [];
  let fresh: number[] = [];

  const serviceOf = (key: string) => service.get(key) ?? { orders: 0, refunds: 0, complaints: 0 };
  const candidate = (k: number, sources: CandidateSource[], covisits: number): Candidate => {
    const item = facts[k] as ItemFacts;
    return { item, stats: stats[k] as ItemStats, service: serviceOf(providerOf(item)), sources, covisits };
  };
  const covisitsWith = (p: SimProfile, id: string) =>
    p.recent.reduce((sum, r) => sum + (covisit.get(r)?.get(id) ?? 0), 0);
  const profileFor = (user: number, p: SimProfile) => ({ userId: `u${user}`, ...p });

  function observeOne(e: SimEvent) {
    const kind = (e.kind === 'play' ? null : e.kind) as SignalKind | null;
    if (!kind) return;
    const p = profiles[e.user] as SimProfile;
    const k = e.item;
    const item = facts[k] as ItemFacts;
    const change = changeFor(kind, item, `u${e.user}`, p.recent);
    const s = stats[k] as ItemStats;
    s.impressions += change.item.impressions;
    s.completes += change.item.completes;
    s.likes += change.item.likes;
    s.orders += change.item.orders;
    const rec = serviceOf(change.provider.key);
    service.set(change.provider.key, {
      orders: rec.orders + change.provider.orders,
      refunds: rec.refunds + change.provider.refunds,
      complaints: rec.complaints + change.provider.complaints,
    });
    if (change.provider.impressions > 0) {
      const now = msOf(e.hour);
      const ex = exposure.get(change.provider.key) ?? { value: 0, at: now };
      exposure.set(change.provider.key, { value: decayed(ex.value, ex.at, now) + 1, at: now });
      total = { value: decayed(total.value, total.at, now) + 1, at: now };
      if (!p.seen.has(item.id)) {
        p.seen.add(item.id);
        p.seenOrder.push(item.id);
        if (p.seenOrder.length > seenKept) p.seen.delete(p.seenOrder.shift() as string);
      }
    }
    for (const f of change.features) {
      const c = p.features.get(f.feature) ?? { shows: 0, positives: 0 };
      p.features.set(f.feature, { shows: c.shows + f.shows, positives: c.positives + f.positives });
    }
    if (change.features.length > 0) {
      const f = change.features[0];
      p.overall = {
        shows: p.overall.shows + (f?.shows ?? 0),
        positives: p.overall.positives + (f?.positives ?? 0),
      };
    }
    for (const [a, b] of change.covisits) {
      const row = covisit.get(a) ?? new Map<string, number>();
      row.set(b, (row.get(b) ?? 0) + 1);
      covisit.set(a, row);
    }
    if (change.follows) p.followed.add(change.follows);
    if (change.engaged && p.recent[0] !== item.id) {
      p.recent = [item.id, ...p.recent.filter((r) => r !== item.id)].slice(0, recentKept);
    }
  }

  return {
    name,
    observe(events) {
      for (const e of events) observeOne(e);
    },
    tick(hour) {
      visible = world.items.filter((i) => i.createdHour < hour + 1).map((i) => i.index);
      neighbours.clear();
      if (byCreator.size === 0 || hour >= 0) {
        byCreator.clear();
        byApp.clear();
        for (const k of visible) {
          const f = facts[k] as ItemFacts;
          byCreator.set(f.creatorId, [...(byCreator.get(f.creatorId) ?? []), k]);
          if (f.appid) byApp.set(f.appid, [...(byApp.get(f.appid) ?? []), k]);
        }
      }
      const ranked = [...visible].sort(
        (a, b) => posteriorMean(stats[b] as ItemStats) - posteriorMean(stats[a] as ItemStats),
      );
      popular = ranked.slice(0, 60);
      topOfCategory = new Map();
      for (const k of ranked) {
        const c = facts[k]?.category ?? '';
        const list = topOfCategory.get(c) ?? [];
        if (list.length < 40) list.push(k);
        topOfCategory.set(c, list);
      }
      const now = msOf(hour);
      fresh = visible.filter(
        (k) =>
          now - (facts[k] as ItemFacts).createdAt < settings.newForMs &&
          (stats[k] as ItemStats).impressions < settings.explorationImpressions,
      );
    },
    page(session, size) {
      const p = profiles[session.user] as SimProfile;
      const found = new Map<number, { sources: CandidateSource[] }>();
      const add = (ks: readonly number[] | undefined, source: CandidateSource) => {
        for (const k of ks ?? []) {
          const c = found.get(k) ?? { sources: [] };
          c.sources.push(source);
          found.set(k, c);
        }
      };
      for (const r of p.recent) add(neighboursOf(r), 'covisit');
      const plan = candidatePlan(p.features);
      for (const c of plan.categories) add(topOfCategory.get(c), 'category');
      for (const c of plan.creators) add(byCreator.get(c)?.slice(0, 20), 'creator');
      for (const a of plan.apps) add(byApp.get(a)?.slice(0, 20), 'app');
      for (const c of p.followed) add(byCreator.get(c)?.slice(0, 20), 'followed');
      add(fresh, 'fresh');
      add(popular, 'popular');
      const now = msOf(session.at);
      const candidates = [...found]
        .filter(([k]) => (facts[k] as ItemFacts).createdAt <= now)
        .map(([k, c]) => candidate(k, c.sources, covisitsWith(p, facts[k]?.id ?? '')));
      const page = rankPage({
        profile: profileFor(session.user, p),
        candidates,
        exposure: {
          providers: byApp.size,
          shareOf: (key) => {
            const ex = exposure.get(key);
            const all = decayed(total.value, total.at, now);
            return ex && all > 0 ? decayed(ex.value, ex.at, now) / all : 0;
          },
        },
        settings: { ...settings, pageSize: size },
        now,
        random,
      });
      return page.map((r) => indexOf.get(r.item.id) ?? -1).filter((k) => k >= 0);
    },
    scores(user, items) {
      const p = profiles[user] as SimProfile;
      const profile = profileFor(user, p);
      return items.map((k) => expectedScore(profile, candidate(k, [], covisitsWith(p, facts[k]?.id ?? ''))));
    },
  };
}
