import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { decayed } from './exposure-decay.ts';
import { factsOf } from './model-state.repository.ts';
import type { Candidate, CandidateSource } from './recommendation.model.ts';

export interface CandidateQuery {
  /** `user:<id>` or `session:<id>`: what it was served since `seenSince` is left out. */
  viewer: string;
  seenSince: number;
  recent: readonly string[];
  categories: readonly string[];
  /** Categories everyone watches at this time of day (a guest's). */
  daytimeCategories: readonly string[];
  creators: readonly string[];
  apps: readonly string[];
  followed: readonly string[];
  /** Apps with a place near the viewer. */
  nearApps: readonly string[];
  newSince: number;
  newBelowImpressions: number;
  /** Rows from each of the broad sources (fresh, popular) and from each co-visitation seed. */
  perSource: number;
  /** Rows from each key of a keyed source (one category, creator or app). */
  perKey: number;
  createdBy: number;
  now: number;
}

/** A candidate and its provider's decayed exposure (0 when never served). */
export type FoundCandidate = Candidate & { providerExposure: number };

const columns = sql`i.video_id, i.creator_id, i.appid, i.category, i.poi_id, i.created_at, i.impressions,
  i.completes, i.likes, i.orders, p.orders as p_orders, p.refunds as p_refunds, p.complaints as p_complaints,
  p.exposure as p_exposure, p.exposure_at as p_exposure_at`;
const withProvider = sql`left join rec_provider p on p.key = (case when i.appid is null then 'creator:' || i.creator_id else 'app:' || i.appid end)`;

interface CandidateRow {
  video_id: string;
  creator_id: string;
  appid: string | null;
  category: string | null;
  poi_id: string | null;
  created_at: number;
  impressions: number;
  completes: number;
  likes: number;
  orders: number;
  p_orders: number | null;
  p_refunds: number | null;
  p_complaints: number | null;
  p_exposure: number | null;
  p_exposure_at: number | null;
  source: CandidateSource;
  covisits: number;
}

/**
 * Candidates from every source in one statement. Each source is its own bounded index
 * scan (best first within one category, creator or app; co-visits of one seed, strongest
 * first; the newest unexposed items; the whole catalogue best first) that stops after
 * `perSource` rows, so the cost of a page does not grow with the catalogue. What the
 * viewer was served lately is skipped inside each scan (a primary-key probe), and each
 * row carries its provider's service record and exposure, so nothing is read per item.
 */
export async function candidatesFor(db: Db, q: CandidateQuery): Promise<FoundCandidate[]> {
  const n = q.perSource;
  // `+ 0` keeps SQLite from scanning by creation date for this bound, which every row meets.
  const usable = sql`i.removed = 0 and i.created_at + 0 <= ${q.createdBy} and not exists (select 1 from rec_seen s where s.viewer = ${q.viewer} and s.item_id = i.video_id and s.at >= ${q.seenSince})`;
  const parts: RawBuilder<unknown>[] = [];
  const part = (
    source: CandidateSource,
    limit: number,
    from: RawBuilder<unknown>,
    where: RawBuilder<unknown>,
    order: RawBuilder<unknown>,
    covisits = sql`0`,
  ) =>
    parts.push(
      sql`select * from (select ${columns}, ${sql.lit(source)} as source, ${covisits} as covisits from ${from} ${withProvider} where ${usable} and ${where} order by ${order} limit ${limit}) as ${sql.id(`s${parts.length}`)}`,
    );
  const items = sql`rec_item i`;
  // Index order alone (ties by row): a tie-break column would make SQLite sort every tie.
  const best = sql`i.popularity desc`;
  for (const seed of q.recent) {
    part(
      'covisit',
      n,
      sql`(select other_id, count from rec_covisit where item_id = ${seed} order by count desc limit ${n}) c join rec_item i on i.video_id = c.other_id`,
      sql`1 = 1`,
      sql`c.count desc`,
      sql`c.count`,
    );
  }
  const by = (
    source: CandidateSource,
    column: 'category' | 'creator_id' | 'appid',
    keys: readonly string[],
  ) => {
    for (const key of keys) part(source, q.perKey, items, sql`${sql.ref(`i.${column}`)} = ${key}`, best);
  };
  by('followed', 'creator_id', q.followed);
  by('creator', 'creator_id', q.creators);
  by('app', 'appid', q.apps);
  by('poi', 'appid', q.nearApps);
  by('category', 'category', q.categories);
  by('daytime', 'category', q.daytimeCategories);
  part(
    'fresh',
    n,
    items,
    sql`i.exploring = 1 and i.created_at >= ${q.newSince} and i.impressions < ${q.newBelowImpressions}`,
    // Fewest impressions first, then the oldest: the closest to ageing out of the pool.
    sql`i.impressions, i.created_at`,
  );
  part('popular', n, items, sql`1 = 1`, best);
  const { rows } = await sql<CandidateRow>`${sql.join(parts, sql` union all `)}`.execute(db);

  const found = new Map<string, FoundCandidate & { sources: CandidateSource[] }>();
  for (const r of rows) {
    const covisits = Number(r.covisits);
    const known = found.get(r.video_id);
    if (known) {
      if (!known.sources.includes(r.source)) known.sources.push(r.source);
      known.covisits += covisits;
      continue;
    }
    found.set(r.video_id, {
      item: factsOf(r),
      stats: {
        impressions: Number(r.impressions),
        completes: Number(r.completes),
        likes: Number(r.likes),
        orders: Number(r.orders),
      },
      service: {
        orders: Number(r.p_orders ?? 0),
        refunds: Number(r.p_refunds ?? 0),
        complaints: Number(r.p_complaints ?? 0),
      },
      sources: [r.source],
      covisits,
      providerExposure:
        r.p_exposure === null ? 0 : decayed(Number(r.p_exposure), Number(r.p_exposure_at), q.now),
    });
  }
  return [...found.values()];
}
