import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { StateChange } from './learning.ts';
import type { Candidate, CandidateSource, FeatureCounts, ItemFacts } from './recommendation.model.ts';
import type { RecItemTable } from './recommendation.table.ts';

/** The recommender's reads and increments: SQL only, the same on SQLite and PostgreSQL. */

export async function upsertItem(db: Db, item: ItemFacts): Promise<void> {
  await db
    .insertInto('rec_item')
    .values({
      video_id: item.id,
      creator_id: item.creatorId,
      appid: item.appid,
      category: item.category,
      poi_id: item.poiId,
      created_at: item.createdAt,
      impressions: 0,
      completes: 0,
      likes: 0,
      orders: 0,
      removed: 0,
    })
    .onConflict((oc) =>
      oc.column('video_id').doUpdateSet({ appid: item.appid, category: item.category, removed: 0 }),
    )
    .execute();
}

export async function markRemoved(db: Db, videoId: string): Promise<void> {
  await db.updateTable('rec_item').set({ removed: 1 }).where('video_id', '=', videoId).execute();
}

export const factsOf = (
  r: Pick<RecItemTable, 'video_id' | 'creator_id' | 'appid' | 'category' | 'poi_id' | 'created_at'>,
): ItemFacts => ({
  id: r.video_id,
  creatorId: r.creator_id,
  appid: r.appid,
  category: r.category,
  poiId: r.poi_id,
  createdAt: Number(r.created_at),
});

export async function itemsByIds(db: Db, ids: readonly string[]): Promise<Map<string, ItemFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('rec_item')
    .selectAll()
    .where('video_id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.video_id, factsOf(r)]));
}

