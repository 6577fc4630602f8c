import type { Kysely } from 'kysely';

/**
 * A video may name the place (POI) it was made at, beside its app anchor; and who may mount an app: everyone (UGC mounting, the default), or only the creators the
 * app authorised (influencer mounting).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('app_mounting')
    .addColumn('appid', 'text', (c) => c.primaryKey())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('mount_grant')
    .addColumn('appid', 'text', (c) => c.notNull())
    .addColumn('creator_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('mount_grant_pk', ['appid', 'creator_id'])
    .execute();
  await db.schema.alterTable('video').addColumn('poi_id', 'text').execute();
}
