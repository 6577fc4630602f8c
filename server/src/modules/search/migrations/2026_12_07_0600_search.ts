import { type Kysely, sql } from 'kysely';
import { engineOf } from '../../../db/database.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = engineOf(db) === 'postgres';
  await db.schema
    .createTable('search_doc')
    .addColumn('seq', postgres ? 'bigserial' : 'integer', (c) =>
      postgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('appid', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subtitle', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('title_terms', 'text', (c) => c.notNull())
    .addColumn('body_terms', 'text', (c) => c.notNull())
    .addColumn('title_compact', 'text', (c) => c.notNull())
    .addColumn('title_sound', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('lat_e6', 'integer')
    .addColumn('lng_e6', 'integer')
    .addColumn('opens', 'bigint', (c) => c.notNull())
    .addColumn('orders', 'bigint', (c) => c.notNull())
    .addColumn('refunds', 'bigint', (c) => c.notNull())
    .addColumn('rating_sum', 'bigint', (c) => c.notNull())
    .addColumn('rating_count', 'bigint', (c) => c.notNull())
    .addColumn('prior', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_doc_appid').on('search_doc').column('appid').execute();
  await db.schema.createIndex('search_doc_prior').on('search_doc').columns(['prior', 'seq']).execute();
  if (postgres) {
    // Terms arrive cut and folded: array_to_tsvector takes them as lexemes verbatim.
    await sql`alter table search_doc add column title_tsv tsvector not null default ''::tsvector`.execute(db);
    await sql`alter table search_doc add column all_tsv tsvector not null default ''::tsvector`.execute(db);
    await sql`create index search_doc_title_tsv on search_doc using gin (title_tsv)`.execute(db);
    await sql`create index search_doc_all_tsv on search_doc using gin (all_tsv)`.execute(db);
  } else {
    // Terms are letters and digits separated by spaces: unicode61 keeps each one whole.
    await sql`create virtual table search_fts using fts5(title, body, tokenize = 'unicode61 remove_diacritics 0')`.execute(
      db,
    );
  }
  await db.schema
    .createTable('search_word')
    .addColumn('word', 'text', (c) => c.primaryKey())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('search_vocab')
    .addColumn('word', 'text', (c) => c.primaryKey())
    .execute();
  await db.schema
    .createTable('search_entries')
    .addColumn('appid', 'text', (c) => c.primaryKey())
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('services', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('search_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('search_id', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('doc_id', 'text')
    .addColumn('appid', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_event_step_at').on('search_event').columns(['step', 'at']).execute();
  await db.schema.createIndex('search_event_user').on('search_event').columns(['user_id', 'at']).execute();
  await db.schema
    .createIndex('search_event_search')
    .on('search_event')
    .columns(['search_id', 'step'])
    .execute();
}
