import { mean, ndcgAt, recallAt } from '../search/relevance.ts';
import type { SimPolicy, SimSession } from './policy.ts';
import { poisson, seeded } from './random.ts';
import { isRelevant, react, type SimEvent, type World } from './world.ts';

/** Who scrolls when: drawn once from the seed so every policy serves the same requests. */
export interface Visit {
  user: number;
  /** When in the hour the session starts (0..1). */
  within: number;
  pages: number;
}

export const pageSize = 10;

/** A day-shaped schedule (quiet at night, busy in the evening) of sessions per hour. */
export function scheduleOf(world: World, hours: number, seed: number): Visit[][] {
  const random = seeded(seed);
  const shape = Array.from(
    { length: 24 },
    (_, h) => 0.4 + Math.max(0, Math.sin(((h - 6) / 24) * 2 * Math.PI)) + (h >= 19 && h <= 22 ? 0.6 : 0),
  );
  const total = shape.reduce((a, b) => a + b, 0);
  return Array.from({ length: hours }, (_, hour) => {
    const visits: Visit[] = [];
    for (const user of world.users) {
      const sessions = poisson(random, (user.activity * (shape[hour % 24] ?? 1)) / total);
      // Pages per session: geometric, mean 2.5 (most stop after a page or two, some scroll far).
      for (let s = 0; s < sessions; s++) {
        let pages = 1;
        while (random() < 0.6 && pages < 20) pages++;
        visits.push({ user: user.index, within: random(), pages });
      }
    }
    return visits.sort((a, b) => a.within - b.within);
  });
}

export interface PolicyRun {
  policy: string;
  /** Impressions per merchant per hour, and those to users who care for the item's category. */
  exposure: number[][];
  relevantExposure: number[][];
  ndcg10: number;
  recall50: number;
  pages: number;
  millis: number;
}

/** Judges a policy's scores on the randomly exposed slice (after the logged week, before the live days). */
function evaluate(world: World, policy: SimPolicy): { ndcg10: number; recall50: number } {
  const ndcg: number[] = [];
  const recall: number[] = [];
  for (const { user, grades } of world.randomSlice) {
    const items = [...grades.keys()];
    const scores = policy.scores(user, items);
    const ranked = items
      .map((item, k) => ({ id: String(item), s: scores[k] ?? 0 }))
      .sort((a, b) => b.s - a.s || Number(a.id) - Number(b.id))
      .map((x) => x.id);
    const labels = new Map([...grades].map(([item, g]) => [String(item), g]));
    if ([...labels.values()].every((g) => g === 0)) continue;
    ndcg.push(ndcgAt(10, ranked, labels));
    recall.push(recallAt(50, ranked, labels));
  }
  return { ndcg10: mean(ndcg), recall50: mean(recall) };
}

function count(table: number[][], merchant: number, hour: number): void {
  const row = table[merchant];
  if (row) row[hour] = (row[hour] ?? 0) + 1;
}

/** Replays the logged week into the policy, evaluates it, then serves the live hours. */
export function runPolicy(world: World, policy: SimPolicy, schedule: Visit[][], seed: number): PolicyRun {
  const started = performance.now();
  policy.tick(0);
  policy.observe(world.warmup);
  const { ndcg10, recall50 } = evaluate(world, policy);
  const hours = schedule.length;
  const exposure = world.merchants.map(() => new Array<number>(hours).fill(0));
  const relevantExposure = world.merchants.map(() => new Array<number>(hours).fill(0));
  let pages = 0;
  for (let hour = 0; hour < hours; hour++) {
    policy.tick(hour);
    for (const visit of schedule[hour] ?? []) {
      const user = world.users[visit.user];
      if (!user) continue;
      const session: SimSession = { user: visit.user, hour, at: hour + visit.within, page: 0 };
      for (let p = 0; p < visit.pages; p++) {
        session.page = p;
        const shown = policy.page(session, pageSize);
        pages++;
        const events: SimEvent[] = [];
        for (const index of shown) {
          const item = world.items[index];
          if (!item) continue;
          count(exposure, item.merchant, hour);
          if (isRelevant(user, item)) count(relevantExposure, item.merchant, hour);
          events.push(...react(world, user, item, hour, seed));
        }
        policy.observe(events);
      }
    }
  }
  return {
    policy: policy.name,
    exposure,
    relevantExposure,
    ndcg10,
    recall50,
    pages,
    millis: performance.now() - started,
  };
}
