import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('creator')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('video')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('creator_id', 'text', (c) => c.notNull().references('creator.user_id'))
    .addColumn('caption', 'text', (c) => c.notNull())
    .addColumn('video_blob', 'text', (c) => c.notNull())
    .addColumn('video_type', 'text', (c) => c.notNull())
    .addColumn('video_size', 'bigint', (c) => c.notNull())
    .addColumn('cover_blob', 'text', (c) => c.notNull())
    .addColumn('cover_type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('impressions', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('plays', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('completes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('likes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('hot', 'double precision', (c) => c.notNull())
    .addColumn('fresh', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('videos_feed').on('video').columns(['status', 'fresh', 'hot', 'id']).execute();
  await db.schema
    .createIndex('videos_fresh')
    .on('video')
    .columns(['status', 'fresh', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('videos_creator').on('video').columns(['creator_id', 'created_at']).execute();
  await db.schema
    .createTable('anchor')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('appid', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('anchors_owner').on('anchor').columns(['owner_kind', 'owner_id']).execute();
  await db.schema.createIndex('anchors_app').on('anchor').columns(['appid', 'created_at']).execute();
  await db.schema
    .createTable('poi')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('lat_e6', 'integer', (c) => c.notNull())
    .addColumn('lng_e6', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('video_like')
    .addColumn('video_id', 'text', (c) => c.notNull().references('video.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('video_likes_pk', ['video_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('feed_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('video_id', 'text')
    .addColumn('appid', 'text')
    .addColumn('user_id', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feed_events_app').on('feed_event').columns(['appid', 'at']).execute();
  await db.schema
    .createTable('content_key')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('secret', 'text', (c) => c.notNull())
    .execute();
}
