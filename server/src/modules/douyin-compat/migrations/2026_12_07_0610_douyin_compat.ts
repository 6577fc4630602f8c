import type { Kysely, Migration } from 'kysely';

// Frozen: later changes are new migrations. Timestamps are epoch ms (bigint).
export const douyinCompat_2026_12_07_0610: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('douyin_pay_settings')
      .addColumn('app_id', 'text', (c) => c.primaryKey())
      .addColumn('salt', 'text', (c) => c.notNull())
      .addColumn('callback_token', 'text', (c) => c.notNull())
      .addColumn('notify_url', 'text')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('douyin_ecpay_order')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('out_order_no', 'text', (c) => c.notNull())
      .addColumn('total_amount', 'bigint', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('valid_time', 'integer', (c) => c.notNull())
      .addColumn('cp_extra', 'text')
      .addColumn('notify_url', 'text')
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('plaza_order_id', 'text')
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('douyin_ecpay_order_out_no_idx')
      .on('douyin_ecpay_order')
      .columns(['app_id', 'out_order_no'])
      .unique()
      .execute();
    await db.schema
      .createIndex('douyin_ecpay_order_plaza_idx')
      .on('douyin_ecpay_order')
      .column('plaza_order_id')
      .execute();

    await db.schema
      .createTable('douyin_ecpay_request')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('out_no', 'text', (c) => c.notNull())
      .addColumn('order_id', 'text', (c) => c.notNull())
      .addColumn('refund_id', 'text')
      .addColumn('cp_extra', 'text')
      .addColumn('notify_url', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('douyin_ecpay_request_out_no_idx')
      .on('douyin_ecpay_request')
      .columns(['app_id', 'kind', 'out_no'])
      .unique()
      .execute();
    await db.schema
      .createIndex('douyin_ecpay_request_order_idx')
      .on('douyin_ecpay_request')
      .columns(['order_id', 'kind'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('douyin_ecpay_request').execute();
    await db.schema.dropTable('douyin_ecpay_order').execute();
    await db.schema.dropTable('douyin_pay_settings').execute();
  },
};
