import { giniIndex } from '../../../server/src/modules/recommendation/fairness-figures.ts';
import type { PolicyRun } from './simulate.ts';
import type { World } from './world.ts';

export { giniIndex };

const sum = (xs: readonly number[], from = 0, to = xs.length) => {
  let s = 0;
  for (let i = Math.max(0, from); i < Math.min(to, xs.length); i++) s += xs[i] ?? 0;
  return s;
};

export interface FairnessFigures {
  giniProviders: number;
  /** Share of new merchants with ≥ 100 relevant impressions in their first 24 hours. */
  newReach: number;
  /**
   * Median hours from opening until a good new merchant's exposure matches the average
   * incumbent's in every one of `sustainHours` consecutive hours (a one-hour burst is not
   * growth); Infinity when that never happens within the run.
   */
  hoursToAverage: number;
  /** Exposure of bad-service new merchants over that of their good twins (same category, same appeal). */
  badOverGood: number;
  /** Mean cumulative impressions per new merchant, by hours since opening (for the chart). */
  newCurve: number[];
  incumbentCurve: number[];
}

/** How long exposure must stay at least average to count as reached. */
export const sustainHours = 6;

export function fairnessOf(world: World, run: PolicyRun, reachOf = 100): FairnessFigures {
  const hours = run.exposure[0]?.length ?? 0;
  const totals = run.exposure.map((row) => sum(row));
  const incumbents = world.merchants.filter((m) => !m.isNew);
  const fresh = world.merchants.filter((m) => m.isNew);
  const incumbentHourly = Array.from(
    { length: hours },
    (_, h) => incumbents.reduce((s, m) => s + (run.exposure[m.index]?.[h] ?? 0), 0) / incumbents.length,
  );
  const opened = (m: { openedHour: number }) => Math.floor(m.openedHour);
  const reached = fresh.filter(
    (m) => sum(run.relevantExposure[m.index] ?? [], opened(m), opened(m) + 24) >= reachOf,
  );
  const times = fresh
    .filter((m) => m.service === 'good')
    .map((m) => {
      const row = run.exposure[m.index] ?? [];
      let streak = 0;
      for (let h = opened(m); h < hours; h++) {
        streak = (row[h] ?? 0) >= (incumbentHourly[h] ?? 0) ? streak + 1 : 0;
        if (streak === sustainHours) return h + 1 - sustainHours - opened(m);
      }
      return Number.POSITIVE_INFINITY;
    })
    .sort((a, b) => a - b);
  const bad = fresh.filter((m) => m.service === 'bad').reduce((s, m) => s + (totals[m.index] ?? 0), 0);
  const good = fresh.filter((m) => m.service === 'good').reduce((s, m) => s + (totals[m.index] ?? 0), 0);
  const span = Math.min(48, hours - Math.max(...fresh.map(opened)));
  const curve = (rows: number[][], from: (k: number) => number) =>
    Array.from(
      { length: span },
      (_, h) => rows.reduce((s, row, k) => s + sum(row, from(k), from(k) + h + 1), 0) / rows.length,
    );
  return {
    giniProviders: giniIndex(totals),
    newReach: reached.length / fresh.length,
    hoursToAverage: times[Math.floor(times.length / 2)] ?? Number.POSITIVE_INFINITY,
    badOverGood: good === 0 ? 1 : bad / good,
    newCurve: curve(
      fresh.map((m) => run.exposure[m.index] ?? []),
      (k) => opened(fresh[k] ?? { openedHour: 0 }),
    ),
    incumbentCurve: Array.from({ length: span }, (_, h) => sum(incumbentHourly, 0, h + 1)),
  };
}
