import type { Kysely, Migration } from 'kysely';

// Frozen: later changes are new migrations. Timestamps are epoch ms (bigint).
export const consent_2026_11_26_0500: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('consent_grant')
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'bigint', (c) => c.notNull())
      .addColumn('last_used_at', 'bigint')
      .addPrimaryKeyConstraint('consent_grant_pk', ['app_id', 'user_id', 'scope'])
      .execute();
    // The authorizations page and erasure read by user.
    await db.schema.createIndex('consent_grant_user_idx').on('consent_grant').column('user_id').execute();

    await db.schema
      .createTable('phone_code')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code_hash', 'text', (c) => c.notNull().unique())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .addColumn('revoked_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('phone_code_user_app_idx')
      .on('phone_code')
      .columns(['user_id', 'app_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('phone_code').execute();
    await db.schema.dropTable('consent_grant').execute();
  },
};
