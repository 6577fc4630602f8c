import type { Executor } from '../../db/database.ts';
import type { SearchEventTable, SearchStep } from './search.table.ts';

export async function insertEvent(db: Executor, row: SearchEventTable): Promise<void> {
  await db.insertInto('search_event').values(row).execute();
}

export async function findSearch(
  db: Executor,
  searchId: string,
): Promise<Pick<SearchEventTable, 'user_id' | 'query'> | undefined> {
  return db
    .selectFrom('search_event')
    .select(['user_id', 'query'])
    .where('search_id', '=', searchId)
    .where('step', '=', 'search')
    .executeTakeFirst();
}

/** Whether this step was already counted for this search and app (each counts once). */
export async function stepCounted(
  db: Executor,
  searchId: string,
  step: SearchStep,
  docId: string | null,
): Promise<boolean> {
  let q = db
    .selectFrom('search_event')
    .select('id')
    .where('search_id', '=', searchId)
    .where('step', '=', step);
  q = docId === null ? q.where('doc_id', 'is', null) : q.where('doc_id', '=', docId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** A user's latest distinct queries, newest first. */
export async function recentQueries(db: Executor, userId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('search_event')
    .select(['query'])
    .select((eb) => eb.fn.max('at').as('last'))
    .where('user_id', '=', userId)
    .where('step', '=', 'search')
    .groupBy('query')
    .orderBy('last', 'desc')
    .orderBy('query')
    .limit(limit)
    .execute();
  return rows.map((r) => r.query);
}

/** The queries most people searched since `since` (people, not repeats of one person). */
export async function popularQueries(db: Executor, since: number, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('search_event')
    .select(['query'])
    .select((eb) => eb.fn.count<number>(eb.fn.coalesce('user_id', 'search_id')).distinct().as('people'))
    .where('step', '=', 'search')
    .where('at', '>=', since)
    .groupBy('query')
    .orderBy('people', 'desc')
    .orderBy('query')
    .limit(limit)
    .execute();
  return rows.map((r) => r.query);
}

export async function stepCounts(
  db: Executor,
  from: number,
  to: number,
): Promise<Record<SearchStep, number>> {
  const rows = await db
    .selectFrom('search_event')
    .select('step')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('at', '>=', from)
    .where('at', '<', to)
    .groupBy('step')
    .execute();
  const out: Record<SearchStep, number> = { search: 0, tap: 0, open: 0, order: 0 };
  for (const r of rows) out[r.step as SearchStep] = Number(r.n);
  return out;
}

export function eventsOf(db: Executor, userId: string) {
  return db
    .selectFrom('search_event')
    .select(['step', 'query', 'doc_id', 'at'])
    .where('user_id', '=', userId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** Unlinks the user's searches: counts and popular queries stay, nothing points at a person. */
export async function unlinkUser(db: Executor, userId: string): Promise<void> {
  await db.updateTable('search_event').set({ user_id: null }).where('user_id', '=', userId).execute();
}