/** Applies one learned change: every write is an increment, so concurrent processes add up. */
export async function applyChange(
  db: Db,
  userId: string | null,
  itemId: string,
  change: StateChange,
  now: number,
  firstDayMs: number,
  decay: (value: number, at: number) => number,
): Promise<void> {
  const i = change.item;
  if (i.impressions || i.completes || i.likes || i.orders) {
    await db
      .updateTable('rec_item')
      .set({
        impressions: sql`impressions + ${i.impressions}`,
        completes: sql`completes + ${i.completes}`,
        likes: sql`likes + ${i.likes}`,
        orders: sql`orders + ${i.orders}`,
      })
      .where('video_id', '=', itemId)
      .execute();
  }
  const p = change.provider;
  for (const key of p.impressions ? [p.key, '*'] : [p.key]) {
    const row = await db.selectFrom('rec_provider').selectAll().where('key', '=', key).executeTakeFirst();
    if (!row) {
      await db
        .insertInto('rec_provider')
        .values({
          key,
          exposure: p.impressions,
          exposure_at: now,
          impressions: p.impressions,
          first_at: now,
          first_day_impressions: p.impressions,
          orders: key === '*' ? 0 : p.orders,
          refunds: key === '*' ? 0 : p.refunds,
          complaints: key === '*' ? 0 : p.complaints,
        })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      continue;
    }
    const own = key !== '*';
    await db
      .updateTable('rec_provider')
      .set({
        exposure: decay(Number(row.exposure), Number(row.exposure_at)) + p.impressions,
        exposure_at: now,
        impressions: sql`impressions + ${p.impressions}`,
        first_day_impressions: sql`first_day_impressions + ${now - Number(row.first_at) < firstDayMs ? p.impressions : 0}`,
        orders: sql`orders + ${own ? p.orders : 0}`,
        refunds: sql`refunds + ${own ? p.refunds : 0}`,
        complaints: sql`complaints + ${own ? p.complaints : 0}`,
      })
      .where('key', '=', key)
      .execute();
  }
  if (userId === null) return;
  for (const f of change.features) {
    await db
      .insertInto('rec_user_feature')
      .values({ user_id: userId, feature: f.feature, shows: f.shows, positives: f.positives })
      .onConflict((oc) =>
        oc.columns(['user_id', 'feature']).doUpdateSet({
          shows: sql`rec_user_feature.shows + ${f.shows}`,
          positives: sql`rec_user_feature.positives + ${f.positives}`,
        }),
      )
      .execute();
  }
  for (const [a, b] of change.covisits) {
    await db
      .insertInto('rec_covisit')
      .values({ item_id: a, other_id: b, count: 1 })
      .onConflict((oc) =>
        oc.columns(['item_id', 'other_id']).doUpdateSet({ count: sql`rec_covisit.count + 1` }),
      )
      .execute();
  }
  if (change.follows) {
    await db
      .insertInto('rec_follow')
      .values({ user_id: userId, creator_id: change.follows })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  if (change.engaged) {
    await db
      .insertInto('rec_user_recent')
      .values({ user_id: userId, item_id: itemId, at: now })
      .onConflict((oc) => oc.columns(['user_id', 'item_id']).doUpdateSet({ at: now }))
      .execute();
  }
}

export interface StoredProfile {
  features: Map<string, FeatureCounts>;
  followed: Set<string>;
  recent: string[];
}

export async function profileOf(db: Db, userId: string, recentKept: number): Promise<StoredProfile> {
  const [features, follows, recent] = await Promise.all([
    db
      .selectFrom('rec_user_feature')
      .select(['feature', 'shows', 'positives'])
      .where('user_id', '=', userId)
      .execute(),
    db.selectFrom('rec_follow').select('creator_id').where('user_id', '=', userId).execute(),
    db
      .selectFrom('rec_user_recent')
      .select('item_id')
      .where('user_id', '=', userId)
      .orderBy('at', 'desc')
      .limit(recentKept)
      .execute(),
  ]);
  return {
    features: new Map(
      features.map((f) => [f.feature, { shows: Number(f.shows), positives: Number(f.positives) }]),
    ),
    followed: new Set(follows.map((f) => f.creator_id)),
    recent: recent.map((r) => r.item_id),
  };
}

export async function seenBy(db: Db, viewer: string, since: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('rec_seen')
    .select('item_id')
    .where('viewer', '=', viewer)
    .where('at', '>=', since)
    .execute();
  return new Set(rows.map((r) => r.item_id));
}

export async function markSeen(
  db: Db,
  viewer: string,
  itemIds: readonly string[],
  now: number,
): Promise<void> {
  if (itemIds.length === 0) return;
  await db
    .insertInto('rec_seen')
    .values(itemIds.map((item_id) => ({ viewer, item_id, at: now })))
    .onConflict((oc) => oc.columns(['viewer', 'item_id']).doUpdateSet({ at: now }))
    .execute();
}

export async function forgetSeenBefore(db: Db, before: number): Promise<void> {
  await db.deleteFrom('rec_seen').where('at', '<', before).execute();
}

/** What a candidate query returns: an item, its counts and its provider's service record. */
const candidateRows = (db: Db) =>
  db
    .selectFrom('rec_item as i')
    .leftJoin('rec_provider as p', (join) =>
      join.on(
        sql<boolean>`p.key = (case when i.appid is null then 'creator:' || i.creator_id else 'app:' || i.appid end)`,
      ),
    )
    .select([
      'i.video_id',
      'i.creator_id',
      'i.appid',
      'i.category',
      'i.poi_id',
      'i.created_at',
      'i.impressions',
      'i.completes',
      'i.likes',
      'i.orders',
      sql<number>`coalesce(p.orders, 0)`.as('p_orders'),
      sql<number>`coalesce(p.refunds, 0)`.as('p_refunds'),
      sql<number>`coalesce(p.complaints, 0)`.as('p_complaints'),
    ])
    .where('i.removed', '=', 0);

type CandidateRow = Awaited<ReturnType<ReturnType<typeof candidateRows>['execute']>>[number];

/** The posterior mean of completion, in SQL (see engagement-estimate.ts): what "popular" orders by. */
const earned = sql`(i.completes + 3.0) / (case when i.impressions > i.completes then i.impressions else i.completes end + 10.0)`;

export interface CandidateQuery {
  recent: readonly string[];
  categories: readonly string[];
  creators: readonly string[];
  apps: readonly string[];
  followed: readonly string[];
  newSince: number;
  newBelowImpressions: number;
  perSource: number;
  seen: ReadonlySet<string>;
  createdBy: number;
}

/** Candidates from every source, each tagged with the sources that proposed it. */
export async function candidatesFor(db: Db, q: CandidateQuery): Promise<Candidate[]> {
  const n = q.perSource;
  const lists: Array<[CandidateSource, Promise<CandidateRow[]>]> = [];
  const notTooNew = (b: ReturnType<typeof candidateRows>) => b.where('i.created_at', '<=', q.createdBy);
  const covisit = new Map<string, number>();
  if (q.recent.length > 0) {
    const rows = await db
      .selectFrom('rec_covisit')
      .select(['other_id', sql<number>`sum(count)`.as('n')])
      .where('item_id', 'in', [...q.recent])
      .groupBy('other_id')
      .orderBy('n', 'desc')
      .limit(n)
      .execute();
    for (const r of rows) covisit.set(r.other_id, Number(r.n));
    if (covisit.size > 0)
      lists.push([
        'covisit',
        notTooNew(candidateRows(db))
          .where('i.video_id', 'in', [...covisit.keys()])
          .execute(),
      ]);
  }
  const by = (
    source: CandidateSource,
    column: 'i.category' | 'i.creator_id' | 'i.appid',
    keys: readonly string[],
  ) => {
    if (keys.length > 0)
      lists.push([
        source,
        notTooNew(candidateRows(db))
          .where(column, 'in', [...keys])
          .orderBy(earned, 'desc')
          .limit(n)
          .execute(),
      ]);
  };
  by('followed', 'i.creator_id', q.followed);
  by('creator', 'i.creator_id', q.creators);
  by('app', 'i.appid', q.apps);
  by('category', 'i.category', q.categories);
  lists.push([
    'fresh',
    notTooNew(candidateRows(db))
      .where('i.created_at', '>=', q.newSince)
      .where('i.impressions', '<', q.newBelowImpressions)
      .orderBy('i.impressions')
      .orderBy('i.created_at', 'desc')
      .limit(n)
      .execute(),
  ]);
  lists.push([
    'popular',
    notTooNew(candidateRows(db))
      .orderBy(earned, 'desc')
      .orderBy('i.video_id')
      .limit(n + q.seen.size)
      .execute(),
  ]);
  const found = new Map<string, Candidate & { sources: CandidateSource[] }>();
  for (const [source, pending] of lists) {
    for (const r of await pending) {
      if (q.seen.has(r.video_id)) continue;
      const known = found.get(r.video_id);
      if (known) {
        known.sources.push(source);
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
          orders: Number(r.p_orders),
          refunds: Number(r.p_refunds),
          complaints: Number(r.p_complaints),
        },
        sources: [source],
        covisits: covisit.get(r.video_id) ?? 0,
      });
    }
  }
  return [...found.values()];
}

