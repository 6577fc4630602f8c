import type { FeatureCounts, ItemStats, ServiceRecord, UserProfile } from './recommendation.model.ts';

/**
 * Predicted engagement, uncertainty included. An item's completion rate is a Beta
 * posterior (prior: mean 0.3, worth 10 impressions), so an item with few impressions is
 * judged by what it earned plus a prior, not by its raw count; Thompson sampling draws
 * from that posterior, so an uncertain item sometimes ranks high and earns evidence.
 */
const prior = { mean: 0.3, weight: 10 };
/** Orders per impression before any evidence. */
const orderPrior = { mean: 0.01, weight: 200 };
/** What an order is worth next to a completed view. */
const orderWeight = 8;

export function completionPosterior(stats: ItemStats): { alpha: number; beta: number } {
  // A completion reported without its impression still counts as a shown video.
  const trials = Math.max(stats.impressions, stats.completes);
  return {
    alpha: prior.mean * prior.weight + stats.completes,
    beta: (1 - prior.mean) * prior.weight + trials - stats.completes,
  };
}

export function posteriorMean(stats: ItemStats): number {
  const { alpha, beta } = completionPosterior(stats);
  return alpha / (alpha + beta);
}

/** A draw from Beta(α, β) (two Gamma draws, Marsaglia–Tsang). */
export function sampleBeta(alpha: number, beta: number, random: () => number): number {
  const x = sampleGamma(alpha, random);
  const y = sampleGamma(beta, random);
  return x / (x + y);
}

function sampleGamma(shape: number, random: () => number): number {
  if (shape < 1) return sampleGamma(shape + 1, random) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12))) * Math.cos(2 * Math.PI * random());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * How much more (or less) this user engages with a feature than with anything: the
 * feature's positive rate over the user's own rate, shrunk towards 1 while evidence is thin.
 */
export function liftOf(profile: UserProfile, feature: string): number {
  const counts: FeatureCounts | undefined = profile.features.get(feature);
  if (!counts) return 1;
  const base = (profile.overall.positives + 3) / (profile.overall.shows + 10);
  const shrink = 5;
  const rate = (counts.positives + shrink * base) / (counts.shows + shrink);
  return Math.min(8, Math.max(0.125, rate / base));
}

/** Value of one impression: the chance of a completed view, plus what an order is worth. */
export function expectedValue(completion: number, stats: ItemStats): number {
  const orderRate =
    (stats.orders + orderPrior.mean * orderPrior.weight) / (stats.impressions + orderPrior.weight);
  const likeRate = (stats.likes + 1) / (stats.impressions + 20);
  return completion * (1 + likeRate) + orderWeight * orderRate * completion;
}

/**
 * Service quality as a multiplier: refunds and complaints per order against a prior of 5%
 * (worth 20 orders). A clean record lifts exposure up to 1.2×; a bad one cuts it to 0.2×.
 */
export function serviceFactor(record: ServiceRecord): number {
  const badRate = (record.refunds + record.complaints + 0.05 * 20) / (record.orders + 20);
  return Math.min(1.2, Math.max(0.2, 1 - 4 * (badRate - 0.05)));
}
