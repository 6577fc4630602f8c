import type { Generated, Selectable } from 'kysely';

export interface IdempotencyKeyTable {
  /** Who sent it (`app:<appid>`, `user:<id>`…) and the key: a key is private to its caller. */
  scope: string;
  key: string;
  /** sha256 of method, route and body: the same key with another request is a conflict. */
  request_hash: string;
  /** 0 while the first request runs, then the stored response status. */
  status_code: Generated<number>;
  response_body: string | null;
  created_at: number;
  /** While running: until when the first request holds the key (a crash frees it). */
  locked_until: number;
}

export interface IdempotencyTables {
  idempotency_key: IdempotencyKeyTable;
}

export type IdempotencyKeyRow = Selectable<IdempotencyKeyTable>;
