import type { Kysely, Migration } from 'kysely';

// Frozen: later changes are new migrations. Timestamps are epoch ms (bigint).
export const dataRights_2026_11_26_0510: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('account_erasure')
      .addColumn('user_id', 'text', (c) => c.primaryKey())
      .addColumn('erased_at', 'bigint', (c) => c.notNull())
      .addColumn('apps_notified', 'integer', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('account_erasure').execute();
  },
};
