import { sql } from 'kysely';
import type { Engine, Executor } from '../../db/database.ts';
import { fts5Match, tsquery } from './match-expression.ts';
import { type NewSearchDocRow, type SearchDocRow, type SearchKind, searchKinds } from './search.table.ts';
import type { QueryGroup } from './search-terms.ts';

type DocValues = Omit<NewSearchDocRow, 'seq'>;

/** Writes documents and their full-text rows; call inside a transaction. */
export async function upsertDocs(trx: Executor, engine: Engine, docs: DocValues[]): Promise<void> {
  for (const doc of docs) {
    const existing = await trx
      .selectFrom('search_doc')
      .select(['seq', 'rank_key'])
      .where('id', '=', doc.id)
      .executeTakeFirst();
    let seq: number;
    if (existing) {
      seq = Number(existing.seq);
      await trx.updateTable('search_doc').set(doc).where('seq', '=', seq).execute();
    } else {
      const row = await trx.insertInto('search_doc').values(doc).returning('seq').executeTakeFirstOrThrow();
      seq = Number(row.seq);
    }
    const rankKey = rankKeyOf(doc.prior, seq);
    await trx.updateTable('search_doc').set({ rank_key: rankKey }).where('seq', '=', seq).execute();
    if (engine === 'postgres') {
      await sql`update search_doc
        set title_tsv = array_to_tsvector(string_to_array(${doc.title_terms}, ' ')),
            all_tsv = array_to_tsvector(string_to_array(${`${doc.title_terms} ${doc.body_terms}`.trim()}, ' '))
        where seq = ${seq}`.execute(trx);
    } else {
      if (existing?.rank_key != null)
        await sql`delete from search_fts where rowid = ${existing.rank_key}`.execute(trx);
      await sql`insert into search_fts (rowid, title, body) values (${rankKey}, ${doc.title_terms}, ${doc.body_terms})`.execute(
        trx,
      );
    }
  }
}

/** Best quality first when descending, then insertion order: the candidates' cut on both engines. */
export function rankKeyOf(prior: number, seq: number): number {
  return (Math.max(-4000, Math.min(4000, prior)) + 4096) * 4294967296 + seq;
}

export async function removeDocs(trx: Executor, engine: Engine, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await trx
    .selectFrom('search_doc')
    .select(['seq', 'rank_key'])
    .where('id', 'in', ids)
    .execute();
  if (rows.length === 0) return;
  const seqs = rows.map((r) => Number(r.seq));
  if (engine === 'sqlite') {
    await sql`delete from search_fts where rowid in (${sql.join(rows.map((r) => Number(r.rank_key)))})`.execute(
      trx,
    );
  }
  await trx.deleteFrom('search_doc').where('seq', 'in', seqs).execute();
}

export async function docsOfApp(db: Executor, appid: string): Promise<string[]> {
  const rows = await db.selectFrom('search_doc').select('id').where('appid', '=', appid).execute();
  return rows.map((r) => r.id);
}

export async function findDoc(db: Executor, id: string): Promise<SearchDocRow | undefined> {
  return db.selectFrom('search_doc').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Documents whose raw text contains a word: those to cut again when the dictionary grows. */
export async function docsContaining(db: Executor, word: string): Promise<SearchDocRow[]> {
  const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .selectFrom('search_doc')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('title', 'like', sql<string>`${pattern} escape '\\'`),
        eb('body', 'like', sql<string>`${pattern} escape '\\'`),
      ]),
    )
    .execute();
}

export interface MatchRequest {
  groups: QueryGroup[];
  titleOnly: boolean;
  kinds: readonly SearchKind[];
  limit: number;
}

export type CandidateRow = Pick<
  SearchDocRow,
  | 'seq'
  | 'rank_key'
  | 'id'
  | 'kind'
  | 'ref_id'
  | 'appid'
  | 'title'
  | 'subtitle'
  | 'body'
  | 'title_terms'
  | 'body_terms'
  | 'title_compact'
  | 'title_sound'
  | 'target'
  | 'lat_e6'
  | 'lng_e6'
  | 'opens'
  | 'orders'
  | 'refunds'
  | 'rating_sum'
  | 'rating_count'
  | 'created_at'
>;

const candidateColumns = sql`d.seq, d.rank_key, d.id, d.kind, d.ref_id, d.appid, d.title, d.subtitle, d.body,
  d.title_terms, d.body_terms, d.title_compact, d.title_sound, d.target, d.lat_e6, d.lng_e6, d.opens, d.orders,
  d.refunds, d.rating_sum, d.rating_count, d.created_at`;

/** The kinds asked for as a condition; none when every kind is (the same rows, without reading each one's kind). */
function kindFilter(kinds: readonly SearchKind[]) {
  if (searchKinds.every((k) => kinds.includes(k))) return null;
  return sql`and d.kind in (${sql.join(kinds.map((k) => sql`${k}`))})`;
}

