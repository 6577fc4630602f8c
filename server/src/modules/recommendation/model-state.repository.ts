import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { posteriorMean } from './engagement-estimate.ts';
import { exposureHalfLifeMs } from './exposure-decay.ts';
import {
  daytimeBandOf,
  type ItemDelta,
  type ProviderDelta,
  type StateChange,
  summedChanges,
} from './learning.ts';
import type { FeatureCounts, ItemFacts } from './recommendation.model.ts';
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
      popularity: posteriorMean({ impressions: 0, completes: 0, likes: 0, orders: 0 }),
      exploring: 1,
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

/** The posterior mean of completion after adding to an item's counts (engagement-estimate.ts), in SQL. */
const popularityAfter = (impressions: number, completes: number) =>
  sql<number>`(completes + ${completes} + 3.0) / (case when impressions + ${impressions} > completes + ${completes} then impressions + ${impressions} else completes + ${completes} end + 10.0)`;

/** Adds the same counts to several items, one statement; the kept popularity follows. */
async function bumpItems(db: Db, ids: readonly string[], d: ItemDelta): Promise<void> {
  if (ids.length === 0 || !(d.impressions || d.completes || d.likes || d.orders)) return;
  await db
    .updateTable('rec_item')
    .set({
      impressions: sql`impressions + ${d.impressions}`,
      completes: sql`completes + ${d.completes}`,
      likes: sql`likes + ${d.likes}`,
      orders: sql`orders + ${d.orders}`,
      popularity: popularityAfter(d.impressions, d.completes),
    })
    .where('video_id', 'in', [...ids])
    .execute();
}

const ln2PerHalfLife = Math.LN2 / exposureHalfLifeMs;

/**
 * Adds to providers' counters in one upsert. Exposure decays in SQL as exposure-decay.ts
 * says, so a process never reads a row to write it back and concurrent pages add up.
 */
async function bumpProviders(db: Db, deltas: ProviderDelta[], now: number, firstDayMs: number) {
  if (deltas.length === 0) return;
  // One order of keys for every writer, so two transactions never wait on each other in a ring.
  const rows = [...deltas].sort((a, b) => (a.key < b.key ? -1 : 1));
  await db
    .insertInto('rec_provider')
    .values(
      rows.map((p) => ({
        key: p.key,
        exposure: p.impressions,
        exposure_at: now,
        impressions: p.impressions,
        first_at: now,
        first_day_impressions: p.impressions,
        orders: p.orders,
        refunds: p.refunds,
        complaints: p.complaints,
      })),
    )
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        exposure: sql`(case when rec_provider.exposure_at >= ${now} then rec_provider.exposure else rec_provider.exposure * exp(cast(rec_provider.exposure_at - ${now} as double precision) * cast(${ln2PerHalfLife} as double precision)) end) + excluded.impressions`,
        exposure_at: sql`case when rec_provider.exposure_at > ${now} then rec_provider.exposure_at else ${now} end`,
        impressions: sql`rec_provider.impressions + excluded.impressions`,
        first_day_impressions: sql`rec_provider.first_day_impressions + (case when ${now} - rec_provider.first_at < ${firstDayMs} then excluded.impressions else 0 end)`,
        orders: sql`rec_provider.orders + excluded.orders`,
        refunds: sql`rec_provider.refunds + excluded.refunds`,
        complaints: sql`rec_provider.complaints + excluded.complaints`,
      }),
    )
    .execute();
}

/** Adds to one user's feature counters in one upsert. */
async function bumpFeatures(db: Db, userId: string, features: StateChange['features']) {
  if (features.length === 0) return;
  const rows = [...features].sort((a, b) => (a.feature < b.feature ? -1 : 1));
  await db
    .insertInto('rec_user_feature')
    .values(
      rows.map((f) => ({ user_id: userId, feature: f.feature, shows: f.shows, positives: f.positives })),
    )
    .onConflict((oc) =>
      oc.columns(['user_id', 'feature']).doUpdateSet({
        shows: sql`rec_user_feature.shows + excluded.shows`,
        positives: sql`rec_user_feature.positives + excluded.positives`,
      }),
    )
    .execute();
}

