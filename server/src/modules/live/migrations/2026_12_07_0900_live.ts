import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('live_room')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('creator_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .addColumn('likes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('joins', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('pinned_appid', 'text')
    .addColumn('pinned_title', 'text')
    .addColumn('pinned_path', 'text')
    .execute();
  await db.schema
    .createIndex('live_rooms_status')
    .on('live_room')
    .columns(['status', 'started_at'])
    .execute();
  await db.schema
    .createIndex('live_rooms_creator')
    .on('live_room')
    .columns(['creator_id', 'status'])
    .execute();
  await db.schema
    .createTable('live_segment')
    .addColumn('room_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('blob', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('duration_ms', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('live_segment_pk', ['room_id', 'name'])
    .execute();
  await db.schema.createIndex('live_segments_order').on('live_segment').columns(['room_id', 'seq']).execute();
  await db.schema
    .createTable('live_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('live_events_at').on('live_event').columns(['at']).execute();
  await db.schema
    .createIndex('live_events_room')
    .on('live_event')
    .columns(['room_id', 'kind', 'at'])
    .execute();
  await db.schema
    .createTable('live_viewer')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('live_viewers_room').on('live_viewer').columns(['room_id']).execute();
}
