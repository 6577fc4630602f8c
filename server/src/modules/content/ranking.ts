/**
 * The feed's first ranking, kept pure so it is tested without a database.
 *
 * `hot` puts engagement on a log scale and adds creation time, as Reddit's "hot" does:
 * ten times the engagement is worth `gravityMs` of recency. Because time is additive,
 * a video's score only changes when its engagement does, so the feed reads one index
 * in score order instead of re-scoring every video on every request.
 */
export const gravityMs = 12 * 3600_000;

export interface Engagement {
  plays: number;
  completes: number;
  likes: number;
}

export function engagementOf(e: Engagement): number {
  return e.plays + 2 * e.completes + 3 * e.likes;
}

export function hotScore(e: Engagement, createdAt: number): number {
  return Math.log10(Math.max(1, engagementOf(e))) + createdAt / gravityMs;
}

/** Every `explorationEvery`-th slot of a page goes to a fresh video: a new creator's or a new app's. */
export const explorationEvery = 4;

/** How long a creator or an app counts as new. */
export const freshForMs = 14 * 24 * 3600_000;

/**
 * Interleaves ranked and exploration candidates into one page: slots 4, 8, … take the
 * next fresh video; a video never appears twice; when one list runs out the other fills.
 */
export function interleave<T extends { id: string }>(
  ranked: T[],
  fresh: T[],
  size: number,
): {
  page: T[];
  usedRanked: number;
  usedFresh: number;
} {
  const page: T[] = [];
  const seen = new Set<string>();
  let r = 0;
  let f = 0;
  const take = (list: T[], i: number): [T | undefined, number] => {
    while (i < list.length && seen.has((list[i] as T).id)) i++;
    return [list[i], i + 1];
  };
  while (page.length < size && (r < ranked.length || f < fresh.length)) {
    const explorationSlot = (page.length + 1) % explorationEvery === 0;
    let item: T | undefined;
    if (explorationSlot) {
      [item, f] = take(fresh, f);
      if (!item) [item, r] = take(ranked, r);
    } else {
      [item, r] = take(ranked, r);
      if (!item) [item, f] = take(fresh, f);
    }
    if (!item) break;
    seen.add(item.id);
    page.push(item);
  }
  return { page, usedRanked: r, usedFresh: f };
}
