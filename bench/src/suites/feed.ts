import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { feedWorld, seedFeedWorld } from '../feed-world.ts';
import type { BenchRow, BenchSuite } from '../suite.ts';
import { cpuDuring } from '../support/cpu-per-request.ts';
import { load } from '../support/load.ts';
import { startPlaza, startScript } from '../support/processes.ts';

/**
 * `GET /api/feed` served by the recommender, at 100,000 videos and 100,000 users with a
 * taste history, under 10 concurrent clients: signed-in users (10,000 sessions taken in
 * turn, each page personalised and recorded) and guests, against a bare indexed query.
 */
export const suite: BenchSuite = {
  name: 'feed',
  async run() {
    const dataDir = mkdtempSync(join(tmpdir(), 'plaza-feed-bench-'));
    try {
      // First start applies the migrations; then the world goes in; then the measured start.
      await (await startPlaza({ PLAZA_DATA_DIR: dataDir })).stop();
      const { tokens } = seedFeedWorld(join(dataDir, 'plaza.db'));
      const plaza = await startPlaza({ PLAZA_DATA_DIR: dataDir, PLAZA_WORKERS: 'false' });
      const bare = await startScript('feed-bare-server.ts', { FEED_DB: join(dataDir, 'plaza.db') });
      try {
        const url = `${plaza.url}/api/feed?limit=10`;
        for (const headers of [{}, { authorization: `Bearer ${tokens[0]}` }] as Array<
          Record<string, string>
        >) {
          const page = (await (await fetch(url, { headers })).json()) as { items: unknown[] };
          if (page.items.length !== 10) throw new Error('the feed did not return a full page');
        }
        const baseline = await load(bare.url);
        const signedIn = await cpuDuring(plaza.child.pid as number, () =>
          load(url, { rotateHeaders: tokens.map((t) => ({ authorization: `Bearer ${t}` })) }),
        );
        const guest = await cpuDuring(plaza.child.pid as number, () => load(url));
        const scale = `${feedWorld.videos} videos, ${feedWorld.users} users (SQLite)`;
        const rows: BenchRow[] = [];
        for (const [who, m] of [
          ['signed-in user (personalised)', signedIn],
          ['guest', guest],
        ] as const) {
          if (m.result.errors + m.result.non2xx > 0)
            throw new Error(`${who}: ${m.result.non2xx} non-2xx, ${m.result.errors} errors`);
          rows.push(
            {
              name: `GET /api/feed, ${who}, ${scale} req/s`,
              value: m.result.requestsPerSecond,
              unit: 'req/s',
              baseline: { name: 'bare indexed query, same page', value: baseline.requestsPerSecond },
              target: '>= 50% of bare',
              pass: m.result.requestsPerSecond >= 0.5 * baseline.requestsPerSecond,
            },
            {
              name: `GET /api/feed, ${who}, p99`,
              value: m.result.p99Ms,
              unit: 'ms',
              baseline: { name: 'bare p99', value: baseline.p99Ms },
              target: '<= 20 ms',
              pass: m.result.p99Ms <= 20,
            },
            { name: `GET /api/feed, ${who}, server CPU per request`, value: m.cpuMs, unit: 'ms' },
          );
        }
        return rows;
      } finally {
        await bare.stop();
        await plaza.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
