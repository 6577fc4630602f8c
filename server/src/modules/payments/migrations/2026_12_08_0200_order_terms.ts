import type { Kysely, Migration } from 'kysely';

// Frozen. An order records the commission and holding period of its app's category when it
// is created, so a later change of the category never rewrites its money. Orders made
// before have none and settle at their category's rate, as they always did.
export const payments_2026_12_08_0200: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('payment_order').addColumn('terms_category', 'text').execute();
    await db.schema.alterTable('payment_order').addColumn('terms_commission_bps', 'integer').execute();
    await db.schema.alterTable('payment_order').addColumn('terms_holding_ms', 'bigint').execute();
  },
};
