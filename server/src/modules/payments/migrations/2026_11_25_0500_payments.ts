import type { Kysely, Migration } from 'kysely';

// Frozen: later changes are new migrations. Money is bigint minor units, times bigint epoch ms.
export const payments_2026_11_25_0500: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('payment_order')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('appid', 'text', (c) => c.notNull())
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('openid', 'text', (c) => c.notNull())
      .addColumn('out_order_no', 'text', (c) => c.notNull())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('total_amount', 'bigint', (c) => c.notNull())
      .addColumn('refunded_amount', 'bigint', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('body', 'text')
      .addColumn('items', 'text', (c) => c.notNull())
      .addColumn('cp_extra', 'text')
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('hold_seq', 'integer', (c) => c.notNull())
      .addColumn('channel', 'text')
      .addColumn('charge_id', 'text')
      .addColumn('paid_at', 'bigint')
      .addColumn('closed_at', 'bigint')
      .addColumn('settled_at', 'bigint')
      .addColumn('commission_bps', 'integer')
      .addColumn('commission_amount', 'bigint')
      .addColumn('split_amount', 'bigint')
      .addColumn('merchant_amount', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('payment_order_out_no_idx')
      .unique()
      .on('payment_order')
      .columns(['app_id', 'out_order_no'])
      .execute();
    await db.schema
      .createIndex('payment_order_app_idx')
      .on('payment_order')
      .columns(['app_id', 'id'])
      .execute();
    await db.schema
      .createIndex('payment_order_user_idx')
      .on('payment_order')
      .columns(['user_id', 'id'])
      .execute();

    await db.schema
      .createTable('payment_refund')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('order_id', 'text', (c) => c.notNull())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('out_refund_no', 'text')
      .addColumn('amount', 'bigint', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('decline_reason', 'text')
      .addColumn('source', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('succeeded_at', 'bigint')
      .execute();
    // Unique per app where given; user requests have none until the merchant accepts.
    await db.schema
      .createIndex('payment_refund_out_no_idx')
      .unique()
      .on('payment_refund')
      .columns(['app_id', 'out_refund_no'])
      .execute();
    await db.schema
      .createIndex('payment_refund_order_idx')
      .on('payment_refund')
      .columns(['order_id'])
      .execute();
    await db.schema
      .createIndex('payment_refund_app_idx')
      .on('payment_refund')
      .columns(['app_id', 'id'])
      .execute();

    await db.schema
      .createTable('payment_receiver')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('out_receiver_no', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('payment_receiver_org_idx')
      .unique()
      .on('payment_receiver')
      .columns(['org_id', 'out_receiver_no'])
      .execute();

    await db.schema
      .createTable('payment_split')
      .addColumn('order_id', 'text', (c) => c.notNull())
      .addColumn('receiver_id', 'text', (c) => c.notNull())
      .addColumn('amount', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('payment_split_pk', ['order_id', 'receiver_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['payment_split', 'payment_receiver', 'payment_refund', 'payment_order'])
      await db.schema.dropTable(table).execute();
  },
};
