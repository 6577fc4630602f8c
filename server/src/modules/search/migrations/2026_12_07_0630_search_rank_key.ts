import { type Kysely, sql } from 'kysely';
import { engineOf } from '../../../db/database.ts';

/**
 * Candidates are cut by quality; ordering every match by it was slow for common words.
 * Each document gets a rank key, (prior + 4096)·2³² + seq, and on SQLite it becomes the
 * FTS5 rowid, so FTS5 hands matches out best first and a LIMIT stops early.
 * FTS5 also keeps prefix indexes for the Latin prefixes typed while searching.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = engineOf(db) === 'postgres';
  await db.schema.alterTable('search_doc').addColumn('rank_key', 'bigint').execute();
  await sql`update search_doc set rank_key = (prior + 4096) * 4294967296 + seq`.execute(db);
  await db.schema.createIndex('search_doc_rank_key').on('search_doc').column('rank_key').unique().execute();
  if (!postgres) {
    await sql`drop table search_fts`.execute(db);
    // Prefix indexes: Latin words are matched as prefixes while the user types them.
    await sql`create virtual table search_fts using fts5(title, body, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3 4')`.execute(
      db,
    );
    await sql`insert into search_fts (rowid, title, body) select rank_key, title_terms, body_terms from search_doc`.execute(
      db,
    );
  }
}
