import type { Kysely } from 'kysely';

/**
 * A step may name where it came from (a video, a live room): each source then has its own
 * funnel. A paid order takes the source of the app open before it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('funnel_event').addColumn('source_kind', 'text').execute();
  await db.schema.alterTable('funnel_event').addColumn('source_id', 'text').execute();
  await db.schema
    .createIndex('funnel_events_source')
    .on('funnel_event')
    .columns(['source_kind', 'source_id', 'step'])
    .execute();
  await db.schema
    .createIndex('funnel_events_user_app')
    .on('funnel_event')
    .columns(['user_id', 'appid', 'step', 'at'])
    .execute();
}
