import { type Kysely, type Migration, sql } from 'kysely';

// Frozen: later changes are new migrations.
// The posterior mean of completion is kept on the row, so "best first" within a category,
// a creator, an app or the whole catalogue is an index scan that stops after a page's
// worth of rows, instead of a sort of every match on each request. New items still inside
// their guaranteed impressions are flagged `exploring`, so "fewest impressions first"
// among them is an index scan of that pool alone, not of every recent video.
export const recommendation_2026_12_07_1800: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('rec_item')
      .addColumn('popularity', 'double precision', (c) => c.notNull().defaultTo(0.3))
      .execute();
    await sql`update rec_item set popularity = (completes + 3.0) / (case when impressions > completes then impressions else completes end + 10.0)`.execute(
      db,
    );
    for (const column of ['category', 'creator_id', 'appid']) {
      await db.schema.dropIndex(`rec_item_${column}_idx`).execute();
      await db.schema
        .createIndex(`rec_item_${column}_popularity_idx`)
        .on('rec_item')
        .columns([column, 'popularity'])
        .execute();
    }
    await db.schema.createIndex('rec_item_popularity_idx').on('rec_item').column('popularity').execute();
    await db.schema
      .alterTable('rec_item')
      .addColumn('exploring', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    const threeDaysAgo = Date.now() - 3 * 24 * 3600_000;
    await sql`update rec_item set exploring = 1 where impressions < 100 and created_at >= ${threeDaysAgo}`.execute(
      db,
    );
    await db.schema.dropIndex('rec_item_created_at_idx').execute();
    await db.schema
      .createIndex('rec_item_exploring_idx')
      .on('rec_item')
      .columns(['exploring', 'impressions', 'created_at'])
      .execute();
  },
};
