import type { Executor } from '../../db/database.ts';
import type { MessageRow, NewMessageRow } from './messages.table.ts';

export async function insertMessage(db: Executor, row: NewMessageRow): Promise<void> {
  await db.insertInto('message').values(row).execute();
}

export function findMessage(db: Executor, id: string): Promise<MessageRow | undefined> {
  return db.selectFrom('message').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks a sent message delivered; false when it already was (a second run of the job). */
export async function markDelivered(db: Executor, id: string, at: number): Promise<boolean> {
  const result = await db
    .updateTable('message')
    .set({ status: 'delivered', delivered_at: at })
    .where('id', '=', id)
    .where('status', '=', 'sent')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Marks the user's message opened (and read); false when it was opened before. */
export async function markOpened(db: Executor, id: string, userId: string, at: number): Promise<boolean> {
  const result = await db
    .updateTable('message')
    .set({ opened_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('opened_at', 'is', null)
    .executeTakeFirst();
  await db
    .updateTable('message')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
  return result.numUpdatedRows > 0n;
}

/** Marks every delivered message of one app's thread read. */
export async function markThreadRead(db: Executor, userId: string, appId: string, at: number): Promise<void> {
  await db
    .updateTable('message')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('app_id', '=', appId)
    .where('status', '=', 'delivered')
    .where('read_at', 'is', null)
    .execute();
}

/** The user's delivered messages, per app thread: the latest one and the unread count. */
export async function listThreads(
  db: Executor,
  userId: string,
): Promise<{ app_id: string; last_id: string; unread: number; total: number }[]> {
  const rows = await db
    .selectFrom('message')
    .select((eb) => [
      'app_id',
      eb.fn.max('id').as('last_id'),
      eb.fn.count<number>('id').as('total'),
      eb.fn.sum<number>(eb.case().when('read_at', 'is', null).then(1).else(0).end()).as('unread'),
    ])
    .where('user_id', '=', userId)
    .where('status', '=', 'delivered')
    .groupBy('app_id')
    .execute();
  return rows.map((r) => ({
    app_id: r.app_id,
    last_id: String(r.last_id),
    unread: Number(r.unread),
    total: Number(r.total),
  }));
}

export function listThreadMessages(
  db: Executor,
  userId: string,
  appId: string,
  page: { before?: string | undefined; limit: number },
): Promise<MessageRow[]> {
  let query = db
    .selectFrom('message')
    .selectAll()
    .where('user_id', '=', userId)
    .where('app_id', '=', appId)
    .where('status', '=', 'delivered')
    .orderBy('id', 'desc')
    .limit(page.limit);
  if (page.before !== undefined) query = query.where('id', '<', page.before);
  return query.execute();
}

export function findMessages(db: Executor, ids: readonly string[]): Promise<MessageRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('message').selectAll().where('id', 'in', ids).execute();
}

export function listMessagesOfUser(db: Executor, userId: string): Promise<MessageRow[]> {
  return db.selectFrom('message').selectAll().where('user_id', '=', userId).orderBy('id').execute();
}

export async function deleteMessagesOfUser(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('message').where('user_id', '=', userId).execute();
}

/** Delivered messages newer than `after` (by id), for the fan-out poll on SQLite. */
export function listDeliveredSince(db: Executor, after: number, limit: number): Promise<MessageRow[]> {
  return db
    .selectFrom('message')
    .selectAll()
    .where('status', '=', 'delivered')
    .where('delivered_at', '>', after)
    .orderBy('delivered_at')
    .limit(limit)
    .execute();
}

/**
 * Credits a paid order to the user's latest message of the app opened within `windowMs`
 * and not credited yet; false when there is none.
 */
export async function markOrdered(
  db: Executor,
  key: { appid: string; userId: string },
  at: number,
  windowMs: number,
): Promise<boolean> {
  const latest = await db
    .selectFrom('message')
    .select('id')
    .where('appid', '=', key.appid)
    .where('user_id', '=', key.userId)
    .where('opened_at', '>=', at - windowMs)
    .where('opened_at', '<=', at)
    .where('ordered_at', 'is', null)
    .orderBy('opened_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest) return false;
  await db.updateTable('message').set({ ordered_at: at }).where('id', '=', latest.id).execute();
  return true;
}

/** Per template of an app, messages sent in `[from, to)` and how many were delivered, opened and led to an order. */
export async function templateFunnel(
  db: Executor,
  appId: string,
  from: number,
  to: number,
): Promise<
  { template_id: string; title: string; sent: number; delivered: number; opened: number; ordered: number }[]
> {
  const rows = await db
    .selectFrom('message')
    .select((eb) => [
      'template_id',
      eb.fn.max('title').as('title'),
      eb.fn.count<number>('id').as('sent'),
      eb.fn.count<number>('delivered_at').as('delivered'),
      eb.fn.count<number>('opened_at').as('opened'),
      eb.fn.count<number>('ordered_at').as('ordered'),
    ])
    .where('app_id', '=', appId)
    .where('sent_at', '>=', from)
    .where('sent_at', '<', to)
    .groupBy('template_id')
    .orderBy('template_id')
    .execute();
  return rows.map((r) => ({
    template_id: r.template_id,
    title: String(r.title),
    sent: Number(r.sent),
    delivered: Number(r.delivered),
    opened: Number(r.opened),
    ordered: Number(r.ordered),
  }));
}
