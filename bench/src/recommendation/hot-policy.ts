import { freshForMs, hotScore, interleave } from '../../../server/src/modules/content/ranking.ts';
import { engagementCounts } from './engagement-counts.ts';
import { msOf, type SimPolicy } from './policy.ts';
import type { World } from './world.ts';

/**
 * Today's feed, run through the server's own ranking code: videos by hot score, every
 * fourth slot for the newest video of a new creator or app, the same list for everyone,
 * read with a cursor. The order is refreshed every simulated hour.
 */
export function hotPolicy(world: World): SimPolicy {
  const counts = engagementCounts(world);
  let ranked: Array<{ id: string; index: number }> = [];
  let fresh: Array<{ id: string; index: number; created: number }> = [];
  const isFresh = (index: number, now: number) => {
    const item = world.items[index];
    const merchant = item && world.merchants[item.merchant];
    if (!item || !merchant) return false;
    const created = msOf(item.createdHour);
    return now - created < freshForMs && created - msOf(merchant.openedHour) < freshForMs;
  };
  return {
    name: 'hot ranking (today)',
    observe: counts.observe,
    tick(hour) {
      const now = msOf(hour);
      const visible = world.items.filter((i) => i.createdHour < hour + 1);
      const score = (index: number) => hotScore(counts.of(index), msOf(world.items[index]?.createdHour ?? 0));
      ranked = visible
        .filter((i) => i.createdHour <= hour && !isFresh(i.index, now))
        .map((i) => ({ id: i.id, index: i.index, s: score(i.index) }))
        .sort((a, b) => b.s - a.s);
      fresh = visible
        .filter((i) => isFresh(i.index, now))
        .sort((a, b) => b.createdHour - a.createdHour || b.index - a.index)
        .map((i) => ({ id: i.id, index: i.index, created: i.createdHour }));
    },
    page(session, size) {
      // The fresh list's cursor is a creation time, as the server's is: videos posted
      // while the user scrolls appear on the next session's first page, not mid-session.
      const at = (session.cursor as { r: number; f: number } | undefined) ?? { r: 0, f: session.at };
      const open = fresh.filter((f) => f.created <= at.f);
      const { page, usedRanked, usedFresh } = interleave(ranked.slice(at.r), open, size);
      const lastFresh = open[usedFresh - 1];
      session.cursor = { r: at.r + usedRanked, f: lastFresh ? lastFresh.created - 1e-9 : at.f };
      return page.map((p) => p.index);
    },
    scores(_user, items) {
      return items.map((index) => hotScore(counts.of(index), msOf(world.items[index]?.createdHour ?? 0)));
    },
  };
}
