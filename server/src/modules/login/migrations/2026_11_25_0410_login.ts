import type { Kysely, Migration } from 'kysely';

// Frozen: later changes are new migrations. Timestamps are epoch ms (bigint).
export const login_2026_11_25_0410: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('platform_key')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('login_code')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code_hash', 'text', (c) => c.notNull().unique())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .execute();
    await db.schema.createIndex('login_code_expiry_idx').on('login_code').column('expires_at').execute();

    await db.schema
      .createTable('app_user')
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('openid', 'text', (c) => c.notNull())
      .addColumn('unionid', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('app_user_pk', ['app_id', 'user_id'])
      .addUniqueConstraint('app_user_openid_uq', ['app_id', 'openid'])
      .execute();

    await db.schema
      .createTable('app_user_session')
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('session_key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('app_user_session_pk', ['app_id', 'user_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['app_user_session', 'app_user', 'login_code', 'platform_key']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
