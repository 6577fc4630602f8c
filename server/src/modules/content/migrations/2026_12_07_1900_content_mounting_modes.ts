import { type Kysely, sql } from 'kysely';

/**
 * The three mounting modes as Douyin names them: `open` becomes `ugc`, `authorised`
 * becomes `influencer`, and `self_operated` is new; it admits the creator accounts an org
 * named as its own and the creator confirmed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`update app_mounting set mode = 'ugc' where mode = 'open'`.execute(db);
  await sql`update app_mounting set mode = 'influencer' where mode = 'authorised'`.execute(db);
  await db.schema
    .createTable('org_creator_account')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('creator_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('confirmed_at', 'bigint')
    .addPrimaryKeyConstraint('org_creator_account_pk', ['org_id', 'creator_id'])
    .execute();
  await db.schema
    .createIndex('org_creator_account_creator')
    .on('org_creator_account')
    .column('creator_id')
    .execute();
}
