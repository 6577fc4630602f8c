import { type SelectQueryBuilder, sql } from 'kysely';

/** A page of rows newest first, by their time-ordered `id`; `before` is the last id of the previous page. */
export interface NewestFirstPage {
  before?: string;
  limit: number;
}

/** Applies a newest-first page to a query over a table whose `id` sorts by creation time. */
export function newestFirst<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  page: NewestFirstPage,
): SelectQueryBuilder<DB, TB, O> {
  const id = sql.ref<string>('id');
  return (page.before === undefined ? query : query.where(id, '<', page.before))
    .orderBy(id, 'desc')
    .limit(page.limit);
}
