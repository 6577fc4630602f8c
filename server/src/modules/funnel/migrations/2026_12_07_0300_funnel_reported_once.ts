import type { Kysely } from 'kysely';

/**
 * Steps a client reports are counted once per user, app, video and day: the key that says
 * so is unique. Steps the platform observes itself carry no key and are never merged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('funnel_event').addColumn('reported_key', 'text').execute();
  await db.schema
    .createIndex('funnel_event_reported_key')
    .on('funnel_event')
    .column('reported_key')
    .unique()
    .execute();
}
