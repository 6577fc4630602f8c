/**
 * The fairness figures the operator sees, computed as the offline evaluation computes them.
 *
 * The Gini index of exposure is RecBole's `GiniIndex`: counts sorted ascending over every
 * provider, Σ (2i − n − 1)·xᵢ / (n · Σ xᵢ) for i = 1..n; 0 is even, near 1 all to one.
 */
export function giniIndex(counts: readonly number[]): number {
  const sorted = [...counts].sort((a, b) => a - b);
  const n = sorted.length;
  const total = sorted.reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) return 0;
  return sorted.reduce((sum, x, i) => sum + (2 * (i + 1) - n - 1) * x, 0) / (n * total);
}

/** Impressions a new provider should reach within its first day. */
export const newProviderReach = 100;
export const firstDayMs = 24 * 3600_000;

export interface FairnessFigures {
  providers: number;
  exposureGini: number;
  /** Providers whose first day ended in the last week, and the share of them that reached `newProviderReach`. */
  newProviders: number;
  newProviderReachShare: number;
}

export function fairnessFigures(
  providers: ReadonlyArray<{ impressions: number; firstAt: number; firstDayImpressions: number }>,
  now: number,
): FairnessFigures {
  const recent = providers.filter((p) => now - p.firstAt >= firstDayMs && now - p.firstAt < 8 * firstDayMs);
  return {
    providers: providers.length,
    exposureGini: giniIndex(providers.map((p) => p.impressions)),
    newProviders: recent.length,
    newProviderReachShare:
      recent.length === 0
        ? 1
        : recent.filter((p) => p.firstDayImpressions >= newProviderReach).length / recent.length,
  };
}
