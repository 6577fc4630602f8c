import type { Kysely, Migration } from 'kysely';

// Frozen: later changes are new migrations.
// What everyone watches at each time of day (four-hour bands of the platform's clock), per
// category: the guest feed's signal when nothing is known of the viewer. No user in it.
export const recommendation_2026_12_07_1900: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('rec_daytime_feature')
      .addColumn('band', 'integer', (c) => c.notNull())
      .addColumn('feature', 'text', (c) => c.notNull())
      .addColumn('shows', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('positives', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('rec_daytime_feature_pk', ['band', 'feature'])
      .execute();
  },
};
