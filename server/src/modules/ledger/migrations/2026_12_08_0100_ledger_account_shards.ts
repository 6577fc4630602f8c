import { type Kysely, type Migration, sql } from 'kysely';
import { engineOf } from '../../../db/database.ts';

// Frozen. An owner may hold several accounts of one kind and currency, told apart by
// `shard`, so concurrent transfers of one owner need not all lock one row. Every account
// that existed becomes shard 0 of its owner: its id, balances and transfers stay as they were.
export const ledger_2026_12_08_0100: Migration = {
  async up(db: Kysely<unknown>) {
    if (engineOf(db) === 'postgres') {
      await db.schema
        .alterTable('ledger_account')
        .addColumn('shard', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('ledger_account').dropConstraint('ledger_account_natural_key').execute();
      await db.schema
        .alterTable('ledger_account')
        .addUniqueConstraint('ledger_account_natural_key', ['kind', 'owner_id', 'currency', 'shard'])
        .execute();
      return;
    }
    // SQLite cannot drop a table constraint: the table is rebuilt (its documented way),
    // with foreign keys off so the transfers that name its rows are left alone.
    await sql`pragma foreign_keys = off`.execute(db);
    try {
      await db.schema
        .createTable('ledger_account_sharded')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('shard', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('flags', 'integer', (c) => c.notNull())
        .addColumn('debits_pending', 'bigint', (c) => c.notNull())
        .addColumn('debits_posted', 'bigint', (c) => c.notNull())
        .addColumn('credits_pending', 'bigint', (c) => c.notNull())
        .addColumn('credits_posted', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('ledger_account_natural_key', ['kind', 'owner_id', 'currency', 'shard'])
        .execute();
      await sql`insert into ledger_account_sharded (id, kind, owner_id, currency, shard, flags,
          debits_pending, debits_posted, credits_pending, credits_posted, created_at)
        select id, kind, owner_id, currency, 0, flags,
          debits_pending, debits_posted, credits_pending, credits_posted, created_at
        from ledger_account`.execute(db);
      await db.schema.dropTable('ledger_account').execute();
      await db.schema.alterTable('ledger_account_sharded').renameTo('ledger_account').execute();
      const broken = await sql`pragma foreign_key_check`.execute(db);
      if (broken.rows.length > 0)
        throw new Error(`ledger_account rebuild broke ${broken.rows.length} references`);
    } finally {
      await sql`pragma foreign_keys = on`.execute(db);
    }
  },
  async down(db: Kysely<unknown>) {
    if (engineOf(db) === 'postgres') {
      await db.schema.alterTable('ledger_account').dropConstraint('ledger_account_natural_key').execute();
      await db.schema
        .alterTable('ledger_account')
        .addUniqueConstraint('ledger_account_natural_key', ['kind', 'owner_id', 'currency'])
        .execute();
      await db.schema.alterTable('ledger_account').dropColumn('shard').execute();
      return;
    }
    throw new Error('the ledger account shards are not undone on SQLite');
  },
};
