import type { Kysely, Migration } from 'kysely';

// Frozen: later changes are new migrations. Timestamps are epoch ms (bigint).
export const messages_2026_12_07_0600: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('message_library_template')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('keywords', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('message_library_template_category_idx')
      .on('message_library_template')
      .column('category')
      .execute();

    await db.schema
      .createTable('message_long_term_category')
      .addColumn('category', 'text', (c) => c.primaryKey())
      .addColumn('allowed_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('message_app_template')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('library_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('keywords', 'text', (c) => c.notNull())
      .addColumn('scene', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('message_app_template_app_idx')
      .on('message_app_template')
      .column('app_id')
      .execute();

    await db.schema
      .createTable('message_subscription')
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('template_id', 'text', (c) => c.notNull())
      .addColumn('credits', 'integer', (c) => c.notNull())
      .addColumn('long_term', 'integer', (c) => c.notNull())
      .addColumn('remembered', 'text')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('message_subscription_pk', ['user_id', 'app_id', 'template_id'])
      .execute();

    await db.schema
      .createTable('message_quota')
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('day', 'integer', (c) => c.notNull())
      .addColumn('sent', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('message_quota_pk', ['app_id', 'user_id', 'day'])
      .execute();

    await db.schema
      .createTable('message_rate')
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('last_sent_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('message_rate_pk', ['app_id', 'user_id'])
      .execute();

    await db.schema
      .createTable('message')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('appid', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('template_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('page', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'bigint', (c) => c.notNull())
      .addColumn('delivered_at', 'bigint')
      .addColumn('read_at', 'bigint')
      .addColumn('opened_at', 'bigint')
      .addColumn('ordered_at', 'bigint')
      .execute();
    // The inbox reads a user's threads; the funnel reads per app and template.
    await db.schema
      .createIndex('message_user_idx')
      .on('message')
      .columns(['user_id', 'app_id', 'id'])
      .execute();
    await db.schema
      .createIndex('message_order_idx')
      .on('message')
      .columns(['appid', 'user_id', 'opened_at'])
      .execute();
    await db.schema.createIndex('message_app_idx').on('message').columns(['app_id', 'template_id']).execute();

    await db.schema
      .createTable('message_mute')
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('muted_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('message_mute_pk', ['user_id', 'app_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      'message_mute',
      'message',
      'message_rate',
      'message_quota',
      'message_subscription',
      'message_app_template',
      'message_long_term_category',
      'message_library_template',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
