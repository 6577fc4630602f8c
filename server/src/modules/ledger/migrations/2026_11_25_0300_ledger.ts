import { type Kysely, type Migration, sql } from 'kysely';
import { engineOf } from '../../../db/database.ts';

// Frozen: later changes are new migrations. Money in integer minor units (bigint),
// timestamps epoch ms (bigint), flags as integer bit sets, identical on both engines.
export const ledger_2026_11_25_0300: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('ledger_account')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('flags', 'integer', (c) => c.notNull())
      .addColumn('debits_pending', 'bigint', (c) => c.notNull())
      .addColumn('debits_posted', 'bigint', (c) => c.notNull())
      .addColumn('credits_pending', 'bigint', (c) => c.notNull())
      .addColumn('credits_posted', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('ledger_account_natural_key', ['kind', 'owner_id', 'currency'])
      .execute();

    const postgres = engineOf(db) === 'postgres';
    await db.schema
      .createTable('ledger_transfer')
      .addColumn('seq', postgres ? 'bigserial' : 'integer', (c) =>
        postgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('debit_account_id', 'text', (c) => c.notNull().references('ledger_account.id'))
      .addColumn('credit_account_id', 'text', (c) => c.notNull().references('ledger_account.id'))
      .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('user_data', 'text')
      .addColumn('flags', 'integer', (c) => c.notNull())
      // The unique constraint is the last line of defence for "resolved at most once".
      .addColumn('pending_id', 'text', (c) => c.unique().references('ledger_transfer.id'))
      .addColumn('timeout_ms', 'bigint')
      .addColumn('expires_at', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('ledger_transfer_debit_idx')
      .on('ledger_transfer')
      .columns(['debit_account_id', 'seq'])
      .execute();
    await db.schema
      .createIndex('ledger_transfer_credit_idx')
      .on('ledger_transfer')
      .columns(['credit_account_id', 'seq'])
      .execute();
    await db.schema
      .createIndex('ledger_transfer_user_data_idx')
      .on('ledger_transfer')
      .columns(['user_data', 'seq'])
      .execute();

    await db.schema
      .createTable('ledger_pending_timeout')
      .addColumn('pending_id', 'text', (c) => c.primaryKey())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('ledger_pending_timeout_expires_idx')
      .on('ledger_pending_timeout')
      .column('expires_at')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('ledger_pending_timeout').execute();
    await db.schema.dropTable('ledger_transfer').execute();
    await db.schema.dropTable('ledger_account').execute();
  },
};
