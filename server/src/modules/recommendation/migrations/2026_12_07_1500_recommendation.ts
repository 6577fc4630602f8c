import { type Kysely, type Migration, sql } from 'kysely';

// Frozen: later changes are new migrations. Timestamps are epoch ms (bigint).
export const recommendation_2026_12_07_1500: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('rec_item')
      .addColumn('video_id', 'text', (c) => c.primaryKey())
      .addColumn('creator_id', 'text', (c) => c.notNull())
      .addColumn('appid', 'text')
      .addColumn('category', 'text')
      .addColumn('poi_id', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('impressions', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('completes', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('likes', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('orders', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('removed', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    for (const column of ['category', 'creator_id', 'appid', 'created_at']) {
      await db.schema.createIndex(`rec_item_${column}_idx`).on('rec_item').column(column).execute();
    }
    await db.schema
      .createTable('rec_provider')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('exposure', 'double precision', (c) => c.notNull().defaultTo(0))
      .addColumn('exposure_at', 'bigint', (c) => c.notNull())
      .addColumn('impressions', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('first_at', 'bigint', (c) => c.notNull())
      .addColumn('first_day_impressions', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('orders', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('refunds', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('complaints', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('rec_user_feature')
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('feature', 'text', (c) => c.notNull())
      .addColumn('shows', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('positives', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('rec_user_feature_pk', ['user_id', 'feature'])
      .execute();
    await db.schema
      .createTable('rec_covisit')
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('other_id', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('rec_covisit_pk', ['item_id', 'other_id'])
      .execute();
    await db.schema
      .createIndex('rec_covisit_strength_idx')
      .on('rec_covisit')
      .columns(['item_id', 'count'])
      .execute();
    await db.schema
      .createTable('rec_user_recent')
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('rec_user_recent_pk', ['user_id', 'item_id'])
      .execute();
    await db.schema
      .createTable('rec_follow')
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('creator_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('rec_follow_pk', ['user_id', 'creator_id'])
      .execute();
    await db.schema
      .createTable('rec_seen')
      .addColumn('viewer', 'text', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('rec_seen_pk', ['viewer', 'item_id'])
      .execute();
    await db.schema.createIndex('rec_seen_at_idx').on('rec_seen').column('at').execute();
    await db.schema
      .createTable('rec_setting')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'double precision', (c) => c.notNull())
      .execute();
    // Videos published before the recommender existed join it with no counts yet.
    await sql`insert into rec_item (video_id, creator_id, appid, category, poi_id, created_at)
      select v.id, v.creator_id, a.appid, null, null, v.created_at
      from video v left join anchor a on a.owner_kind = 'video' and a.owner_id = v.id
      where v.status = 'published'`.execute(db);
  },
};