function ofKinds(kinds: readonly SearchKind[]) {
  return kindFilter(kinds) ?? sql``;
}

/**
 * Documents matching every group, best quality first (then insertion order): the same rows
 * on both engines, since the boolean match and the order are the same.
 */
export async function matchCandidates(
  db: Executor,
  engine: Engine,
  req: MatchRequest,
): Promise<CandidateRow[]> {
  if (req.groups.length === 0 || req.kinds.length === 0) return [];
  if (engine === 'postgres') {
    const tsv = req.titleOnly ? sql`d.title_tsv` : sql`d.all_tsv`;
    const result = await sql<CandidateRow>`select ${candidateColumns} from search_doc d
      where ${tsv} @@ ${tsquery(req.groups)}::tsquery ${ofKinds(req.kinds)}
      order by d.rank_key desc limit ${req.limit}`.execute(db);
    return result.rows;
  }
  // FTS5 hands matches out by rowid, which is the rank key: best first, stopping at the limit.
  const result = await sql<CandidateRow>`select ${candidateColumns} from search_fts f
    join search_doc d on d.rank_key = f.rowid
    where search_fts match ${fts5Match(req.groups, req.titleOnly)} ${ofKinds(req.kinds)}
    order by f.rowid desc limit ${req.limit}`.execute(db);
  return result.rows;
}

/**
 * The rank keys of the rows `matchCandidates` would return, without reading the rows: on
 * SQLite, for every kind, the full-text index alone answers.
 */
export async function matchKeys(db: Executor, engine: Engine, req: MatchRequest): Promise<number[]> {
  if (req.groups.length === 0 || req.kinds.length === 0) return [];
  let rows: { rank_key: number }[];
  if (engine === 'postgres') {
    const tsv = req.titleOnly ? sql`d.title_tsv` : sql`d.all_tsv`;
    rows = (
      await sql<{ rank_key: number }>`select d.rank_key from search_doc d
        where ${tsv} @@ ${tsquery(req.groups)}::tsquery ${ofKinds(req.kinds)}
        order by d.rank_key desc limit ${req.limit}`.execute(db)
    ).rows;
  } else {
    const filtered = kindFilter(req.kinds) ? sql`join search_doc d on d.rank_key = f.rowid` : sql``;
    rows = (
      await sql<{ rank_key: number }>`select f.rowid as rank_key from search_fts f ${filtered}
        where search_fts match ${fts5Match(req.groups, req.titleOnly)} ${ofKinds(req.kinds)}
        order by f.rowid desc limit ${req.limit}`.execute(db)
    ).rows;
  }
  return rows.map((r) => Number(r.rank_key));
}

/** The candidate rows of the given rank keys, in no particular order. */
export async function candidatesByKey(db: Executor, keys: number[]): Promise<CandidateRow[]> {
  if (keys.length === 0) return [];
  const result = await sql<CandidateRow>`select ${candidateColumns} from search_doc d
    where d.rank_key in (${sql.join(keys)})`.execute(db);
  return result.rows;
}

export async function addVocabulary(trx: Executor, words: string[]): Promise<void> {
  for (let i = 0; i < words.length; i += 200) {
    const chunk = words.slice(i, i + 200);
    await trx
      .insertInto('search_vocab')
      .values(chunk.map((word) => ({ word })))
      .onConflict((oc) => oc.column('word').doNothing())
      .execute();
  }
}

export async function vocabulary(db: Executor): Promise<string[]> {
  return (await db.selectFrom('search_vocab').select('word').execute()).map((r) => r.word);
}

export async function dictionaryWords(
  db: Executor,
): Promise<{ word: string; added_by: string; created_at: number }[]> {
  return db.selectFrom('search_word').selectAll().orderBy('word').execute();
}

export async function addDictionaryWords(
  trx: Executor,
  words: string[],
  addedBy: string,
  at: number,
): Promise<string[]> {
  const added: string[] = [];
  for (const word of words) {
    const r = await trx
      .insertInto('search_word')
      .values({ word, added_by: addedBy, created_at: at })
      .onConflict((oc) => oc.column('word').doNothing())
      .executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0) === 1) added.push(word);
  }
  return added;
}

export async function entriesOf(
  db: Executor,
  appid: string,
): Promise<{ keywords: string; services: string } | undefined> {
  return db
    .selectFrom('search_entries')
    .select(['keywords', 'services'])
    .where('appid', '=', appid)
    .executeTakeFirst();
}

export async function saveEntries(
  trx: Executor,
  row: { appid: string; keywords: string; services: string; updated_at: number },
): Promise<void> {
  await trx
    .insertInto('search_entries')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('appid')
        .doUpdateSet({ keywords: row.keywords, services: row.services, updated_at: row.updated_at }),
    )
    .execute();
}
