import type { Kysely, Migration } from 'kysely';

// Frozen: later changes are new migrations. Timestamps are epoch ms (bigint); JSON is text.
export const apps_2026_11_25_0400: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('app')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('appid', 'text', (c) => c.notNull().unique())
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('icon_url', 'text')
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('request_domains', 'text', (c) => c.notNull())
      .addColumn('webhook_url', 'text')
      .addColumn('privacy', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('takedown_reason', 'text')
      .addColumn('webhook_secret', 'text', (c) => c.notNull())
      .addColumn('previous_webhook_secret', 'text')
      .addColumn('previous_webhook_secret_until', 'bigint')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('app_org_idx').on('app').columns(['org_id', 'created_at']).execute();

    await db.schema
      .createTable('app_secret')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('secret_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint')
      .execute();
    await db.schema.createIndex('app_secret_app_idx').on('app_secret').column('app_id').execute();

    await db.schema
      .createTable('app_client_token')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('app_client_token_expiry_idx')
      .on('app_client_token')
      .column('expires_at')
      .execute();

    await db.schema
      .createTable('app_audit')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('actor_kind', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('before', 'text')
      .addColumn('after', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('app_audit_app_idx').on('app_audit').columns(['app_id', 'id']).execute();

    await db.schema
      .createTable('app_credential_throttle')
      .addColumn('scope', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('window_started_at', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['app_credential_throttle', 'app_audit', 'app_client_token', 'app_secret', 'app']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
