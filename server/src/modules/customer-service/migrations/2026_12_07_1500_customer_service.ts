import type { Kysely, Migration } from 'kysely';

// Frozen: later changes are new migrations. Timestamps are epoch ms (bigint).
export const customerService_2026_12_07_1500: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('support_conversation')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('user_unread', 'integer', (c) => c.notNull())
      .addColumn('agent_unread', 'integer', (c) => c.notNull())
      .addColumn('last_user_message_at', 'bigint')
      .addColumn('replies_since_user', 'integer', (c) => c.notNull())
      .addColumn('last_message_id', 'text')
      .addColumn('blocked_at', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('support_conversation_pair', ['app_id', 'user_id'])
      .execute();
    await db.schema
      .createIndex('support_conversation_user_idx')
      .on('support_conversation')
      .column('user_id')
      .execute();

    await db.schema
      .createTable('support_message')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('sender', 'text', (c) => c.notNull())
      .addColumn('agent_account_id', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('text', 'text')
      .addColumn('image_blob', 'text')
      .addColumn('image_type', 'text')
      .addColumn('card', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('support_message_conversation_idx')
      .on('support_message')
      .columns(['conversation_id', 'id'])
      .execute();
    await db.schema
      .createIndex('support_message_app_idx')
      .on('support_message')
      .columns(['app_id', 'sender', 'id'])
      .execute();
    await db.schema
      .createIndex('support_message_created_idx')
      .on('support_message')
      .column('created_at')
      .execute();
    await db.schema.createIndex('support_message_user_idx').on('support_message').column('user_id').execute();

    await db.schema
      .createTable('support_report')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('support_report_user_idx').on('support_report').column('user_id').execute();

    await db.schema
      .createTable('support_quick_reply')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('support_quick_reply_app_idx')
      .on('support_quick_reply')
      .column('app_id')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['support_quick_reply', 'support_report', 'support_message', 'support_conversation'])
      await db.schema.dropTable(table).execute();
  },
};