/** Adds to everyone's per-category counters of one band of the day, in one upsert. */
async function bumpDaytime(db: Db, band: number, features: StateChange['features']) {
  if (features.length === 0) return;
  const rows = [...features].sort((a, b) => (a.feature < b.feature ? -1 : 1));
  await db
    .insertInto('rec_daytime_feature')
    .values(rows.map((f) => ({ band, feature: f.feature, shows: f.shows, positives: f.positives })))
    .onConflict((oc) =>
      oc.columns(['band', 'feature']).doUpdateSet({
        shows: sql`rec_daytime_feature.shows + excluded.shows`,
        positives: sql`rec_daytime_feature.positives + excluded.positives`,
      }),
    )
    .execute();
}

/** Everyone's per-category counters in one band of the day. */
export async function daytimeFeatures(db: Db, band: number): Promise<Map<string, FeatureCounts>> {
  const rows = await db
    .selectFrom('rec_daytime_feature')
    .select(['feature', 'shows', 'positives'])
    .where('band', '=', band)
    .execute();
  return new Map(rows.map((r) => [r.feature, { shows: Number(r.shows), positives: Number(r.positives) }]));
}

/**
 * Applies learned changes of one user (null: a guest), a handful of statements whatever
 * their number: every write is an increment, so concurrent processes add up.
 */
export async function applyChanges(
  db: Db,
  userId: string | null,
  changes: ReadonlyArray<{ itemId: string; change: StateChange }>,
  now: number,
  firstDayMs: number,
): Promise<void> {
  const sum = summedChanges(changes);
  for (const { ids, delta } of sum.items) await bumpItems(db, ids, delta);
  await bumpProviders(db, sum.providers, now, firstDayMs);
  await bumpDaytime(db, daytimeBandOf(now), sum.daytime);
  if (userId === null) return;
  await bumpFeatures(db, userId, sum.features);
  if (sum.covisits.length > 0) {
    await db
      .insertInto('rec_covisit')
      .values(sum.covisits.map(([a, b, count]) => ({ item_id: a, other_id: b, count })))
      .onConflict((oc) =>
        oc.columns(['item_id', 'other_id']).doUpdateSet({ count: sql`rec_covisit.count + excluded.count` }),
      )
      .execute();
  }
  for (const creatorId of sum.follows) {
    await db
      .insertInto('rec_follow')
      .values({ user_id: userId, creator_id: creatorId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  for (const itemId of sum.engaged) {
    await db
      .insertInto('rec_user_recent')
      .values({ user_id: userId, item_id: itemId, at: now })
      .onConflict((oc) => oc.columns(['user_id', 'item_id']).doUpdateSet({ at: now }))
      .execute();
  }
}

/** Applies a change of a merchant's service record (and of a user's taste for it). */
export async function applyServiceChange(
  db: Db,
  userId: string | null,
  change: Pick<StateChange, 'provider' | 'features'>,
  now: number,
  firstDayMs: number,
): Promise<void> {
  await bumpProviders(db, [change.provider], now, firstDayMs);
  if (userId !== null) await bumpFeatures(db, userId, change.features);
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

/** Takes out of the exploration pool the items that are no longer new or have had their impressions. */
export async function retireExplored(db: Db, newSince: number, belowImpressions: number): Promise<void> {
  await db
    .updateTable('rec_item')
    .set({ exploring: 0 })
    .where('exploring', '=', 1)
    .where((eb) => eb.or([eb('created_at', '<', newSince), eb('impressions', '>=', belowImpressions)]))
    .execute();
}

/** The total of every provider's decayed exposure (the row `*`), as of when it was written. */
export async function totalExposure(db: Db): Promise<{ exposure: number; at: number } | undefined> {
  const row = await db
    .selectFrom('rec_provider')
    .select(['exposure', 'exposure_at'])
    .where('key', '=', '*')
    .executeTakeFirst();
  return row ? { exposure: Number(row.exposure), at: Number(row.exposure_at) } : undefined;
}

export async function providerCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('rec_provider')
    .select(sql<number>`count(*)`.as('n'))
    .where('key', '!=', '*')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
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
