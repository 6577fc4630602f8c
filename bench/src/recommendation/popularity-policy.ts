import { engagementOf } from '../../../server/src/modules/content/ranking.ts';
import { engagementCounts } from './engagement-counts.ts';
import type { SimPolicy } from './policy.ts';
import type { World } from './world.ts';

/** The most engaged videos first, for everyone, paged by offset; refreshed every hour. */
export function popularityPolicy(world: World): SimPolicy {
  const counts = engagementCounts(world);
  let order: number[] = [];
  const score = (index: number) => engagementOf(counts.of(index));
  return {
    name: 'popularity',
    observe: counts.observe,
    tick(hour) {
      order = world.items
        .filter((i) => i.createdHour < hour + 1)
        .map((i) => i.index)
        .sort((a, b) => score(b) - score(a));
    },
    page(session, size) {
      const from = (session.cursor as number | undefined) ?? 0;
      const open = order.filter((k) => (world.items[k]?.createdHour ?? 0) <= session.at);
      session.cursor = from + size;
      return open.slice(from, from + size);
    },
    scores(_user, items) {
      return items.map(score);
    },
  };
}
