import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BenchSuite } from '../suite.ts';
import { load } from '../support/load.ts';
import { startPlaza, startScript } from '../support/processes.ts';

const videoCount = 100_000;

/** Writes many published videos straight into the database the server will open. */
function seedVideos(file: string): void {
  const db = new Database(file);
  const now = Date.now();
  db.prepare('insert into creator (user_id, display_name, created_at) values (?, ?, ?)').run(
    'usr_bench',
    'Bench',
    now,
  );
  const insert = db.prepare(
    `insert into video (id, creator_id, caption, video_blob, video_type, video_size, cover_blob, cover_type, status, created_at,
       impressions, plays, completes, likes, hot, fresh)
     values (?, 'usr_bench', ?, ?, 'video/mp4', 1000, ?, 'image/jpeg', 'published', ?, 0, ?, 0, ?, ?, ?)`,
  );
  // The recommender's own row per video, with the same counts (it ranks the feed).
  const ranked = db.prepare(
    `insert into rec_item (video_id, creator_id, appid, category, poi_id, created_at, impressions, completes, likes, orders, removed)
     values (?, 'usr_bench', null, ?, null, ?, ?, ?, ?, 0, 0)`,
  );
  const blob = 'a'.repeat(64);
  db.transaction(() => {
    for (let i = 0; i < videoCount; i++) {
      const created = now - i * 60_000;
      const plays = (i * 7919) % 1000;
      const likes = (i * 104729) % 100;
      const hot = Math.log10(Math.max(1, plays + 3 * likes)) + created / (12 * 3600_000);
      insert.run(
        `vid_${String(i).padStart(8, '0')}`,
        `video ${i}`,
        blob,
        blob,
        created,
        plays,
        likes,
        hot,
        i % 50 === 0 ? 1 : 0,
      );
      ranked.run(
        `vid_${String(i).padStart(8, '0')}`,
        `c${i % 16}`,
        created,
        plays,
        Math.floor(plays / 3),
        likes,
      );
    }
  })();
  db.close();
}

/** `GET /api/feed` with 100,000 videos against a bare indexed query of the same page. */
export const suite: BenchSuite = {
  name: 'feed',
  async run() {
    const dataDir = mkdtempSync(join(tmpdir(), 'plaza-feed-bench-'));
    try {
      // First start applies the migrations; then the videos go in; then the measured start.
      await (await startPlaza({ PLAZA_DATA_DIR: dataDir })).stop();
      seedVideos(join(dataDir, 'plaza.db'));
      const plaza = await startPlaza({ PLAZA_DATA_DIR: dataDir });
      const bare = await startScript('feed-bare-server.ts', { FEED_DB: join(dataDir, 'plaza.db') });
      try {
        const first = (await (await fetch(`${plaza.url}/api/feed?limit=10`)).json()) as {
          items: unknown[];
          next_cursor: string;
        };
        if (first.items.length !== 10) throw new Error('the feed did not return a full page');
        const baseline = await load(bare.url);
        const measured = await load(`${plaza.url}/api/feed?limit=10`);
        const paged = await load(
          `${plaza.url}/api/feed?limit=10&cursor=${encodeURIComponent(first.next_cursor)}`,
        );
        return [
          {
            name: `GET /api/feed, ${videoCount} videos (SQLite) req/s`,
            value: measured.requestsPerSecond,
            unit: 'req/s',
            baseline: { name: 'bare indexed query, same page', value: baseline.requestsPerSecond },
            target: '>= 50% of bare',
            pass: measured.requestsPerSecond >= 0.5 * baseline.requestsPerSecond,
          },
          {
            name: 'GET /api/feed p99',
            value: measured.p99Ms,
            unit: 'ms',
            baseline: { name: 'bare p99', value: baseline.p99Ms },
            target: '< 20 ms',
            pass: measured.p99Ms < 20,
          },
          {
            name: 'GET /api/feed with a cursor p99',
            value: paged.p99Ms,
            unit: 'ms',
            target: '< 20 ms',
            pass: paged.p99Ms < 20,
          },
        ];
      } finally {
        await bare.stop();
        await plaza.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
