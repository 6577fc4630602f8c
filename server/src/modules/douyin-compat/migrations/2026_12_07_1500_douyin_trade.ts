import type { Kysely, Migration } from 'kysely';

// Frozen: later changes are new migrations. Timestamps are epoch ms (bigint).
export const douyinTrade_2026_12_07_1500: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('douyin_trade_settings')
      .addColumn('app_id', 'text', (c) => c.primaryKey())
      .addColumn('public_key', 'text', (c) => c.notNull())
      .addColumn('key_version', 'text', (c) => c.notNull())
      .addColumn('notify_url', 'text')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('douyin_platform_key')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('private_key', 'text', (c) => c.notNull())
      .addColumn('public_key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('douyin_trade_order')
      .addColumn('order_id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('appid', 'text', (c) => c.notNull())
      .addColumn('out_order_no', 'text', (c) => c.notNull())
      .addColumn('notify_url', 'text')
      .addColumn('sku_list', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('douyin_trade_order').execute();
    await db.schema.dropTable('douyin_platform_key').execute();
    await db.schema.dropTable('douyin_trade_settings').execute();
  },
};
