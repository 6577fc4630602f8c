import { diversify } from './diversity.ts';
import {
  completionPosterior,
  expectedValue,
  liftOf,
  posteriorMean,
  sampleBeta,
  serviceFactor,
} from './engagement-estimate.ts';
import { fairnessFactor } from './provider-fairness.ts';
import {
  type Candidate,
  type CandidateSource,
  candidateSources,
  type ItemFacts,
  type ProviderExposure,
  providerOf,
  type RankedItem,
  type RankSettings,
  type UserProfile,
} from './recommendation.model.ts';

/**
 * How much this user is expected to care for an item apart from the item's own rate: the
 * lifts of its category, creator, app and place, and co-visitation with what the user
 * engaged with lately. 1 means "no more than anyone".
 */
export function interestOf(profile: UserProfile, item: ItemFacts, covisits: number): number {
  let lift = 1;
  if (item.category) lift *= liftOf(profile, `category:${item.category}`);
  lift *= Math.sqrt(liftOf(profile, `creator:${item.creatorId}`));
  if (item.appid) lift *= Math.sqrt(liftOf(profile, `app:${item.appid}`));
  if (item.poiId) lift *= Math.sqrt(liftOf(profile, `poi:${item.poiId}`));
  if (profile.followed.has(item.creatorId)) lift *= 1.5;
  return lift * (1 + Math.log1p(covisits) / 2);
}

/** Whether the item counts as new: young and still inside its guaranteed impressions. */
export const isNewItem = (c: Candidate, now: number, settings: RankSettings) =>
  now - c.item.createdAt < settings.newForMs && c.stats.impressions < settings.explorationImpressions;

/** A user is likely to want a new item when its features lift it clearly above the average. */
const interestedAbove = 1.3;

/** The deterministic score of an item for a user (no sampling): also what the offline evaluation ranks by. */
export function expectedScore(profile: UserProfile, c: Candidate): number {
  return expectedValue(clampRate(posteriorMean(c.stats) * interestOf(profile, c.item, c.covisits)), c.stats);
}

const clampRate = (p: number) => Math.min(0.99, p);

/** The source shown as "why": the first in the catalogue's order of specificity. */
function sourceOf(c: Candidate): CandidateSource {
  return candidateSources.find((s) => c.sources.includes(s)) ?? 'popular';
}

export interface PageInput {
  profile: UserProfile;
  candidates: readonly Candidate[];
  exposure: ProviderExposure;
  settings: RankSettings;
  now: number;
  random: () => number;
}

/**
 * One page: candidates scored by predicted engagement and conversion value (sampled from
 * their posteriors when fair growth is on), times service quality and the provider
 * regulator; a share of slots reserved for new items among users likely to want them;
 * then the diversity rule. Pure: the server and the offline simulator run this same code.
 */
export function rankPage(input: PageInput): RankedItem[] {
  const { profile, exposure, settings, now, random } = input;
  const fair = settings.fairGrowth;
  const seen = new Set<string>(profile.seen);
  const scored: Array<RankedItem & { candidate: Candidate; interest: number }> = [];
  for (const c of input.candidates) {
    if (seen.has(c.item.id)) continue;
    seen.add(c.item.id);
    const interest = interestOf(profile, c.item, c.covisits);
    const { alpha, beta } = completionPosterior(c.stats);
    const rate = fair ? sampleBeta(alpha, beta, random) : alpha / (alpha + beta);
    let score = expectedValue(clampRate(rate * interest), c.stats);
    if (fair) {
      score *= serviceFactor(c.service);
      score *= fairnessFactor(exposure, providerOf(c.item), settings.fairnessStrength);
    }
    scored.push({ item: c.item, source: sourceOf(c), score, candidate: c, interest });
  }
  scored.sort((a, b) => b.score - a.score);

  const explorers: typeof scored = [];
  if (fair && profile.userId !== null) {
    // Stochastic rounding keeps the long-run share exact for any page size.
    const want = settings.pageSize * settings.explorationShare;
    const slots = Math.floor(want) + (random() < want - Math.floor(want) ? 1 : 0);
    for (const s of scored) {
      if (explorers.length >= slots) break;
      if (s.interest >= interestedAbove && isNewItem(s.candidate, now, settings)) explorers.push(s);
    }
  }
  const chosen = new Set(explorers.map((e) => e.item.id));
  const rest = scored.filter((s) => !chosen.has(s.item.id));
  // Exploration items take evenly spaced slots (never the first), so the page opens with
  // what is known to please.
  const size = settings.pageSize;
  const slotOf = new Map(explorers.map((x, j) => [Math.floor(((j + 1) * size) / (explorers.length + 1)), x]));
  const merged: RankedItem[] = [];
  let r = 0;
  for (let at = 0; merged.length < size + size && (at < size || r < rest.length); at++) {
    const explorer = slotOf.get(at);
    if (explorer) merged.push({ ...explorer, source: 'fresh' });
    else if (r < rest.length) merged.push(rest[r++] as RankedItem);
  }
  return diversify(merged, settings.maxInARow)
    .slice(0, size)
    .map(({ item, source, score }) => ({ item, source, score }));
}
