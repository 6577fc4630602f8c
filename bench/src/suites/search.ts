import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { manualClock } from '../../../server/src/db/clock.ts';
import { openDatabase } from '../../../server/src/db/database.ts';
import { createMigrator, migrateToLatest } from '../../../server/src/db/migrator.ts';
import { createSearchService, searchMigrations } from '../../../server/src/modules/search/index.ts';
import { fts5Match } from '../../../server/src/modules/search/match-expression.ts';
import { createSegmenter, queryGroups } from '../../../server/src/modules/search/search-terms.ts';
import { generateCatalogue } from '../search/catalogue.ts';
import { labelledQueries } from '../search/labelled-queries.ts';
import { mean, ndcgAt, recallAt } from '../search/relevance.ts';
import type { BenchRow, BenchSuite } from '../suite.ts';
import { percentile } from '../support/percentile.ts';

const sizes = { apps: 5_000, pois: 50_000, videos: 100_000, creators: 2_000 };
const clients = 10;

/** Closed-loop clients, each sending the next query as soon as its last one answered. */
async function underLoad(
  queries: readonly string[],
  ask: (q: string) => Promise<unknown>,
  seconds: number,
): Promise<{ p50: number; p99: number; perSecond: number; cpuMs: number }> {
  const latencies: number[] = [];
  // The process's own CPU: a fairer measure than latency on a shared, loaded machine.
  const cpuBefore = process.cpuUsage();
  const until = performance.now() + seconds * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const q = queries[next++ % queries.length] as string;
        const start = performance.now();
        await ask(q);
        latencies.push(performance.now() - start);
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  return {
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    perSecond: latencies.length / seconds,
    cpuMs: (cpu.user + cpu.system) / 1000 / latencies.length,
  };
}

/**
 * Search over a generated catalogue (10,000 apps and services, 50,000 POIs, 100,000 videos,
 * 2,000 creators) on SQLite: relevance of a labelled query set against substring LIKE on
 * the raw text, latency under 10 clients against a bare FTS5 query, and indexing speed.
 */