export async function providerExposure(db: Db, keys: readonly string[]) {
  const rows = await db
    .selectFrom('rec_provider')
    .select(['key', 'exposure', 'exposure_at'])
    .where('key', 'in', ['*', ...keys])
    .execute();
  const count = await db
    .selectFrom('rec_provider')
    .select(sql<number>`count(*)`.as('n'))
    .where('key', '!=', '*')
    .executeTakeFirst();
  return { rows, providers: Number(count?.n ?? 0) };
}

export function providerTotals(db: Db) {
  return db
    .selectFrom('rec_provider')
    .select(['key', 'impressions', 'first_at', 'first_day_impressions'])
    .where('key', '!=', '*')
    .execute();
}

export async function settingOf(db: Db, name: string): Promise<number | undefined> {
  const row = await db.selectFrom('rec_setting').select('value').where('name', '=', name).executeTakeFirst();
  return row ? Number(row.value) : undefined;
}

export async function setSetting(db: Db, name: string, value: number): Promise<void> {
  await db
    .insertInto('rec_setting')
    .values({ name, value })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value }))
    .execute();
}

/** What the recommender keeps of one user: tastes, recent items, follows, what they were served. */
export async function userModelOf(db: Db, userId: string) {
  const [features, recent, follows, seen] = await Promise.all([
    db
      .selectFrom('rec_user_feature')
      .select(['feature', 'shows', 'positives'])
      .where('user_id', '=', userId)
      .execute(),
    db.selectFrom('rec_user_recent').select(['item_id', 'at']).where('user_id', '=', userId).execute(),
    db.selectFrom('rec_follow').select(['creator_id']).where('user_id', '=', userId).execute(),
    db.selectFrom('rec_seen').select(['item_id', 'at']).where('viewer', '=', `user:${userId}`).execute(),
  ]);
  return { features, recent, follows, seen };
}

/** Forgets everything the recommender learnt of one user. */
export async function deleteUserModel(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('rec_user_feature').where('user_id', '=', userId).execute();
  await db.deleteFrom('rec_user_recent').where('user_id', '=', userId).execute();
  await db.deleteFrom('rec_follow').where('user_id', '=', userId).execute();
  await db.deleteFrom('rec_seen').where('viewer', '=', `user:${userId}`).execute();
}
