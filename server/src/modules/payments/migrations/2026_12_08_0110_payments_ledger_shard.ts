import type { Kysely, Migration } from 'kysely';

// Frozen. Which of the app's escrow (and merchant balance, and commission) shards an order's
// money moves through. Orders paid before shards existed used the one account, now shard 0.
export const payments_2026_12_08_0110: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('payment_order')
      .addColumn('ledger_shard', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('payment_order').dropColumn('ledger_shard').execute();
  },
};
