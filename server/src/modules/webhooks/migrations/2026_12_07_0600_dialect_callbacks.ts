import type { Kysely, Migration } from 'kysely';

// Frozen. Callbacks in another platform's form (Douyin's ecpay and trade callbacks) go
// through the same outbox, with their own URL, signed headers and acknowledgement.
export const webhooks_2026_12_07_0600: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('webhook_delivery').addColumn('target_url', 'text').execute();
    await db.schema.alterTable('webhook_delivery').addColumn('headers', 'text').execute();
    await db.schema.alterTable('webhook_delivery').addColumn('acknowledgement', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('webhook_delivery').dropColumn('acknowledgement').execute();
    await db.schema.alterTable('webhook_delivery').dropColumn('headers').execute();
    await db.schema.alterTable('webhook_delivery').dropColumn('target_url').execute();
  },
};