export const suite: BenchSuite = {
  name: 'search',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'plaza-search-bench-'));
    const { db } = openDatabase({ kind: 'sqlite', file: join(dir, 'plaza.db') });
    try {
      await migrateToLatest(createMigrator(db, [searchMigrations]));
      const search = createSearchService({
        db,
        engine: 'sqlite',
        clock: manualClock(Date.UTC(2026, 11, 1)),
        // Every generated app is released and active.
        visibleApps: async (appids) => new Set(appids),
        appProfile: async () => undefined,
      });
      const catalogue = generateCatalogue(sizes);
      const queries = labelledQueries(catalogue);
      process.stdout.write(
        `search: ${catalogue.docs.length} documents, ${queries.length} labelled queries\n`,
      );

      // Indexing the whole catalogue, 500 documents per transaction.
      let start = performance.now();
      for (let i = 0; i < catalogue.docs.length; i += 500)
        await search.index(catalogue.docs.slice(i, i + 500));
      const fullRate = catalogue.docs.length / ((performance.now() - start) / 1000);
      const loadAfterIndexing = loadavg()[0] as number;

      // Relevance: Plaza's ranking against substring LIKE on the raw text, per query.
      const plaza = { ndcg: [] as number[], recall: [] as number[] };
      const like = { ndcg: [] as number[], recall: [] as number[] };
      const byType = new Map<string, { plaza: number[]; like: number[] }>();
      for (const q of queries) {
        const page = await search.search({
          query: q.query,
          tab: 'all',
          limit: 50,
          userId: null,
          record: false,
        });
        const ours = page.items.map((i) => i.id);
        // The baseline: every space-separated word a substring of the title or text; title hits first.
        const words = q.query.split(/\s+/).filter((w) => w.length > 0);
        const hay = sql`(title || ' ' || body)`;
        const rows = await sql<{ id: string }>`select id from search_doc
          where ${sql.join(
            words.map((w) => sql`instr(${hay}, ${w}) > 0`),
            sql` and `,
          )}
          order by (instr(title, ${words[0] ?? ''}) > 0) desc, seq limit 50`.execute(db);
        const theirs = rows.rows.map((r) => r.id);
        plaza.ndcg.push(ndcgAt(10, ours, q.grades));
        plaza.recall.push(recallAt(50, ours, q.grades));
        like.ndcg.push(ndcgAt(10, theirs, q.grades));
        like.recall.push(recallAt(50, theirs, q.grades));
        const t = byType.get(q.type) ?? { plaza: [], like: [] };
        t.plaza.push(ndcgAt(10, ours, q.grades));
        t.like.push(ndcgAt(10, theirs, q.grades));
        byType.set(q.type, t);
      }

      // Speed under 10 clients: the search as the route runs it (recorded in history), and
      // a bare FTS5 match of the same words on the same index, prepared before timing.
      const texts = queries.map((q) => q.query);
      const segmenter = createSegmenter();
      const bare = new Map(
        texts.map((q) => [
          q,
          fts5Match(
            queryGroups(segmenter, q, () => []),
            false,
          ),
        ]),
      );
      await underLoad(
        texts,
        (q) => search.search({ query: q, tab: 'all', limit: 20, userId: null, record: true }),
        2,
      );
      const loadBefore = loadavg()[0] as number;
      const measured = await underLoad(
        texts,
        (q) => search.search({ query: q, tab: 'all', limit: 20, userId: null, record: true }),
        8,
      );
      const baseline = await underLoad(
        texts,
        (q) => sql`select rowid from search_fts where search_fts match ${bare.get(q)} limit 20`.execute(db),
        8,
      );

      // Indexing changed documents: 5,000 videos recaptioned, 100 per transaction.
      const changed = catalogue.docs
        .filter((d) => d.kind === 'video')
        .slice(0, 5_000)
        .map((d) => ({ ...d, title: `${d.title}（更新）` }));
      start = performance.now();
      for (let i = 0; i < changed.length; i += 100) await search.index(changed.slice(i, i + 100));
      const changedRate = changed.length / ((performance.now() - start) / 1000);

      const nd = mean(plaza.ndcg);
      const ndLike = mean(like.ndcg);
      const rows: BenchRow[] = [
        {
          name: `nDCG@10, ${queries.length} labelled queries`,
          value: nd,
          unit: '',
          baseline: { name: 'substring LIKE', value: ndLike },
          target: '>= 0.85 and >= 1.5x LIKE',
          pass: nd >= 0.85 && nd >= 1.5 * ndLike,
        },
        {
          name: 'recall@50',
          value: mean(plaza.recall),
          unit: '',
          baseline: { name: 'substring LIKE', value: mean(like.recall) },
        },
        ...[...byType.entries()].map(([type, t]) => ({
          name: `nDCG@10 ${type} (${t.plaza.length})`,
          value: mean(t.plaza),
          unit: '',
          baseline: { name: 'substring LIKE', value: mean(t.like) },
        })),
        {
          name: `search p99, ${clients} clients (load ${loadBefore.toFixed(1)})`,
          value: measured.p99,
          unit: 'ms',
          baseline: { name: 'bare FTS5 match', value: baseline.p99 },
          target: '< 30 ms',
          pass: measured.p99 < 30,
        },
        {
          name: 'search p50',
          value: measured.p50,
          unit: 'ms',
          baseline: { name: 'bare FTS5 match', value: baseline.p50 },
        },
        {
          name: 'searches/s',
          value: measured.perSecond,
          unit: '/s',
          baseline: { name: 'bare FTS5 match', value: baseline.perSecond },
        },
        {
          name: 'CPU per search',
          value: measured.cpuMs,
          unit: 'ms',
          baseline: { name: 'bare FTS5 match', value: baseline.cpuMs },
        },
        {
          name: `indexing, whole catalogue (load ${loadAfterIndexing.toFixed(1)})`,
          value: fullRate,
          unit: 'docs/s',
          target: '>= 500',
          pass: fullRate >= 500,
        },
        {
          name: 'indexing, changed documents',
          value: changedRate,
          unit: 'docs/s',
          target: '>= 500',
          pass: changedRate >= 500,
        },
      ];
      return rows;
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
