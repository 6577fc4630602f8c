import type { Engagement } from '../../../server/src/modules/content/ranking.ts';
import type { SimEvent, World } from './world.ts';

/** The counters the server keeps on each video row (plays, completes, likes), fed by simulated events. */
export function engagementCounts(world: World) {
  const counts: Engagement[] = world.items.map(() => ({ plays: 0, completes: 0, likes: 0 }));
  return {
    of: (index: number): Engagement => counts[index] ?? { plays: 0, completes: 0, likes: 0 },
    observe(events: readonly SimEvent[]) {
      for (const e of events) {
        const c = counts[e.item];
        if (!c) continue;
        if (e.kind === 'play') c.plays++;
        else if (e.kind === 'complete') c.completes++;
        else if (e.kind === 'like') c.likes++;
      }
    },
  };
}
