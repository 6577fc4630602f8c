import type { Db } from '../../db/database.ts';
import { preparedQuery } from '../../db/prepared-query.ts';
import type { FunnelEventTable, FunnelSource, FunnelSourceKind } from './funnel.table.ts';

// Every code exchange and every payment records a step in its transaction: built once.
const insertEvent = preparedQuery((db, row: FunnelEventTable) => db.insertInto('funnel_event').values(row));

export async function insertFunnelEvent(db: Db, row: FunnelEventTable): Promise<void> {
  await insertEvent(db, 'one', row);
}

/** Inserts a reported step unless its `reported_key` was counted already; whether it was new. */
export async function insertReportedOnce(db: Db, row: FunnelEventTable): Promise<boolean> {
  const inserted = await db
    .insertInto('funnel_event')
    .values(row)
    .onConflict((oc) => oc.column('reported_key').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** How many of each step, and their amount, per day of an app (days are UTC day numbers). */
export async function countsByDay(db: Db, appid: string, firstDay: number, lastDay: number) {
  const rows = await db
    .selectFrom('funnel_event')
    .select(['day', 'step'])
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('amount').as('amount')])
    .where('appid', '=', appid)
    .where('day', '>=', firstDay)
    .where('day', '<=', lastDay)
    .groupBy(['day', 'step'])
    .execute();
  return rows.map((r) => ({
    day: Number(r.day),
    step: r.step,
    count: Number(r.n),
    amount: Number(r.amount ?? 0),
  }));
}

export function stepsOf(db: Db, userId: string) {
  return db
    .selectFrom('funnel_event')
    .select(['appid', 'step', 'amount', 'at'])
    .where('user_id', '=', userId)
    .orderBy('at')
    .execute();
}

/** Each app's daily funnel keeps its counts; no step points at the person any more. */
export async function unlinkStepsOf(db: Db, userId: string): Promise<void> {
  await db
    .updateTable('funnel_event')
    .set({ user_id: null, reported_key: null })
    .where('user_id', '=', userId)
    .execute();
}

/** The source of the user's latest open of the app after `since`, if that open had one. */
export async function latestOpenSource(
  db: Db,
  userId: string,
  appid: string,
  since: number,
): Promise<FunnelSource | undefined> {
  const row = await db
    .selectFrom('funnel_event')
    .select(['source_kind', 'source_id'])
    .where('user_id', '=', userId)
    .where('appid', '=', appid)
    .where('step', '=', 'app_open')
    .where('at', '>=', since)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.source_kind && row.source_id ? { kind: row.source_kind, id: row.source_id } : undefined;
}

/** How many of each step one source (a video, a live room) brought, over all days. */
export async function countsBySource(db: Db, kind: FunnelSourceKind, id: string) {
  const rows = await db
    .selectFrom('funnel_event')
    .select(['step'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('source_kind', '=', kind)
    .where('source_id', '=', id)
    .groupBy('step')
    .execute();
  return rows.map((r) => ({ step: r.step, count: Number(r.n) }));
}
