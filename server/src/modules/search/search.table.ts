import type { Generated, Insertable, Selectable } from 'kysely';

export const searchKinds = ['app', 'service', 'poi', 'video', 'creator'] as const;
export type SearchKind = (typeof searchKinds)[number];

/**
 * One searchable thing. Its terms are stored pre-cut (space-separated) and indexed by the
 * engine's own full-text index: FTS5 `search_fts` on SQLite, `title_tsv`/`all_tsv` with GIN
 * on PostgreSQL (columns Kysely does not see; the repository writes them).
 */
export interface SearchDocTable {
  /** The full-text row id (FTS5 rowid); insertion order, the same on both engines. */
  seq: Generated<number>;
  /** `<kind>:<ref_id>`. */
  id: string;
  kind: SearchKind;
  ref_id: string;
  /** The app the result opens or belongs to, when there is one: hidden while it is not mountable. */
  appid: string | null;
  title: string;
  subtitle: string;
  /** The raw searchable text beyond the title (re-cut when the dictionary grows). */
  body: string;
  title_terms: string;
  body_terms: string;
  title_compact: string;
  title_sound: string;
  /** What a tap opens, JSON: `{app, path, params}`, `{poi}`, `{video}` or `{creator}`. */
  target: string;
  lat_e6: number | null;
  lng_e6: number | null;
  opens: number;
  orders: number;
  refunds: number;
  rating_sum: number;
  rating_count: number;
  /** Quality as an integer: the order candidates are cut by before ranking. */
  prior: number;
  /** (prior + 4096)·2³² + seq: unique, best first when descending; the FTS5 rowid on SQLite. */
  rank_key: number | null;
  created_at: number;
  updated_at: number;
}

/** Words the operator added to the platform dictionary (brands, dishes, places). */
export interface SearchWordTable {
  word: string;
  added_by: string;
  created_at: number;
}

/** Latin words of the index (English, pinyin): what spelling corrections are drawn from. */
export interface SearchVocabTable {
  word: string;
}

/** What an app declares for search: keywords, and its services (entry pages). */
export interface SearchEntriesTable {
  appid: string;
  keywords: string;
  /** JSON array of `{title, path, params, keywords}`. */
  services: string;
  updated_at: number;
}

export const searchSteps = ['search', 'tap', 'open', 'order'] as const;
export type SearchStep = (typeof searchSteps)[number];

/** The search funnel and the history recent and popular searches come from. */
export interface SearchEventTable {
  id: string;
  /** The search a tap, open or order followed. */
  search_id: string;
  step: SearchStep;
  user_id: string | null;
  /** The folded query (on `search` rows). */
  query: string;
  doc_id: string | null;
  appid: string | null;
  at: number;
}

export interface SearchTables {
  search_doc: SearchDocTable;
  search_word: SearchWordTable;
  search_vocab: SearchVocabTable;
  search_entries: SearchEntriesTable;
  search_event: SearchEventTable;
}

export type SearchDocRow = Selectable<SearchDocTable>;
export type NewSearchDocRow = Insertable<SearchDocTable>;
